-- People (children and the adults around them), addresses with history, the family network,
-- and the links that give a user access to a child: allocation, involvement, grant, break-glass.

create table people (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  is_child boolean not null,
  first_name text not null,
  last_name text not null,
  other_names text[] not null default '{}',
  date_of_birth date,
  expected_date_of_birth date,
  sex text check (sex in ('M', 'F', 'U')),
  gender_identity text,
  ethnicity text,
  disabilities text[] not null default '{}',
  languages text[] not null default '{}',
  religion text,
  nhs_number char(10) check (nhs_number ~ '^[0-9]{10}$'),
  upn char(13),
  upn_unknown_reason text,
  la_child_id text,
  -- Restricted records are hidden from everyone not named on restricted_access.
  restricted boolean not null default false,
  -- A professional's role and organisation, for professionals in the network.
  occupation text,
  created_at timestamptz not null default now(),
  check (date_of_birth is not null or expected_date_of_birth is not null or not is_child)
);
create index people_la_child on people (la_code, is_child);
create index people_nhs on people (nhs_number);
create unique index people_la_child_id on people (la_code, la_child_id);
create index people_dob on people (date_of_birth);
create index people_name_trgm on people using gin ((lower(first_name || ' ' || last_name)) gin_trgm_ops);

create table addresses (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null,
  person_id uuid not null references people (id) on delete cascade,
  line1 text not null,
  town text,
  postcode text not null,
  moved_in date,
  moved_out date
);
create index addresses_person on addresses (person_id);
create index addresses_postcode on addresses (postcode text_pattern_ops);

-- Stored once, from one side; the other side is derived (mother of <-> child of).
create table relationships (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null,
  person_id uuid not null references people (id) on delete cascade,
  related_person_id uuid not null references people (id) on delete cascade,
  type text not null,
  parental_responsibility boolean not null default false,
  lives_with boolean not null default false,
  possible_carer boolean not null default false,
  check (person_id <> related_person_id)
);
create index relationships_person on relationships (person_id);
create index relationships_related on relationships (related_person_id);

create table allocations (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null,
  child_id uuid not null references people (id),
  worker_id uuid not null references users (id),
  team_id uuid not null references teams (id),
  started_on date not null,
  ended_on date,
  check (ended_on is null or ended_on >= started_on)
);
create index allocations_child on allocations (child_id) where ended_on is null;
create index allocations_worker on allocations (worker_id) where ended_on is null;
create index allocations_team on allocations (team_id) where ended_on is null;

-- A partner agency's or a multi-agency team's part in a child's case (a concern raised, a meeting).
create table involvements (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null,
  child_id uuid not null references people (id),
  user_id uuid references users (id),
  agency_id uuid references agencies (id),
  kind text not null,
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  check (user_id is not null or agency_id is not null)
);
create index involvements_child on involvements (child_id);

create table access_grants (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null,
  child_id uuid not null references people (id),
  user_id uuid not null references users (id),
  lawful_basis text not null,
  reason text not null,
  granted_by uuid not null references users (id),
  granted_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index access_grants_child_user on access_grants (child_id, user_id);

create table break_glass_access (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null,
  child_id uuid not null references people (id),
  user_id uuid not null references users (id),
  reason text not null check (length(trim(reason)) >= 10),
  opened_at timestamptz not null default now(),
  expires_at timestamptz not null,
  reviewed_by uuid references users (id)
);
create index break_glass_child_user on break_glass_access (child_id, user_id);

-- For a restricted record, the only users who may see it.
create table restricted_access (
  child_id uuid not null references people (id),
  user_id uuid not null references users (id),
  primary key (child_id, user_id)
);
