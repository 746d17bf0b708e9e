-- Search looks for a child within one authority. Indexes led by the authority code keep a national
-- deployment's search as quick as one authority's: a loose trigram match on a short name would otherwise
-- gather hundreds of thousands of children across England only to throw away all but one authority's.
create extension if not exists btree_gin;
create index people_la_search_names on people using gin (la_code, search_names gin_trgm_ops) where is_child;
create index people_la_name_codes on people using gin (la_code, name_codes) where is_child;
create index people_la_expected_dob on people (la_code, expected_date_of_birth) where expected_date_of_birth is not null;
drop index people_search_names_trgm;
drop index people_name_codes;
