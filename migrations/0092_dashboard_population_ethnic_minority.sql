-- The share of the authority's residents from ethnic minority (non-white) backgrounds, Census 2021 (TS021), as a
-- percentage with one decimal place: the comparator beside the share of its social workers. An administrator sets it.
alter table local_authorities add column ethnic_minority_percent numeric(4, 1)
  check (ethnic_minority_percent >= 0 and ethnic_minority_percent <= 100);
