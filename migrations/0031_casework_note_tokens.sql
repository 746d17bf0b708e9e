-- A form's token stops a double-click recording a note twice; it is the user's own, so one user's
-- token can never swallow another's note. A practitioner may mark a note as a significant event.
alter table case_notes drop constraint case_notes_form_token_key;
create unique index case_notes_form_token on case_notes (recorded_by, form_token);
alter table case_notes add column significant boolean not null default false;
