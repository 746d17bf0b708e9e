-- Validation reports of returns an analyst uploaded to check (/returns/validate): kept so the report can be read
-- again and downloaded as CSV, by the analyst who uploaded it, for seven days (each upload clears older ones).
create table returns_uploaded_reports (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  return_kind text not null check (return_kind in ('903', 'cin')),
  collection_year integer not null,
  ruleset text not null,
  file_names jsonb not null,
  children integer not null,
  errors integer not null,
  queries integer not null,
  -- How unusual files were read (encodings, spreadsheet dates), as {file, line, column, message}.
  warnings jsonb not null,
  report_csv text not null
);
create index returns_uploaded_reports_user on returns_uploaded_reports (user_id, created_at);
