-- Care leavers: needs assessment, pathway plan and its reviews, personal advisers (and the request for one to 25),
-- the 903 OC3 information around each birthday from 17 to 21, Staying Put and Staying Close. Whether a young person
-- is eligible, relevant, former relevant or qualifying is never stored: it is worked out from the periods of care.

create table care_leaver_needs_assessments (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  completed_on date not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index care_leaver_needs_assessments_child on care_leaver_needs_assessments (child_id, completed_on);

create table pathway_plans (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  plan_date date not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index pathway_plans_child on pathway_plans (child_id, plan_date);

create table pathway_plan_reviews (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  plan_id uuid not null references pathway_plans (id),
  review_date date not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index pathway_plan_reviews_child on pathway_plan_reviews (child_id, review_date);

create table personal_advisers (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  adviser_name text not null check (length(adviser_name) between 1 and 200),
  from_date date not null,
  to_date date,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  check (to_date is null or to_date >= from_date)
);
create index personal_advisers_child on personal_advisers (child_id, from_date);

-- A former relevant young person asked for a personal adviser from 21 to 25 (CSWA 2017 s3).
create table personal_adviser_requests (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  requested_on date not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index personal_adviser_requests_child on personal_adviser_requests (child_id, requested_on);

-- 903 OC3: in touch, activity and accommodation around one birthday (17 to 21).
create table care_leaver_birthday_contacts (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  birthday_age smallint not null check (birthday_age between 17 and 21),
  contact_date date not null,
  in_touch text not null check (in_touch in ('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM')),
  activity text not null check (activity in ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0')),
  accommodation text not null check (accommodation ~ '^([BCDEGHKRSTUVWXYZ][12]|0)$'),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  unique (child_id, birthday_age)
);

-- CL-03: a former relevant young person stays with their former foster carer after 18, to 21 at most.
create table staying_put_arrangements (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  carer_name text not null check (length(carer_name) between 1 and 200),
  start_date date not null,
  end_date date,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);
create index staying_put_arrangements_child on staying_put_arrangements (child_id, start_date);

-- CL-04: the assessment of a former relevant young person's need for staying close support, and its outcome.
create table staying_close_assessments (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  assessed_on date not null,
  outcome text not null check (outcome in ('provide', 'not_needed', 'declined')),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index staying_close_assessments_child on staying_close_assessments (child_id, assessed_on);
