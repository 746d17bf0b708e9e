-- Strategy discussions and child protection conferences as arranged, before they are held and recorded:
-- who is invited (each invitation gives the invitee an involvement with the child, ended when the meeting
-- is over), and the written contribution each invitee sends for the chair and the social worker.
create table multi_agency_meetings (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  kind text not null check (kind in ('strategy_discussion', 'initial_conference', 'review_conference')),
  meeting_date date not null,
  chair_id uuid references users (id),
  arranged_by uuid not null references users (id),
  arranged_at timestamptz not null default now(),
  form_token uuid unique
);
create index multi_agency_meetings_child on multi_agency_meetings (child_id, meeting_date desc);

create table meeting_invitations (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null,
  meeting_id uuid not null references multi_agency_meetings (id),
  child_id uuid not null references people (id),
  user_id uuid not null references users (id),
  involvement_id uuid not null references involvements (id),
  invited_at timestamptz not null default now(),
  contribution text,
  contributed_at timestamptz,
  unique (meeting_id, user_id),
  check ((contribution is null) = (contributed_at is null))
);
create index meeting_invitations_user on meeting_invitations (user_id);
create index meeting_invitations_child on meeting_invitations (child_id);
