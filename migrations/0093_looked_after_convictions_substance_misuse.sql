-- Youth justice: each conviction, youth caution or youth conditional caution of a looked-after child with its date,
-- so the 903's OC2 CONVICTED (during the year) is worked out for any year.
create table looked_after_convictions (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  kind text not null check (kind in ('conviction', 'youth_caution', 'youth_conditional_caution')),
  outcome_date date not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index looked_after_convictions_child on looked_after_convictions (child_id, outcome_date);

-- For a child identified with a substance misuse problem: whether they received an intervention for it, or were
-- offered one and did not take it up, or neither (OC2 INTERVENTION_RECEIVED, INTERVENTION_OFFERED). Null without a
-- problem, and on records made before it was asked.
alter table looked_after_wellbeing
  add column substance_misuse_intervention text check (substance_misuse_intervention in ('received', 'offered', 'not_offered')),
  add check (substance_misuse or substance_misuse_intervention is null);
