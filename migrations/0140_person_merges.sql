-- Merging two records of the same child, reversibly. The merged record stays (merged_into points at the
-- record kept), every row that named it is moved to the record kept, and the moved rows' keys are logged per
-- table and column, so an unmerge moves exactly those rows back. The audit log is append-only and is never
-- rewritten: a record's audit is read together with the records merged into it.
alter table people add column merged_into uuid references people (id);
create index people_merged_into on people (merged_into) where merged_into is not null;

create table person_merges (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  surviving_id uuid not null references people (id),
  merged_id uuid not null references people (id),
  reason text not null check (length(trim(reason)) > 0),
  probability double precision,
  merged_by uuid not null references users (id),
  merged_at timestamptz not null default now(),
  unmerged_by uuid references users (id),
  unmerged_at timestamptz,
  unmerge_reason text,
  check (surviving_id <> merged_id),
  check ((unmerged_at is null) = (unmerged_by is null))
);
create unique index person_merges_one_open on person_merges (merged_id) where unmerged_at is null;
create index person_merges_surviving on person_merges (surviving_id);

-- The rows one merge moved: for each table and column, the primary keys of the moved rows (a JSON array).
create table person_merge_moves (
  merge_id uuid not null references person_merges (id),
  table_name text not null,
  column_name text not null,
  row_keys jsonb not null,
  primary key (merge_id, table_name, column_name)
);
