-- Family network decisions and kinship (CWSA 2026 s1, new CA 1989 s31ZA): pre-proceedings on the CIN
-- episode, the family group decision-making (FGDM) offer to each parent or holder of parental
-- responsibility and their answers, the FGDM meeting, a best-interests exemption, the application to
-- court; possible carers' viability assessments, kinship arrangements and the authority's local offer.

-- Pre-proceedings (the Public Law Outline) on one CIN episode: from the legal meeting that decided to
-- enter them to the decision to issue proceedings or to step down.
create table pre_proceedings (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  referral_id uuid not null references referrals (id),
  decision_date date not null,
  letter_date date,
  outcome text check (outcome in ('issue', 'step_down')),
  outcome_date date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check ((outcome is null) = (outcome_date is null)),
  check (letter_date is null or letter_date >= decision_date),
  check (outcome_date is null or outcome_date >= decision_date)
);
-- One undecided pre-proceedings per child: a second "Start" is refused, not stored.
create unique index pre_proceedings_one_open on pre_proceedings (child_id) where outcome is null;
create index pre_proceedings_referral on pre_proceedings (referral_id);

-- Meetings with the parents under the letter before proceedings: the first is the initial meeting.
create table pre_proceedings_meetings (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  pre_proceedings_id uuid not null references pre_proceedings (id),
  meeting_date date not null,
  recorded_by uuid references users (id),
  unique (pre_proceedings_id, meeting_date)
);

-- The FGDM offer, one row per person offered (a parent or holder of parental responsibility), and their answer.
create table fgdm_offers (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  pre_proceedings_id uuid not null references pre_proceedings (id),
  person_id uuid not null references people (id),
  offered_on date not null,
  in_letter_before_proceedings boolean not null,
  response text check (response in ('accepted', 'declined')),
  responded_on date,
  recorded_by uuid references users (id),
  check ((response is null) = (responded_on is null)),
  check (responded_on is null or responded_on >= offered_on),
  unique (pre_proceedings_id, person_id)
);

create table fgdm_meetings (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  pre_proceedings_id uuid not null unique references pre_proceedings (id),
  held_on date not null,
  -- Professionals who took part, as written (names and roles): they are not in the family network.
  professionals text not null default '',
  family_plan text not null default '',
  recorded_by uuid references users (id)
);

create table fgdm_meeting_attendees (
  meeting_id uuid not null references fgdm_meetings (id),
  person_id uuid not null references people (id),
  primary key (meeting_id, person_id)
);

-- Not offering (or not holding) a meeting because it is not in the child's best interests: a team manager's decision.
create table fgdm_exemptions (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  pre_proceedings_id uuid not null unique references pre_proceedings (id),
  decided_on date not null,
  reasons text not null check (length(trim(reasons)) > 0),
  authorised_by uuid not null references users (id)
);

create table proceedings_applications (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  pre_proceedings_id uuid not null unique references pre_proceedings (id),
  applied_on date not null,
  order_type text not null check (order_type in ('care', 'supervision')),
  court text not null,
  recorded_by uuid references users (id)
);

create table viability_assessments (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  person_id uuid not null references people (id),
  started_on date not null,
  completed_on date,
  outcome text check (outcome in ('positive', 'negative', 'withdrawn')),
  recommendation text,
  recorded_by uuid references users (id),
  check ((outcome is null) = (completed_on is null)),
  check (completed_on is null or completed_on >= started_on)
);
-- One assessment at a time of the same person for the same child.
create unique index viability_assessments_one_open on viability_assessments (child_id, person_id) where completed_on is null;
create index viability_assessments_child on viability_assessments (child_id);

create table kinship_arrangements (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  carer_id uuid not null references people (id),
  arrangement_type text not null check (arrangement_type in (
    'informal', 'connected_person_foster_care', 'special_guardianship_order', 'child_arrangements_order')),
  started_on date not null,
  ended_on date,
  recorded_by uuid references users (id),
  check (ended_on is null or ended_on >= started_on)
);
-- A child lives in one kinship arrangement at a time.
create unique index kinship_arrangements_one_open on kinship_arrangements (child_id) where ended_on is null;

-- The authority's kinship local offer, published at /kinship-local-offer: one row per authority.
create table kinship_local_offers (
  la_code char(3) primary key references local_authorities (code),
  financial_support text not null,
  practical_support text not null,
  training text not null,
  contact text not null,
  how_to_apply text not null,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

-- Each form carries a one-time token; the change it made records it in the same transaction, so a second
-- click finds the first change and is sent where the first one went.
create table family_network_submissions (
  token uuid primary key,
  la_code char(3) not null references local_authorities (code),
  child_id uuid not null references people (id),
  redirect_to text not null,
  submitted_at timestamptz not null default now()
);
