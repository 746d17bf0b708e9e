// What the inspection lists and the DfE payload read beside the 903 tables: which children have been in care,
// social work visits and SDQ scores. Read-only.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

/** Children of the authority whose first period of care started on or before the date. */
export async function childrenInCareBy(db: Kysely<DB>, laCode: string, date: LocalDate): Promise<string[]> {
  return (await db.selectFrom('care_periods').where('la_code', '=', laCode).where('start_date', '<=', date).select('child_id').distinct().execute())
    .map((r) => r.child_id)
}

export async function socialWorkVisitsOf(db: Kysely<DB>, laCode: string, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('looked_after_visits').where('la_code', '=', laCode).where('child_id', 'in', childIds)
    .select(['child_id', 'visit_date', 'seen_alone']).orderBy('visit_date').execute()
}

export async function sdqScoresOf(db: Kysely<DB>, laCode: string, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('looked_after_wellbeing').where('la_code', '=', laCode).where('child_id', 'in', childIds).where('sdq_score', 'is not', null)
    .select(['child_id', 'recorded_on', 'sdq_score']).orderBy('recorded_on').execute()
}
