-- Every looked-after and care leaver form carries a one-time token. The change it makes claims the token first,
-- in the same transaction, so a second click of the same form (a double click, or Back and send again) waits for
-- the first, finds the token taken and writes nothing. A refused change rolls its claim back with it.
create table care_form_submissions (
  token uuid primary key,
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  submitted_at timestamptz not null default now()
);
