// The front door: contacts as received, the decision on each within one working day (CP-01), and the
// referrals (CIN episodes) those decisions open. Other modules use only what this file exports.
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { partnerRoles } from '../../platform/auth/roles.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { FormErrors, type FormBody } from '../../platform/forms/form.js'
import { deadlineStatus, dueDate, timescaleSettings, type DeadlineStatus } from '../../platform/timescales/engine.js'
import { holidayCalendar } from '../../platform/working-days/holiday-store.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { decisions, opensReferral, referralSources } from './codes.js'
import { readContactForm, type ContactAnswers } from './contact-answers.js'
import { readDecisionForm, type DecisionAnswers } from './decision-answers.js'
import { reReferralOn, type ReReferral } from './re-referral.js'
import { getOpenReferral, openReferral, referralsForChildren } from './referrals.js'
import {
  contactIdByToken, contactRow, insertChildFromContact, insertContact, openContactRows, openContactsOf, recentContactsOf,
  recordDecision, type ContactRow, type Viewer,
} from './repository.js'

export { closeReferral, getOpenReferral, openReferral, referralsForChildren } from './referrals.js'
export { contactsRecordedBy } from './repository.js'
export { readContactForm as checkContactForm, type ContactAnswers } from './contact-answers.js'
export { consents, decisions, partnerReferralSources, referralSources } from './codes.js'
export { referralRows } from './figures.js'
export type { Actor, NewReferral, ReferralClosure, ReferralRecord } from './referrals.js'

/** The rule the front door's clock runs on: decide, and tell the referrer, within 1 working day. */
export const decisionRule = 'CP-01'

/** When the decision on a contact received at this moment is due, counted in working days (bank holidays from the database). */
export async function decisionDueDates(db: Kysely<DB>, receivedAt: readonly Date[]): Promise<LocalDate[]> {
  const settings = timescaleSettings({ holidays: await holidayCalendar(db) })
  return receivedAt.map((at) => dueDate(decisionRule, todayInEngland(at), settings))
}

/** Red when overdue, amber on the day it is due, green before. */
const decisionStatus = (due: LocalDate, today: LocalDate): DeadlineStatus => deadlineStatus(due, today, { amberWithinDays: 0 })

export type ContactResult =
  | { outcome: 'recorded'; contactId: string; childId: string }
  | { outcome: 'invalid'; errors: FormErrors; answers: ContactAnswers }

/** Thrown inside the transaction to undo a child record when a double-click's twin recorded the contact first. */
class AlreadyRecorded extends Error {}

export interface ContactOptions {
  /** The NHS number of a child recorded from the contact (a partner's concern gives one no record holds). */
  newChildNhsNumber?: string | null
  /** More work in the contact's own transaction once it is recorded (the partner portal's match suggestions). */
  inTransaction?: (trx: Transaction<DB>, recorded: { contactId: string; childId: string; newChild: boolean }) => Promise<void>
}

/**
 * Records a contact about `childId`, or, when `childId` is null, about a child recorded from the form's
 * own answers, in one transaction with `contact.recorded` on the child's event stream. A form sent twice
 * records one contact.
 */
