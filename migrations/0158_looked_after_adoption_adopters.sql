-- The child's adoption record says whom the child was matched with (the adopter household, when the authority
-- recorded it) and why a decision to place for adoption was reversed (903 REASON_PLACED_CEASED, RD1-RD4), so the
-- match and the reason are recorded once and the 903 and Annex A lists 10 and 11 derive from them.
alter table adoption_milestones
  add column adopter_household_id uuid references adopter_households (id),
  add column reason text check (reason in ('RD1', 'RD2', 'RD3', 'RD4')),
  add constraint adoption_milestones_household_on_match check (adopter_household_id is null or milestone = 'matched'),
  add constraint adoption_milestones_reason_on_reversal check (reason is null or milestone = 'no_longer_placed');

create index adoption_milestones_household on adoption_milestones (adopter_household_id) where adopter_household_id is not null;
