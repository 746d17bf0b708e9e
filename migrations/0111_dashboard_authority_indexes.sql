-- The dashboard's figures for one authority read only that authority's rows: without an index leading on la_code,
-- each indicator scanned every authority's rows in a national deployment. One index per table the indicators
-- aggregate, on the date their period is tested against (the tables belong to child protection, looked after,
-- care leavers and people's allocations; the indexes are the dashboard's, so they live in its range).
create index assessments_la_authorised on assessments (la_code, authorised_on) include (child_id, referral_id, factors) where authorised_on is not null;
create index child_protection_plans_la_start on child_protection_plans (la_code, start_date);
create index care_periods_la_start on care_periods (la_code, start_date);
create index care_episodes_la_end on care_episodes (la_code, end_date);
create index adoption_milestones_la_date on adoption_milestones (la_code, milestone, milestone_date);
create index care_leaver_birthday_contacts_la on care_leaver_birthday_contacts (la_code, birthday_age);
create index allocations_la_started on allocations (la_code, started_on);
