-- Care planning for a looked-after child: the permanence plan (set at the care planning meeting or looked-after
-- review, changed as the plan changes; each row is the plan from its date) and the independent reviewing
-- officer's own contacts with the child between reviews. Ofsted Annex A list 8 reads both.
create table permanence_plans (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  period_id uuid not null references care_periods (id),
  plan text not null check (plan in ('return_to_family', 'adoption', 'sgo_cao', 'supported_living', 'long_term_residential',
    'long_term_fostering', 'other')),
  set_on date not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  unique (child_id, set_on)
);
create index permanence_plans_authority on permanence_plans (la_code, child_id, set_on);

create table iro_contacts (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  period_id uuid not null references care_periods (id),
  contact_date date not null,
  kind text not null check (kind in ('visit', 'video_call', 'phone_call', 'message')),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index iro_contacts_authority on iro_contacts (la_code, child_id, contact_date);
