-- Family Help: episodes with a lead practitioner, the plan's goals and reviews, and the one-time tokens
-- that make every form in the module safe to send twice. Child in need plans, and the links to the front
-- door's referrals, are in 0051.

create table family_help_episodes (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  start_date date not null,
  end_date date,
  reason text not null,
  end_reason text,
  lead_practitioner_id uuid not null references users (id),
  -- Required when the lead practitioner is not a social worker (checked by the service, which knows roles).
  supervising_social_worker_id uuid references users (id),
  -- The lead practitioner's allocation: the platform's access policy links them to the child through it.
  allocation_id uuid references allocations (id),
  -- Where the help came from and went: a front door contact, a step-down, a step-up.
  contact_id uuid,
  stepped_down_from_referral_id uuid,
  stepped_up_to_referral_id uuid,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);
create unique index family_help_episodes_one_open on family_help_episodes (child_id) where end_date is null;
create index family_help_episodes_lead on family_help_episodes (lead_practitioner_id) where end_date is null;
create index family_help_episodes_supervisor on family_help_episodes (supervising_social_worker_id) where end_date is null;

-- Goals belong to a family help plan or a child in need plan, so a step between them carries them over.
create table plan_goals (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  family_help_episode_id uuid references family_help_episodes (id),
  cin_plan_id uuid,
  description text not null,
  progress text not null default 'not_started' check (progress in ('not_started', 'in_progress', 'achieved', 'stopped')),
  position integer not null,
  carried_over_from uuid references plan_goals (id),
  updated_at timestamptz not null default now(),
  check ((family_help_episode_id is null) <> (cin_plan_id is null))
);
create index plan_goals_episode on plan_goals (family_help_episode_id, position);
create index plan_goals_cin_plan on plan_goals (cin_plan_id, position);

create table family_help_reviews (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  episode_id uuid not null references family_help_episodes (id),
  review_date date not null,
  notes text not null,
  next_review_due date not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  check (next_review_due > review_date)
);
create index family_help_reviews_episode on family_help_reviews (episode_id, review_date);

-- Each form carries a one-time token; the change it made records it in the same transaction, so a
-- second click finds the first change and is sent where the first one went.
create table family_help_submissions (
  token uuid primary key,
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  redirect_to text not null,
  submitted_at timestamptz not null default now()
);
