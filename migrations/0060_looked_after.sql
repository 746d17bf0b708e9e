-- Looked-after children: periods of care and their episodes in SSDA903 terms, reviews, social worker visits,
-- health, education, missing episodes, UASC status and adoption milestones. An episode row is already shaped
-- like a row of the 903 Episodes table; the service writes them from what happened (came into care, moved,
-- new legal order, left care), never from the user typing RNE or REC.

create table care_periods (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  start_date date not null,
  end_date date,
  -- CIN: the category of need when the period began; it stays the same for the whole period.
  category_of_need text not null check (category_of_need in ('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8')),
  -- PrevPerm: the permanence order the child had before this period (P1-P4, Z1 none or not known).
  previous_permanence text check (previous_permanence in ('P1', 'P2', 'P3', 'P4', 'Z1')),
  previous_permanence_la text,
  previous_permanence_date date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);
create unique index care_periods_one_open on care_periods (child_id) where end_date is null;
create index care_periods_child on care_periods (child_id, start_date);

create table care_episodes (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  period_id uuid not null references care_periods (id),
  start_date date not null,
  reason_new_episode text not null check (reason_new_episode in ('S', 'L', 'P', 'T', 'B', 'U')),
  legal_status text not null,
  placement_type text not null,
  placement_provider text,
  urn text,
  home_postcode text,
  placement_postcode text,
  -- How reg 28 visits are counted in this placement: ordinary, placed with a parent before assessment (reg 19),
  -- or connected person temporarily approved (reg 24). Care orders at home are worked out from LS and PLACE.
  visit_regime text not null default 'ordinary' check (visit_regime in ('ordinary', 'placed_with_parent', 'temporary_approval')),
  end_date date,
  reason_ceased text,
  reason_place_change text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date),
  check ((end_date is null) = (reason_ceased is null))
);
create unique index care_episodes_one_open on care_episodes (child_id) where end_date is null;
create index care_episodes_period on care_episodes (period_id, start_date);

create table looked_after_reviews (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  period_id uuid not null references care_periods (id),
  review_date date not null,
  participation text not null check (participation in ('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  unique (child_id, review_date)
);

create table looked_after_visits (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  period_id uuid not null references care_periods (id),
  visit_date date not null,
  seen_alone boolean not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index looked_after_visits_child on looked_after_visits (child_id, visit_date);

-- Health assessments (initial and reviews) and dental checks.
create table looked_after_health_checks (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  period_id uuid not null references care_periods (id),
  kind text not null check (kind in ('health_assessment', 'dental_check')),
  check_date date not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index looked_after_health_checks_child on looked_after_health_checks (child_id, kind, check_date);

-- OC2 wellbeing: immunisations, the strengths and difficulties questionnaire, substance misuse.
create table looked_after_wellbeing (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  recorded_on date not null,
  immunisations_up_to_date boolean not null,
  sdq_score integer check (sdq_score between 0 and 40),
  sdq_reason text check (sdq_reason in ('SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5')),
  substance_misuse boolean not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  check ((sdq_score is null) <> (sdq_reason is null))
);
create index looked_after_wellbeing_child on looked_after_wellbeing (child_id, recorded_on);

-- Personal education plan meetings and school moves (a move restarts the 20 school days to a PEP).
create table looked_after_education (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  period_id uuid not null references care_periods (id),
  kind text not null check (kind in ('pep_meeting', 'school_move')),
  event_date date not null,
  school_name text,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index looked_after_education_child on looked_after_education (child_id, kind, event_date);

create table missing_episodes (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  kind text not null check (kind in ('M', 'A')),
  start_date date not null,
  end_date date,
  return_interview_offered boolean,
  return_interview_taken boolean,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date),
  check (return_interview_taken is not true or return_interview_offered is true)
);
create index missing_episodes_child on missing_episodes (child_id, start_date);

-- Unaccompanied asylum-seeking child: the date the child stopped being one (DUC) once known.
create table uasc_statuses (
  child_id uuid primary key references people (id),
  la_code char(3) not null references local_authorities (code),
  uasc boolean not null,
  ceased_on date,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  check (uasc or ceased_on is null)
);

create table adoption_milestones (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  period_id uuid not null references care_periods (id),
  milestone text not null check (milestone in ('decision', 'placement_order', 'matched', 'placed', 'adoption_order', 'fostering_for_adoption', 'no_longer_placed')),
  milestone_date date not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  unique (period_id, milestone)
);
