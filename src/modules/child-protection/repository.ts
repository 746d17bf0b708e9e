// The module's SQL. Reads take many children at once, so "my work" asks once per table, never once per child.
import { sql, type Selectable } from 'kysely'
import type { Executor } from '../../platform/audit/audit.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import type {
  AssessmentsTable, ChildProtectionConferencesTable, ChildProtectionPlansTable, CoreGroupMeetingsTable, Section47EnquiriesTable,
  StrategyDiscussionsTable,
} from './tables.js'

export type AssessmentRow = Selectable<AssessmentsTable> & { submitted_by_name: string | null; authorised_by_name: string | null }
export type StrategyDiscussionRow = Selectable<StrategyDiscussionsTable>
export type Section47Row = Selectable<Section47EnquiriesTable>
export type ConferenceRow = Selectable<ChildProtectionConferencesTable> & { chair_name: string }
export type PlanRow = Selectable<ChildProtectionPlansTable>
export type CoreGroupRow = Selectable<CoreGroupMeetingsTable>
export interface VisitRow { child_id: string; visit_date: LocalDate }

export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

export async function assessmentsOf(db: Executor, childIds: readonly string[]): Promise<AssessmentRow[]> {
  return db.selectFrom('assessments as a')
    .leftJoin('users as s', 's.id', 'a.submitted_by').leftJoin('users as m', 'm.id', 'a.authorised_by')
    .where('a.child_id', 'in', childIds).selectAll('a')
    .select(['s.display_name as submitted_by_name', 'm.display_name as authorised_by_name'])
    .orderBy('a.start_date').orderBy('a.created_at').execute()
}

export async function strategyDiscussionsOf(db: Executor, childIds: readonly string[]): Promise<StrategyDiscussionRow[]> {
  return db.selectFrom('strategy_discussions').where('child_id', 'in', childIds).selectAll().orderBy('discussion_date').execute()
}

export async function enquiriesOf(db: Executor, childIds: readonly string[]): Promise<Section47Row[]> {
  return db.selectFrom('section47_enquiries').where('child_id', 'in', childIds).selectAll().orderBy('start_date').execute()
}

export async function conferencesOf(db: Executor, childIds: readonly string[]): Promise<ConferenceRow[]> {
  return db.selectFrom('child_protection_conferences as c').innerJoin('users as u', 'u.id', 'c.chair_id')
    .where('c.child_id', 'in', childIds).selectAll('c').select('u.display_name as chair_name')
    .orderBy('c.conference_date').execute()
}

export async function plansOf(db: Executor, childIds: readonly string[]): Promise<PlanRow[]> {
  return db.selectFrom('child_protection_plans').where('child_id', 'in', childIds).selectAll().orderBy('start_date').execute()
}

export async function coreGroupsOf(db: Executor, childIds: readonly string[]): Promise<CoreGroupRow[]> {
  return db.selectFrom('core_group_meetings').where('child_id', 'in', childIds).selectAll().orderBy('meeting_date').execute()
}

/**
 * Child protection visits at which the child was seen, from the casework module's `visit.recorded` events
 * (the event stream is the platform's record of what happened; visits are recorded once, there).
 */
export async function childProtectionVisitsOf(db: Executor, childIds: readonly string[]): Promise<VisitRow[]> {
  return db.selectFrom('child_events').where('child_id', 'in', childIds).where('type', '=', 'visit.recorded')
    .where(sql<string>`data->>'visitType'`, '=', 'child_protection').where(sql<string>`data->>'seen'`, '=', 'true')
    .select(['child_id', sql<string>`to_char(occurred_at at time zone 'Europe/London', 'YYYY-MM-DD')`.as('visit_date')])
    .orderBy('occurred_at').execute()
}

/** Children of the authority with work for a conference chair: an enquiry needing a conference, or an open plan. */
export async function childrenWithConferencesDue(db: Executor, laCode: string): Promise<Array<{ child_id: string; first_name: string; last_name: string }>> {
  return db.selectFrom('people as p').where('p.la_code', '=', laCode).where('p.restricted', '=', false)
    .where((eb) => eb.or([
      eb.exists(eb.selectFrom('child_protection_plans as cp').whereRef('cp.child_id', '=', 'p.id').where('cp.end_date', 'is', null)),
      eb.exists(eb.selectFrom('section47_enquiries as s').whereRef('s.child_id', '=', 'p.id')
        .where((w) => w.or([w('s.outcome', 'is', null), w('s.outcome', '=', 'conference')]))
        .where((w) => w.not(w.exists(w.selectFrom('child_protection_conferences as c').whereRef('c.section47_id', '=', 's.id'))))),
    ]))
    .select(['p.id as child_id', 'p.first_name', 'p.last_name']).orderBy('p.last_name').execute()
}

/** A second click that raced the first ends in a unique index: the caller answers with what the first recorded. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'

