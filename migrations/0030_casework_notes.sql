-- Case notes and visits, and the drafts that keep a note safe across a session time-out.
create table case_notes (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  kind text not null check (kind in ('note', 'visit')),
  occurred_on date not null,
  subject text,
  visit_type text,
  seen boolean,
  seen_alone boolean,
  others_present text,
  body text not null,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  form_token text unique,
  check (kind = 'note' or (visit_type is not null and seen is not null)),
  check (not coalesce(seen_alone, false) or coalesce(seen, false))
);
create index case_notes_child on case_notes (child_id, occurred_on desc);

create table drafts (
  user_id uuid not null references users (id) on delete cascade,
  child_id uuid not null references people (id),
  form text not null,
  answers jsonb not null,
  saved_at timestamptz not null default now(),
  primary key (user_id, child_id, form)
);
