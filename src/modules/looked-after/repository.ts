// The looked-after module's SQL.
import type { Kysely, Selectable } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import type { CareEpisodesTable, CarePeriodsTable } from './tables.js'

export type PeriodRow = Selectable<CarePeriodsTable>
export type EpisodeRow = Selectable<CareEpisodesTable>

/** `laCode` null: the children's own authorities (deadline providers are given children, not an authority). */
export async function periodsOf(db: Executor, laCode: string | null, childIds: readonly string[]): Promise<PeriodRow[]> {
  if (childIds.length === 0) return []
  let query = db.selectFrom('care_periods').selectAll().where('child_id', 'in', childIds)
  if (laCode) query = query.where('la_code', '=', laCode)
  return query.orderBy('child_id').orderBy('start_date').execute()
}

export async function episodesOf(db: Executor, laCode: string | null, childIds: readonly string[]): Promise<EpisodeRow[]> {
  if (childIds.length === 0) return []
  let query = db.selectFrom('care_episodes').selectAll().where('child_id', 'in', childIds)
  if (laCode) query = query.where('la_code', '=', laCode)
  return query.orderBy('child_id').orderBy('start_date').orderBy('created_at').execute()
}

/** The open episode, locked so two changes to one child cannot both follow it. */
export async function openEpisodeForUpdate(trx: Executor, laCode: string, childId: string): Promise<EpisodeRow | undefined> {
  return trx.selectFrom('care_episodes').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId)
    .where('end_date', 'is', null).forUpdate().executeTakeFirst()
}

export async function latestPeriod(db: Executor, laCode: string, childId: string): Promise<PeriodRow | undefined> {
  return db.selectFrom('care_periods').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId)
    .orderBy('start_date', 'desc').limit(1).executeTakeFirst()
}

/** The child's row, locked: every change to a child's care goes one at a time. */
export async function lockChild(trx: Executor, laCode: string, childId: string): Promise<{ date_of_birth: string | null } | undefined> {
  return trx.selectFrom('people').select('date_of_birth').where('id', '=', childId).where('la_code', '=', laCode)
    .where('is_child', '=', true).forUpdate().executeTakeFirst()
}

export async function birthDates(db: Kysely<DB>, childIds: readonly string[]): Promise<Map<string, string | null>> {
  if (childIds.length === 0) return new Map()
  const rows = await db.selectFrom('people').select(['id', 'date_of_birth']).where('id', 'in', childIds).execute()
  return new Map(rows.map((r) => [r.id, r.date_of_birth]))
}

export type DatedTable = 'looked_after_reviews' | 'looked_after_visits'

export async function reviewsOf(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('looked_after_reviews').selectAll().where('child_id', 'in', childIds).orderBy('review_date').execute()
}

export async function visitsOf(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('looked_after_visits').selectAll().where('child_id', 'in', childIds).orderBy('visit_date').execute()
}

export async function healthChecksOf(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('looked_after_health_checks').selectAll().where('child_id', 'in', childIds).orderBy('check_date').execute()
}

export async function educationOf(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('looked_after_education').selectAll().where('child_id', 'in', childIds).orderBy('event_date').execute()
}

export async function wellbeingOf(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('looked_after_wellbeing').selectAll().where('child_id', 'in', childIds).orderBy('recorded_on').execute()
}

export async function convictionsOf(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('looked_after_convictions').selectAll().where('child_id', 'in', childIds).orderBy('outcome_date').execute()
}

export async function missingOf(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('missing_episodes').selectAll().where('child_id', 'in', childIds).orderBy('start_date').execute()
}

export async function uascOf(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('uasc_statuses').selectAll().where('child_id', 'in', childIds).execute()
}

export async function adoptionOf(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('adoption_milestones').selectAll().where('child_id', 'in', childIds).orderBy('milestone_date').execute()
}

/** Every milestone of the periods of care in which a child was matched with one of these adopter households. */
export async function adoptionOfPeriodsMatchedWith(db: Executor, householdIds: readonly string[]) {
  if (householdIds.length === 0) return []
  return db.selectFrom('adoption_milestones').selectAll()
    .where('period_id', 'in', (eb) => eb.selectFrom('adoption_milestones').select('period_id').where('adopter_household_id', 'in', householdIds))
    .orderBy('milestone_date').execute()
}

/** Children of the authority looked after at any time from `from` to `to` (the SSDA903's population). */
export async function childIdsLookedAfterBetween(db: Executor, laCode: string, from: string, to: string): Promise<string[]> {
  const rows = await db.selectFrom('care_periods').where('la_code', '=', laCode).where('start_date', '<=', to)
    .where((w) => w.or([w('end_date', 'is', null), w('end_date', '>=', from)]))
    .select('child_id').distinct().orderBy('child_id').execute()
  return rows.map((r) => r.child_id)
}
