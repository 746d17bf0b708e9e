// The front door's SQL. Every query is scoped to the user's authority, and a restricted child's
// contacts show only to users named on the restriction.
import type { ExpressionBuilder, Insertable, Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import type { ContactsTable, ReferralsTable } from './tables.js'

export interface Viewer { id: string; laCode: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: string): boolean => UUID.test(value)

function childVisibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<DB & { p: DB['people'] }, 'p'>) => eb.or([
    eb('p.restricted', '=', false),
    eb.exists(eb.selectFrom('restricted_access').whereRef('restricted_access.child_id', '=', 'p.id').where('restricted_access.user_id', '=', viewer.id)),
  ])
}

export async function contactIdByToken(db: Executor, token: string): Promise<string | undefined> {
  return (await db.selectFrom('contacts').where('form_token', '=', token).select('id').executeTakeFirst())?.id
}

/** The new contact's id, or undefined when a contact with the same form token got there first. */
export async function insertContact(trx: Executor, row: Insertable<ContactsTable>): Promise<string | undefined> {
  return (await trx.insertInto('contacts').values(row).onConflict((oc) => oc.column('form_token').doNothing())
    .returning('id').executeTakeFirst())?.id
}

export interface MinimalChild { firstName: string; lastName: string; dateOfBirth: LocalDate }

/**
 * A child the front door has not met before, with the few details a contact gives. Kept small on
 * purpose: the people module owns child records, and this moves to its service when it offers one
 * that runs inside the caller's transaction.
 */
export async function insertChildFromContact(trx: Executor, laCode: string, child: MinimalChild & { nhsNumber: string | null }): Promise<string> {
  const row = await trx.insertInto('people').values({
    la_code: laCode, is_child: true, first_name: child.firstName, last_name: child.lastName, date_of_birth: child.dateOfBirth,
    expected_date_of_birth: null, sex: null, gender_identity: null, ethnicity: null, religion: null, nhs_number: child.nhsNumber, upn: null,
    upn_unknown_reason: null, la_child_id: null, occupation: null,
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function openContactRows(db: Kysely<DB>, viewer: Viewer) {
  return db.selectFrom('contacts as c').innerJoin('people as p', 'p.id', 'c.child_id')
    .where('c.la_code', '=', viewer.laCode).where('c.decision', 'is', null).where(childVisibleTo(viewer))
    .select(['c.id', 'c.child_id', 'p.first_name', 'p.last_name', 'c.received_at', 'c.referral_source', 'c.referrer_organisation'])
    .orderBy('c.received_at').orderBy('c.id').execute()
}

export async function contactRow(db: Executor, viewer: Viewer, contactId: string) {
  if (!isUuid(contactId)) return undefined
  return db.selectFrom('contacts as c').innerJoin('people as p', 'p.id', 'c.child_id')
    .leftJoin('users as d', 'd.id', 'c.decided_by')
    .where('c.id', '=', contactId).where('c.la_code', '=', viewer.laCode).where(childVisibleTo(viewer))
    .selectAll('c').select(['p.first_name', 'p.last_name', 'p.date_of_birth', 'd.display_name as decided_by_name'])
    .executeTakeFirst()
}

export type ContactRow = NonNullable<Awaited<ReturnType<typeof contactRow>>>

/** Records the decision unless one is already recorded (a second click): true when this call recorded it. */
export async function recordDecision(trx: Executor, contactId: string, decision: {
  decision: string; decidedAt: Date; decidedBy: string; reason: string; feedback: string; feedbackGivenOn: LocalDate
}): Promise<boolean> {
  const updated = await trx.updateTable('contacts').set({
    decision: decision.decision, decided_at: decision.decidedAt, decided_by: decision.decidedBy, decision_reason: decision.reason,
    feedback_to_referrer: decision.feedback, feedback_given_on: decision.feedbackGivenOn,
  }).where('id', '=', contactId).where('decision', 'is', null).returning('id').executeTakeFirst()
  return updated !== undefined
}

export async function openContactsOf(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('contacts').where('child_id', 'in', childIds).where('decision', 'is', null)
    .select(['id', 'child_id', 'received_at']).execute()
}

export async function recentContactsOf(db: Executor, laCode: string, childId: string, limit: number) {
  return db.selectFrom('contacts').where('la_code', '=', laCode).where('child_id', '=', childId)
    .select(['id', 'received_at', 'referral_source', 'referrer_organisation', 'decision', 'decided_at', 'feedback_to_referrer', 'feedback_given_on'])
    .orderBy('received_at', 'desc').limit(limit).execute()
}

export async function referralRows(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('referrals').where('child_id', 'in', childIds).selectAll()
    .orderBy('referral_date').orderBy('opened_at').execute()
}

export async function openReferralRow(db: Executor, laCode: string, childId: string) {
  return db.selectFrom('referrals').where('la_code', '=', laCode).where('child_id', '=', childId).where('closure_date', 'is', null)
    .selectAll().executeTakeFirst()
}

export async function insertReferral(trx: Executor, row: Insertable<ReferralsTable>): Promise<string> {
  return (await trx.insertInto('referrals').values(row).returning('id').executeTakeFirstOrThrow()).id
}

/** Closes the referral if it is open: true when this call closed it. */
export async function closeReferralRow(trx: Executor, laCode: string, referralId: string, closure: {
  closureDate: LocalDate; reasonForClosure: string; referralNfa: boolean
}): Promise<boolean> {
  const closed = await trx.updateTable('referrals')
    .set({ closure_date: closure.closureDate, reason_for_closure: closure.reasonForClosure, referral_nfa: closure.referralNfa })
    .where('id', '=', referralId).where('la_code', '=', laCode).where('closure_date', 'is', null)
    .returning('id').executeTakeFirst()
  return closed !== undefined
}

/** The contacts one user recorded (a partner's concerns), newest first, with the decision and feedback. */
export async function contactsRecordedBy(db: Executor, viewer: Viewer, contactId?: string) {
  let query = db.selectFrom('contacts as c').innerJoin('people as p', 'p.id', 'c.child_id')
    .where('c.la_code', '=', viewer.laCode).where('c.recorded_by', '=', viewer.id)
    .select(['c.id', 'c.child_id', 'c.received_at', 'c.concern', 'c.referral_source', 'c.decision', 'c.decided_at',
      'c.feedback_to_referrer', 'c.feedback_given_on', 'p.first_name', 'p.last_name', 'p.date_of_birth'])
  if (contactId !== undefined) query = query.where('c.id', '=', isUuid(contactId) ? contactId : '00000000-0000-0000-0000-000000000000')
  return query.orderBy('c.received_at', 'desc').limit(500).execute()
}
