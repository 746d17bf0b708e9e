-- Tenancy, organisations, accounts, sessions, the audit log and the child event stream.
create extension if not exists pg_trgm;
create extension if not exists fuzzystrmatch;

create table regional_care_cooperatives (
  id text primary key,
  name text not null
);

create table local_authorities (
  code char(3) primary key check (code ~ '^[0-9]{3}$'),
  name text not null,
  rcc_id text references regional_care_cooperatives (id),
  population_0_17 integer check (population_0_17 >= 0)
);

create table agencies (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  kind text not null check (kind in ('childrens_services', 'police', 'health', 'school', 'family_hub',
    'voluntary', 'fostering_agency', 'provider')),
  name text not null,
  -- Ofsted URN, ODS code or DfE establishment number, as the kind of agency uses.
  reference text
);
create index agencies_la on agencies (la_code);

create table teams (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  agency_id uuid not null references agencies (id),
  name text not null,
  kind text not null
);
create index teams_la on teams (la_code);

create table users (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  agency_id uuid not null references agencies (id),
  team_id uuid references teams (id),
  manager_id uuid references users (id),
  email text not null unique,
  display_name text not null,
  role text not null,
  password_hash text,
  -- The subject claim from the authority's identity provider, once OIDC sign-in is switched on.
  oidc_subject text unique,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create index users_team on users (team_id);
create index users_manager on users (manager_id);

create table sessions (
  -- SHA-256 of the cookie value: a leaked table cannot be replayed as cookies.
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
create index sessions_user on sessions (user_id);

create table sign_in_attempts (
  id bigint generated always as identity primary key,
  source text not null,
  email text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index sign_in_attempts_source on sign_in_attempts (source, at);

-- The audit log is append-only and hash-chained per authority: each row's hash covers its content
-- and the previous row's hash, so a changed or deleted row breaks the chain (kindred audit verify).
create table audit_log (
  id bigint generated always as identity primary key,
  la_code char(3) not null,
  at timestamptz not null,
  user_id uuid,
  action text not null,
  child_id uuid,
  purpose text,
  detail jsonb not null default '{}',
  previous_hash text not null,
  hash text not null
);
create index audit_log_la on audit_log (la_code, id);
create index audit_log_child on audit_log (child_id, id);

create table audit_chain_heads (
  la_code char(3) primary key,
  last_id bigint not null,
  last_hash text not null
);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'The audit log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();

-- Every change to a child's case appends one typed event here, in the same transaction as the change.
create table child_events (
  id bigint generated always as identity primary key,
  la_code char(3) not null,
  child_id uuid not null,
  type text not null,
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  significant boolean not null default false,
  summary text not null,
  data jsonb not null default '{}'
);
create index child_events_child on child_events (child_id, occurred_at desc);
create index child_events_la_type on child_events (la_code, type, occurred_at);
