-- Information sharing decisions (Children's Wellbeing and Schools Act 2026 s4): every request for, or
-- offer of, information about a child records the decision, who made it, the lawful basis, and why
-- when information was not shared.
create table sharing_decisions (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  direction text not null check (direction in ('request_received', 'request_made', 'offer_received', 'offer_made')),
  other_agency text not null,
  information text not null,
  decision text not null check (decision in ('shared', 'shared_in_part', 'not_shared')),
  lawful_basis text not null,
  reason text,
  decided_on date not null,
  decided_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  form_token text unique,
  check (decision = 'shared' or (reason is not null and length(trim(reason)) > 0))
);
create index sharing_decisions_child on sharing_decisions (child_id, decided_on desc);
create index sharing_decisions_la on sharing_decisions (la_code, decided_on);