export async function recordContact(db: Kysely<DB>, user: SessionUser, childId: string | null, body: FormBody, options: ContactOptions = {}): Promise<ContactResult> {
  const reading = readContactForm(body, { askForChild: childId === null })
  if (!reading.ok) return { outcome: 'invalid', errors: reading.errors, answers: reading.answers }
  const { contact, newChild } = reading
  const earlier = await contactIdByToken(db, contact.formToken)
  if (earlier) return recordedAlready(db, earlier)
  try {
    return await db.transaction().execute(async (trx) => {
      const aboutChild = childId ?? await insertChildFromContact(trx, user.laCode, { ...newChild!, nhsNumber: options.newChildNhsNumber ?? null })
      if (!childId) {
        await appendChildEvent(trx, {
          laCode: user.laCode, childId: aboutChild, type: 'child.registered', occurredAt: new Date(), recordedBy: user.id, significant: true,
          summary: 'Child’s record created at the front door, from a contact', data: { unborn: false, fromContact: true },
        })
      }
      const contactId = await insertContact(trx, {
        la_code: user.laCode, child_id: aboutChild, received_at: contact.receivedAt, referrer_name: contact.referrerName,
        referrer_role: contact.referrerRole, referrer_organisation: contact.referrerOrganisation, referral_source: contact.referralSource,
        concern: contact.concern, household: contact.household, consent: contact.consent, consent_note: contact.consentNote,
        recorded_by: user.id, form_token: contact.formToken,
        decision: null, decided_at: null, decided_by: null, decision_reason: null, feedback_to_referrer: null, feedback_given_on: null,
      })
      if (!contactId) throw new AlreadyRecorded()
      // A partner who raised a concern keeps sight of that child's outcome: an involvement of their agency.
      if (partnerRoles.includes(user.role)) {
        await trx.insertInto('involvements').values({ la_code: user.laCode, child_id: aboutChild, user_id: null, agency_id: user.agencyId, kind: 'concern_raised', ended_at: null }).execute()
      }
      await appendChildEvent(trx, {
        laCode: user.laCode, childId: aboutChild, type: 'contact.recorded', occurredAt: contact.receivedAt, recordedBy: user.id,
        summary: `Contact from ${referralSources[contact.referralSource]!.toLowerCase()}${contact.referrerOrganisation ? ` (${contact.referrerOrganisation})` : ''}`,
        data: { contactId, referralSource: contact.referralSource, consent: contact.consent },
        purpose: 'recording a contact',
      })
      await options.inTransaction?.(trx, { contactId, childId: aboutChild, newChild: !childId })
      return { outcome: 'recorded' as const, contactId, childId: aboutChild }
    })
  } catch (error) {
    if (!(error instanceof AlreadyRecorded)) throw error
    return recordedAlready(db, (await contactIdByToken(db, contact.formToken))!)
  }
}

async function recordedAlready(db: Kysely<DB>, contactId: string): Promise<ContactResult> {
  const row = await db.selectFrom('contacts').where('id', '=', contactId).select('child_id').executeTakeFirstOrThrow()
  return { outcome: 'recorded', contactId, childId: row.child_id }
}

export interface QueueItem {
  id: string
  childId: string
  childName: string
  receivedAt: Date
  referrer: string
  status: DeadlineStatus
  reReferral: ReReferral
}

/** Every open contact in the user's authority, oldest first, with its time left against CP-01. */
export async function frontDoorQueue(db: Kysely<DB>, viewer: Viewer, today: LocalDate = todayInEngland()): Promise<QueueItem[]> {
  const rows = await openContactRows(db, viewer)
  const [dues, referrals] = await Promise.all([
    decisionDueDates(db, rows.map((r) => new Date(r.received_at))),
    referralsForChildren(db, [...new Set(rows.map((r) => r.child_id))]),
  ])
  return rows.map((row, i) => ({
    id: row.id, childId: row.child_id, childName: `${row.first_name} ${row.last_name}`, receivedAt: new Date(row.received_at),
    referrer: referralSources[row.referral_source]! + (row.referrer_organisation ? ` (${row.referrer_organisation})` : ''),
    status: decisionStatus(dues[i]!, today),
    reReferral: reReferralOn(referrals, row.child_id, todayInEngland(new Date(row.received_at))),
  }))
}

export interface ContactDetail {
  contact: ContactRow
  status: DeadlineStatus
  reReferral: ReReferral
  /** The referral this contact opened, if it did. */
  referralId: string | null
}

