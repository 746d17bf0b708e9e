// What the inspection lists and the DfE payload read from family help: child in need plans, and Family Help
// episodes started in a date range with the organisation of their lead practitioner and when their assessment
// was completed. Read-only.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

export async function cinPlansOf(db: Kysely<DB>, laCode: string, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('cin_plans').where('la_code', '=', laCode).where('child_id', 'in', childIds)
    .select(['id', 'child_id', 'referral_id', 'start_date', 'end_date']).orderBy('start_date').execute()
}

export async function familyHelpStartedBetween(db: Kysely<DB>, laCode: string, from: LocalDate, to: LocalDate) {
  return db.selectFrom('family_help_episodes as e').innerJoin('users as u', 'u.id', 'e.lead_practitioner_id').innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .where('e.la_code', '=', laCode).where('e.start_date', '>=', from).where('e.start_date', '<=', to)
    .select(['e.id', 'e.child_id', 'e.start_date', 'e.end_date', 'e.assessment_completed_on', 'a.name as organisation']).orderBy('e.start_date').execute()
}
