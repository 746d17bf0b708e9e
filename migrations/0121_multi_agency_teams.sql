-- Multi-agency child protection teams (Children's Wellbeing and Schools Act 2026 s3). Each must include
-- a social worker, an education nominee, a registered health professional nominated by the health board,
-- and a police officer or member of police staff. A team holds section 47 cases, each with a lead
-- child protection practitioner; members reach those children through an involvement.
create table multi_agency_teams (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  name text not null,
  created_at timestamptz not null default now(),
  unique (la_code, name)
);

create table multi_agency_team_members (
  team_id uuid not null references multi_agency_teams (id) on delete cascade,
  user_id uuid not null references users (id),
  capacity text not null check (capacity in ('social_worker', 'education', 'health', 'police')),
  primary key (team_id, user_id)
);

create table multi_agency_team_cases (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null,
  team_id uuid not null references multi_agency_teams (id),
  child_id uuid not null references people (id),
  lead_practitioner_id uuid not null references users (id),
  opened_on date not null,
  closed_on date
);
create unique index multi_agency_team_cases_open on multi_agency_team_cases (child_id) where closed_on is null;
