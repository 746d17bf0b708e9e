-- The DfE children's social care API payload: what was last sent for each child (to send only changes, and to
-- purge a child no longer in scope), and each run (its start bounds the events the next run looks at).
create table dfe_api_runs (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  kind text not null check (kind in ('full', 'changes')),
  started_at timestamptz not null,
  children integer not null,
  purged integer not null
);
create index dfe_api_runs_la on dfe_api_runs (la_code, started_at);

create table dfe_api_sent_children (
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null,
  -- The child's whole payload as last sent; null once a purge was sent.
  payload jsonb,
  sent_at timestamptz not null,
  primary key (la_code, child_id)
);
