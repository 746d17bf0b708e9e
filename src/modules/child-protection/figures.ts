// Assessments and child protection plans as queries other modules aggregate in SQL (the dashboard's figures).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'

/**
 * Authorised assessments with the factors identified at their end (CIN census C3). The census counts an assessment
 * in the year its manager authorised it (AssessmentAuthorisationDate), and returns no factors before then.
 */
export const assessmentRows = (db: Kysely<DB>) =>
  db.selectFrom('assessments').where('authorised_on', 'is not', null).select(['id', 'la_code', 'child_id', 'referral_id', 'authorised_on', 'factors'])

/** Plans with the count of the child's earlier plans (anywhere) recorded when the plan began. */
export const protectionPlanRows = (db: Kysely<DB>) =>
  db.selectFrom('child_protection_plans').select(['id', 'la_code', 'child_id', 'start_date', 'end_date', 'previous_plans'])
