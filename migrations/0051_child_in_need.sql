-- Children in need: child in need plans and their reviews on the CIN episode (the front door's
-- `referrals`). The foreign keys to `referrals` are added once the front door's table exists (0052).

create table cin_plans (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  referral_id uuid not null,
  start_date date not null,
  end_date date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);
-- One open plan per child: a second "Start" is refused, not stored.
create unique index cin_plans_one_open on cin_plans (child_id) where end_date is null;
create index cin_plans_referral on cin_plans (referral_id);

create table cin_plan_reviews (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  cin_plan_id uuid not null references cin_plans (id),
  review_date date not null,
  outcome text not null check (outcome in ('continue', 'change', 'end', 'step_down')),
  notes text not null default '',
  next_review_due date,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  check (next_review_due is null or next_review_due > review_date)
);
create index cin_plan_reviews_plan on cin_plan_reviews (cin_plan_id, review_date);

alter table plan_goals add foreign key (cin_plan_id) references cin_plans (id);
