-- Workforce records for the children's social work workforce census (at 30 September) and the dashboard:
-- registered social workers (employed or agency, with their FTE and dates) and vacant posts by team.

create table staff (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  -- The Kindred account of the same person, when they have one: their cases held come from its allocations.
  user_id uuid unique references users (id),
  name text not null check (length(name) between 1 and 200),
  -- Social Work England registration: SW and digits.
  registration_number text check (registration_number ~ '^SW[0-9]{1,7}$'),
  role text not null check (role in ('case_holder', 'senior_practitioner', 'first_line_manager', 'middle_manager', 'senior_manager', 'qualified_not_holding_cases')),
  team_id uuid references teams (id),
  employment text not null check (employment in ('employed', 'agency')),
  fte numeric(3, 2) not null check (fte > 0 and fte <= 1),
  started_on date not null,
  left_on date,
  -- 1 is the assessed and supported year in employment (ASYE); 2 and 3 are the early career framework years.
  early_career_year smallint check (early_career_year between 1 and 3),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  check (left_on is null or left_on >= started_on)
);
create index staff_la on staff (la_code, started_on);
create unique index staff_registration on staff (la_code, registration_number) where left_on is null;

create table vacancies (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  team_id uuid not null references teams (id),
  fte numeric(4, 2) not null check (fte > 0 and fte <= 50),
  open_since date not null,
  filled_on date,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  check (filled_on is null or filled_on >= open_since)
);
create index vacancies_la on vacancies (la_code, open_since);
