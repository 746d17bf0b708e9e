// Periods of care, 903 episodes, adoption milestones, SDQ scores, school moves and UASC status as queries
// other modules aggregate in SQL (the dashboard's figures).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'

export const carePeriodRows = (db: Kysely<DB>) =>
  db.selectFrom('care_periods').select(['id', 'la_code', 'child_id', 'start_date', 'end_date'])

export const careEpisodeRows = (db: Kysely<DB>) =>
  db.selectFrom('care_episodes').select(['id', 'la_code', 'child_id', 'period_id', 'start_date', 'end_date', 'reason_new_episode', 'legal_status',
    'placement_type', 'home_postcode', 'placement_postcode', 'reason_ceased'])

export const adoptionMilestoneRows = (db: Kysely<DB>) =>
  db.selectFrom('adoption_milestones').select(['la_code', 'child_id', 'period_id', 'milestone', 'milestone_date'])

export const sdqRows = (db: Kysely<DB>) =>
  db.selectFrom('looked_after_wellbeing').where('sdq_score', 'is not', null).select(['la_code', 'child_id', 'recorded_on', 'sdq_score'])

export const schoolMoveRows = (db: Kysely<DB>) =>
  db.selectFrom('looked_after_education').where('kind', '=', 'school_move').select(['la_code', 'child_id', 'event_date'])

export const uascRows = (db: Kysely<DB>) =>
  db.selectFrom('uasc_statuses').where('uasc', '=', true).select(['la_code', 'child_id', 'ceased_on'])