/** One contact of the user's authority (undefined for any other id), with its clock and re-referral flag. */
export async function contactDetail(db: Kysely<DB>, viewer: Viewer, contactId: string): Promise<ContactDetail | undefined> {
  const contact = await contactRow(db, viewer, contactId)
  if (!contact) return undefined
  const receivedAt = new Date(contact.received_at)
  const [[due], referrals] = await Promise.all([decisionDueDates(db, [receivedAt]), referralsForChildren(db, [contact.child_id])])
  const own = referrals.find((r) => r.contactId === contact.id)
  return {
    contact, status: decisionStatus(due!, todayInEngland()), referralId: own?.id ?? null,
    reReferral: reReferralOn(referrals, contact.child_id, todayInEngland(receivedAt), own?.id),
  }
}

export type DecisionResult =
  | { outcome: 'decided'; childId: string; referralId: string | null }
  | { outcome: 'invalid'; errors: FormErrors; answers: DecisionAnswers; detail: ContactDetail }
  | { outcome: 'already-decided' }
  | { outcome: 'not-found' }

/** Records the decision on an open contact, its event and, for a referral or strategy discussion, the referral it opens. */
export async function decideContact(db: Kysely<DB>, user: SessionUser, contactId: string, body: FormBody): Promise<DecisionResult> {
  const detail = await contactDetail(db, user, contactId)
  if (!detail) return { outcome: 'not-found' }
  if (detail.contact.decision) return { outcome: 'already-decided' }
  const reading = readDecisionForm(body, new Date(detail.contact.received_at))
  const childId = detail.contact.child_id
  if (!reading.ok) return { outcome: 'invalid', errors: reading.errors, answers: reading.answers, detail }
  if (opensReferral(reading.decision.decision) && await getOpenReferral(db, user.laCode, childId)) {
    // The open referral may be this very decision, made by the same form's other click a moment ago.
    if ((await contactDetail(db, user, contactId))?.contact.decision) return { outcome: 'already-decided' }
    const errors = new FormErrors()
    errors.add('decision', 'This child already has an open referral: add this contact’s information to it instead')
    return { outcome: 'invalid', errors, answers: reading.answers, detail }
  }
  const { decision } = reading
  return db.transaction().execute(async (trx) => {
    const recorded = await recordDecision(trx, contactId, { ...decision, decidedBy: user.id })
    if (!recorded) return { outcome: 'already-decided' as const }
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: 'contact.decided', occurredAt: decision.decidedAt, recordedBy: user.id,
      significant: decision.decision !== 'no_further_action' && decision.decision !== 'information_and_advice',
      summary: `Front door decision: ${decisions[decision.decision]}`,
      data: { contactId, decision: decision.decision, reReferral: detail.reReferral.reReferral, referrerToldOn: decision.feedbackGivenOn },
    })
    const referral = opensReferral(decision.decision)
      ? await openReferral(trx, user, {
        childId, contactId, referralDate: todayInEngland(new Date(detail.contact.received_at)), source: detail.contact.referral_source,
        primaryNeed: decision.primaryNeed!, reason: decision.reason, urgentStrategyDiscussion: decision.decision === 'strategy_discussion',
      })
      : null
    return { outcome: 'decided' as const, childId, referralId: referral?.id ?? null }
  })
}

/** Recent contacts and every referral of one child, for the child's page. */
export async function frontDoorHistory(db: Kysely<DB>, laCode: string, childId: string) {
  const [contacts, referrals] = await Promise.all([recentContactsOf(db, laCode, childId, 5), referralsForChildren(db, [childId])])
  return { contacts, referrals: referrals.reverse(), openReferral: referrals.find((r) => r.closureDate === null) ?? null }
}

/** Open contacts' decisions due, for "my work", the team view and the child's page. */
export async function contactDecisionDeadlines(db: Kysely<DB>, childIds: readonly string[]) {
  const open = await openContactsOf(db, childIds)
  const dues = await decisionDueDates(db, open.map((c) => new Date(c.received_at)))
  return open.map((c, i) => ({ contactId: c.id, childId: c.child_id, due: dues[i]! }))
}
export { contactsReceivedBetween, childrenWithReferralsOpenBetween, childrenEverReferred, referralsInAuthority, type ContactReceived } from './returns-facts.js'
export { importReferral, type ImportedReferral } from './imported-referrals.js'
