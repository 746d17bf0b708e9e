-- When a record arrives without a usable NHS number (a partner's concern, say), the records it may
-- duplicate, with the linkage score and reasons, for a practitioner to confirm (merge) or dismiss.
create table record_match_suggestions (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  candidate_id uuid not null references people (id),
  probability double precision not null,
  reasons text not null,
  source text not null,
  suggested_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by uuid references users (id),
  resolution text check (resolution in ('merged', 'dismissed')),
  unique (child_id, candidate_id),
  check (child_id <> candidate_id)
);
create index record_match_suggestions_candidate on record_match_suggestions (candidate_id);
