-- What each user has seen of each child's event stream, so "What's changed" can show what is new.
create table child_views (
  user_id uuid not null references users (id) on delete cascade,
  child_id uuid not null references people (id),
  last_seen_event_id bigint not null,
  seen_at timestamptz not null default now(),
  primary key (user_id, child_id)
);
