-- Prospective adopters, recruited by the authority (or its regional adoption agency) and matched with children:
-- Ofsted's Annex A list 11 and the 903's AD1 adopter items come from these rows. A household is one adopter or a
-- couple, with its 903 legal status (LS_ADOPTR) and its way through recruitment: enquiry, stage 1, stage 2,
-- application, approval, or leaving the process with a reason (Annex A: a) withdrew, b) on hold, c) refused).
create sequence adopter_household_numbers;

create table adopter_households (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  -- Annex A's "Family identifier": stable, short and alphanumeric, unlike the row id.
  reference text not null unique default ('AH' || lpad(nextval('adopter_household_numbers')::text, 6, '0')),
  legal_status text not null check (legal_status in ('L0', 'L11', 'L12', 'L2', 'L3', 'L4')),
  fostering_for_adoption boolean not null,
  enquiry_received date not null,
  stage1_started date,
  stage1_ended date,
  stage2_started date,
  stage2_ended date,
  application_submitted date,
  approved date,
  left_on date,
  left_reason text check (left_reason in ('withdrew', 'on_hold', 'refused')),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  check ((left_on is null) = (left_reason is null))
);
create index adopter_households_la on adopter_households (la_code, enquiry_received);

create table adopters (
  id uuid primary key default gen_random_uuid(),
  household_id uuid not null references adopter_households (id),
  la_code char(3) not null references local_authorities (code),
  -- First or second adopter of the household: the individual identifier is the household's reference and A or B.
  position smallint not null check (position in (1, 2)),
  first_name text not null,
  last_name text not null,
  -- Sex for the 903 (SEX_ADOPTR); gender as the adopter describes it, for Annex A.
  sex char(1) not null check (sex in ('M', 'F')),
  gender text not null check (gender in ('male', 'female', 'neither', 'not_stated')),
  ethnicity text not null,
  disability text not null check (disability in ('yes', 'no', 'unknown')),
  unique (household_id, position)
);
