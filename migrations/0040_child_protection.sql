-- Child protection and the child and family assessment, on the front door's referral (the CIN episode):
-- assessments with their factors and manager authorisation; strategy discussions; section 47 enquiries;
-- initial and review conferences; child protection plans and their core groups. Statutory visits are the
-- casework module's visits (read from the event stream). An authority's own timescales are in
-- local_timescale_settings.

-- An authority's overrides of the local timescales (platform/timescales/rules.ts LocalTimescaleSettings).
create table local_timescale_settings (
  la_code char(3) primary key references local_authorities (code),
  settings jsonb not null default '{}',
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

create table assessments (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  referral_id uuid not null references referrals (id),
  start_date date not null,
  status text not null default 'in_progress' check (status in ('in_progress', 'submitted', 'returned', 'authorised')),
  factors text[] not null default '{}',
  outcome text check (outcome in ('no_further_action', 'family_help', 'child_in_need_plan', 'strategy_discussion', 'looked_after')),
  analysis text,
  completed_on date,
  late_reason text,
  submitted_by uuid references users (id),
  manager_comments text,
  authorised_on date,
  authorised_by uuid references users (id),
  started_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  check (completed_on is null or completed_on >= start_date),
  check (authorised_on is null or authorised_on >= completed_on),
  check (status in ('in_progress', 'returned') or (outcome is not null and completed_on is not null and submitted_by is not null)),
  check ((status = 'authorised') = (authorised_on is not null and authorised_by is not null)),
  check (authorised_by is null or authorised_by <> submitted_by)
);
-- One assessment in hand per referral; an episode may hold several over time.
create unique index assessments_one_open on assessments (referral_id) where status <> 'authorised';
create index assessments_child on assessments (child_id, start_date desc);

create table strategy_discussions (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  referral_id uuid not null references referrals (id),
  discussion_date date not null,
  -- [{ "agency": "social_care" | "police" | "health" | "education" | "other", "names": "..." }]
  attendees jsonb not null,
  decision text not null check (decision in ('section_47', 'no_section_47', 'other')),
  decision_detail text,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  check (decision <> 'other' or decision_detail is not null),
  unique (referral_id, discussion_date)
);
create index strategy_discussions_child on strategy_discussions (child_id, discussion_date desc);

create table section47_enquiries (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  referral_id uuid not null references referrals (id),
  -- The strategy discussion that started it: the initial conference is due 15 working days from it (CP-05).
  strategy_discussion_id uuid not null unique references strategy_discussions (id),
  start_date date not null,
  outcome text check (outcome in ('conference', 'no_conference', 'not_substantiated')),
  outcome_date date,
  -- CIN census ICPCnotRequired.
  icpc_not_required boolean not null default false,
  started_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  check ((outcome is null) = (outcome_date is null)),
  check (outcome_date is null or outcome_date >= start_date),
  check (icpc_not_required = coalesce(outcome in ('no_conference', 'not_substantiated'), false))
);
create index section47_enquiries_child on section47_enquiries (child_id, start_date desc);

create table child_protection_conferences (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  kind text not null check (kind in ('initial', 'review')),
  section47_id uuid references section47_enquiries (id),
  plan_id uuid,
  conference_date date not null,
  decision text not null,
  category text check (category in ('NEG', 'PHY', 'SAB', 'EMO')),
  chair_id uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  check ((kind = 'initial') = (section47_id is not null)),
  check ((kind = 'review') = (plan_id is not null)),
  check ((kind = 'initial' and decision in ('plan', 'no_plan')) or (kind = 'review' and decision in ('continue', 'end'))),
  check ((decision in ('plan', 'continue')) = (category is not null))
);
create unique index child_protection_conferences_one_initial on child_protection_conferences (section47_id) where kind = 'initial';
create unique index child_protection_conferences_review_day on child_protection_conferences (plan_id, conference_date) where kind = 'review';
create index child_protection_conferences_child on child_protection_conferences (child_id, conference_date);

create table child_protection_plans (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  referral_id uuid not null references referrals (id),
  initial_conference_id uuid not null unique references child_protection_conferences (id),
  start_date date not null,
  initial_category text not null check (initial_category in ('NEG', 'PHY', 'SAB', 'EMO')),
  latest_category text not null check (latest_category in ('NEG', 'PHY', 'SAB', 'EMO')),
  -- CIN census NumberOfPreviousCPP: plans this child had before this one (CP-12 flags any).
  previous_plans integer not null check (previous_plans >= 0),
  end_date date,
  -- Working Together 2023 ch.4 (CP-11): the only reasons a plan ends.
  end_reason text check (end_reason in ('no_continuing_risk', 'transferred', 'reached_18', 'died', 'left_uk')),
  transfer_conference_date date,
  ended_by uuid references users (id),
  check ((end_date is null) = (end_reason is null)),
  check (end_date is null or end_date >= start_date),
  check (end_reason is distinct from 'transferred' or transfer_conference_date is not null)
);
create unique index child_protection_plans_one_open on child_protection_plans (child_id) where end_date is null;
create index child_protection_plans_child on child_protection_plans (child_id, start_date);

alter table child_protection_conferences add constraint child_protection_conferences_plan
  foreign key (plan_id) references child_protection_plans (id);

create table core_group_meetings (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  plan_id uuid not null references child_protection_plans (id),
  meeting_date date not null,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  unique (plan_id, meeting_date)
);
