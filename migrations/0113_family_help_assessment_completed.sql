-- The day the family's Family Help assessment (the early help assessment, Ofsted Annex A list 2) was completed.
-- The assessment starts with the help, so its start is the episode's start date.
alter table family_help_episodes add column assessment_completed_on date;
alter table family_help_episodes add constraint family_help_assessment_after_start check (assessment_completed_on >= start_date);
