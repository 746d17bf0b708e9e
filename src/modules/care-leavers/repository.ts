// The care-leavers module's SQL: one query per table for all the children asked about.
import type { Kysely, Selectable } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { addYears } from '../../platform/working-days/local-date.js'
import type {
  CareLeaverBirthdayContactsTable, PathwayPlanReviewsTable, PathwayPlansTable, PersonalAdvisersTable, StayingCloseAssessmentsTable,
  StayingPutArrangementsTable,
} from './tables.js'

export interface YoungPersonRow { id: string; la_code: string; first_name: string; last_name: string; date_of_birth: LocalDate; restricted: boolean }

/** The children's own rows (with a date of birth); `laCode` null for deadline providers, which are given children, not an authority. */
export async function youngPeople(db: Kysely<DB>, laCode: string | null, childIds: readonly string[]): Promise<YoungPersonRow[]> {
  if (childIds.length === 0) return []
  let query = db.selectFrom('people').select(['id', 'la_code', 'first_name', 'last_name', 'date_of_birth', 'restricted'])
    .where('id', 'in', childIds).where('is_child', '=', true).where('date_of_birth', 'is not', null)
  if (laCode) query = query.where('la_code', '=', laCode)
  return (await query.execute()) as YoungPersonRow[]
}

/** The authority's young people who have been looked after and were born between these dates. */
export async function lookedAfterBornBetween(db: Kysely<DB>, laCode: string, bornFrom: LocalDate, bornTo: LocalDate): Promise<YoungPersonRow[]> {
  return (await db.selectFrom('people').select(['id', 'la_code', 'first_name', 'last_name', 'date_of_birth', 'restricted'])
    .where('la_code', '=', laCode).where('is_child', '=', true).where('date_of_birth', '>=', bornFrom).where('date_of_birth', '<=', bornTo)
    .where((eb) => eb.exists(eb.selectFrom('care_periods').select('care_periods.id').whereRef('care_periods.child_id', '=', 'people.id')))
    .orderBy('last_name').orderBy('first_name').execute()) as YoungPersonRow[]
}

/** Young people of leaving care age (15 to 25 on `today`) who have been looked after. */
export const leavingCareAge = (db: Kysely<DB>, laCode: string, today: LocalDate) =>
  lookedAfterBornBetween(db, laCode, addYears(today, -25), addYears(today, -15))

export type PlanRow = Selectable<PathwayPlansTable>
export type ReviewRow = Selectable<PathwayPlanReviewsTable>
export type AdviserRow = Selectable<PersonalAdvisersTable>
export type ContactRow = Selectable<CareLeaverBirthdayContactsTable>
export type StayingPutRow = Selectable<StayingPutArrangementsTable>
export type StayingCloseRow = Selectable<StayingCloseAssessmentsTable>

export interface CareLeaverRecords {
  assessments: Array<{ child_id: string; completed_on: LocalDate }>
  plans: PlanRow[]
  reviews: ReviewRow[]
  advisers: AdviserRow[]
  requests: Array<{ child_id: string; requested_on: LocalDate }>
  contacts: ContactRow[]
  stayingPut: StayingPutRow[]
  stayingClose: StayingCloseRow[]
}

export async function careLeaverRecords(db: Kysely<DB>, childIds: readonly string[]): Promise<CareLeaverRecords> {
  if (childIds.length === 0) return { assessments: [], plans: [], reviews: [], advisers: [], requests: [], contacts: [], stayingPut: [], stayingClose: [] }
  const [assessments, plans, reviews, advisers, requests, contacts, stayingPut, stayingClose] = await Promise.all([
    db.selectFrom('care_leaver_needs_assessments').select(['child_id', 'completed_on']).where('child_id', 'in', childIds).orderBy('completed_on').execute(),
    db.selectFrom('pathway_plans').selectAll().where('child_id', 'in', childIds).orderBy('plan_date').execute(),
    db.selectFrom('pathway_plan_reviews').selectAll().where('child_id', 'in', childIds).orderBy('review_date').execute(),
    db.selectFrom('personal_advisers').selectAll().where('child_id', 'in', childIds).orderBy('from_date').orderBy('recorded_at').execute(),
    db.selectFrom('personal_adviser_requests').select(['child_id', 'requested_on']).where('child_id', 'in', childIds).orderBy('requested_on').execute(),
    db.selectFrom('care_leaver_birthday_contacts').selectAll().where('child_id', 'in', childIds).orderBy('birthday_age').execute(),
    db.selectFrom('staying_put_arrangements').selectAll().where('child_id', 'in', childIds).orderBy('start_date').execute(),
    db.selectFrom('staying_close_assessments').selectAll().where('child_id', 'in', childIds).orderBy('assessed_on').execute(),
  ])
  return { assessments, plans, reviews, advisers, requests, contacts, stayingPut, stayingClose }
}

/** The child's row, locked so two changes to one young person's leaving care record go one at a time. */
export async function lockYoungPerson(db: Kysely<DB>, laCode: string, childId: string): Promise<YoungPersonRow | undefined> {
  return (await db.selectFrom('people').select(['id', 'la_code', 'first_name', 'last_name', 'date_of_birth', 'restricted'])
    .where('id', '=', childId).where('la_code', '=', laCode).where('is_child', '=', true).forUpdate().executeTakeFirst()) as YoungPersonRow | undefined
}
