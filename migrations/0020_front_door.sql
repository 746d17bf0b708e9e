-- The front door: contacts (a concern about a child, as received) and referrals. A referral to
-- children's social care opens a CIN episode: the `referrals` row is that episode, closed with a
-- DfE reason-for-closure code. Assessments, plans and the CIN census build on it.
create table contacts (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  received_at timestamptz not null,
  referrer_name text not null,
  referrer_role text,
  referrer_organisation text,
  referral_source text not null,
  concern text not null,
  consent text not null check (consent in ('given', 'refused', 'not_sought')),
  consent_note text,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  form_token text unique,
  decision text check (decision in ('no_further_action', 'information_and_advice', 'family_help', 'referral', 'strategy_discussion')),
  decided_at timestamptz,
  decided_by uuid references users (id),
  decision_reason text,
  feedback_to_referrer text,
  feedback_given_on date,
  check (decision is null or decided_at >= received_at)
);
create index contacts_open on contacts (la_code, received_at) where decision is null;
create index contacts_child on contacts (child_id, received_at desc);

create table referrals (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  contact_id uuid references contacts (id),
  referral_date date not null,
  referral_source text not null,
  primary_need text not null check (primary_need ~ '^N[0-9]$'),
  reason text,
  urgent_strategy_discussion boolean not null default false,
  closure_date date,
  reason_for_closure text check (reason_for_closure ~ '^RC[1-9]$'),
  opened_by uuid not null references users (id),
  opened_at timestamptz not null default now(),
  check ((closure_date is null) = (reason_for_closure is null)),
  check (closure_date is null or closure_date >= referral_date)
);
create unique index referrals_one_open on referrals (child_id) where closure_date is null;
create index referrals_child on referrals (child_id, referral_date desc);
create index referrals_la_date on referrals (la_code, referral_date);
