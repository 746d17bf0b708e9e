// The front door: contacts as received, the decision on each within one working day, and the
// referrals (CIN episodes) those decisions open. Other modules open, read and close referrals here.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { partnerRoles } from '../../platform/auth/roles.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { dateAnswer, FormErrors, text, type FormBody } from '../../platform/forms/form.js'
import { deadlineStatus, dueDate, timescaleSettings, type TimescaleSettings } from '../../platform/timescales/engine.js'
import { holidayCalendar } from '../../platform/working-days/holiday-store.js'
import { addMonths } from '../../platform/working-days/working-days.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { consents, decisions, isDecision, opensReferral, primaryNeeds, referralSources, type Decision } from './codes.js'

export interface Actor { id: string; laCode: string }

export async function frontDoorSettings(db: Kysely<DB>): Promise<TimescaleSettings> {
  return timescaleSettings({ holidays: await holidayCalendar(db) })
}

/** The calendar date in England of a moment, for counting working days. */
export function englandDate(moment: Date): LocalDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(moment)
}

/** A time typed as 14:30, 2:30pm or 9am, as hours and minutes. */
function parseTime(value: string): { hours: number; minutes: number } | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(value.trim())
  if (!match) return null
  let hours = Number(match[1])
  const minutes = Number(match[2] ?? 0)
  const meridiem = match[3]?.toLowerCase()
  if (meridiem) {
    if (hours < 1 || hours > 12) return null
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0)
  }
  return hours < 24 && minutes < 60 ? { hours, minutes } : null
}

/** A date and time in England as an instant (so British Summer Time is handled). */
function englandInstant(date: LocalDate, time: { hours: number; minutes: number }): Date {
  const guess = new Date(`${date}T${String(time.hours).padStart(2, '0')}:${String(time.minutes).padStart(2, '0')}:00Z`)
  const offset = new Date(guess.toLocaleString('en-US', { timeZone: 'Europe/London' })).getTime() - new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' })).getTime()
  return new Date(guess.getTime() - offset)
}

export interface ContactAnswers {
  received: { day: string; month: string; year: string }
  receivedTime: string
  referrerName: string
  referrerRole: string
  referrerOrganisation: string
  referralSource: string
  concern: string
  consent: string
  consentNote: string
  formToken: string
}

export type ContactResult =
  | { outcome: 'recorded'; contactId: string }
  | { outcome: 'invalid'; errors: FormErrors; answers: ContactAnswers }

export async function recordContact(db: Kysely<DB>, user: SessionUser, childId: string, body: FormBody): Promise<ContactResult> {
  const errors = new FormErrors()
  const received = dateAnswer(body, 'received', 'the date the contact was received', errors)
  const answers: ContactAnswers = {
    received: received.raw, receivedTime: text(body, 'receivedTime'), referrerName: text(body, 'referrerName'),
    referrerRole: text(body, 'referrerRole'), referrerOrganisation: text(body, 'referrerOrganisation'),
    referralSource: text(body, 'referralSource'), concern: text(body, 'concern'), consent: text(body, 'consent'),
    consentNote: text(body, 'consentNote'), formToken: text(body, 'formToken') || randomUUID(),
  }
  const time = parseTime(answers.receivedTime)
  if (!answers.receivedTime) errors.add('receivedTime', 'Enter the time the contact was received')
  else if (!time) errors.add('receivedTime', 'Enter the time as, for example, 14:30 or 2:30pm')
  const receivedAt = received.value && time ? englandInstant(received.value, time) : null
  if (receivedAt && receivedAt.getTime() > Date.now()) errors.add('received-day', 'The date and time received must be in the past')
  if (!answers.referrerName) errors.add('referrerName', 'Enter the name of the person who made contact, or ‘Anonymous’')
  if (!Object.hasOwn(referralSources, answers.referralSource)) errors.add('referralSource', 'Select who the referrer is')
  if (!answers.concern) errors.add('concern', 'Enter the concern')
  else if (answers.concern.length > 20_000) errors.add('concern', 'The concern must be 20,000 characters or fewer')
  if (!Object.hasOwn(consents, answers.consent)) errors.add('consent', 'Select whether the family agreed to the referral')
  else if (answers.consent !== 'given' && !answers.consentNote) errors.add('consentNote', 'Enter why consent was not given or not sought')
  if (errors.any || !receivedAt) return { outcome: 'invalid', errors, answers }

  return db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('contacts').values({
      la_code: user.laCode, child_id: childId, received_at: receivedAt, referrer_name: answers.referrerName,
      referrer_role: answers.referrerRole || null, referrer_organisation: answers.referrerOrganisation || null,
      referral_source: answers.referralSource, concern: answers.concern, consent: answers.consent as keyof typeof consents,
      consent_note: answers.consentNote || null, household: null, recorded_by: user.id, form_token: answers.formToken,
      decision: null, decided_at: null, decided_by: null, decision_reason: null, feedback_to_referrer: null, feedback_given_on: null,
    }).onConflict((oc) => oc.column('form_token').doNothing()).returning('id').executeTakeFirst()
    if (!inserted) {
      // The same form arrived twice (a double click): the first one recorded the contact.
      const first = await trx.selectFrom('contacts').where('form_token', '=', answers.formToken).select('id').executeTakeFirstOrThrow()
      return { outcome: 'recorded' as const, contactId: first.id }
    }
    // A partner who raised a concern keeps sight of that child's outcome: an involvement of their agency.
    if (partnerRoles.includes(user.role)) {
      await trx.insertInto('involvements').values({ la_code: user.laCode, child_id: childId, user_id: null, agency_id: user.agencyId, kind: 'concern_raised', ended_at: null }).execute()
    }
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: 'contact.recorded', occurredAt: receivedAt, recordedBy: user.id,
      summary: `Contact from ${referralSources[answers.referralSource]!.toLowerCase()}${answers.referrerOrganisation ? ` (${answers.referrerOrganisation})` : ''}`,
      data: { contactId: inserted.id, referralSource: answers.referralSource, consent: answers.consent },
    })
    return { outcome: 'recorded' as const, contactId: inserted.id }
  })
}

/** A referral within 12 months before this date makes a new one a re-referral (CIN census definition). */
async function previousReferralWithinYear(db: Executor, childIds: readonly string[], on: LocalDate): Promise<Set<string>> {
  if (childIds.length === 0) return new Set()
  const rows = await db.selectFrom('referrals').where('child_id', 'in', childIds)
    .where('referral_date', '>=', addMonths(on, -12)).where('referral_date', '<', on).select('child_id').execute()
  return new Set(rows.map((r) => r.child_id))
}

export interface QueueItem {
  id: string
  childId: string
  childName: string
  receivedAt: Date
  referralSource: string
  due: LocalDate
  daysLeft: number
  rag: 'red' | 'amber' | 'green'
  reReferral: boolean
}

/** Every open contact in the authority, oldest first, with time left against the 1 working day rule (CP-01). */
export async function frontDoorQueue(db: Kysely<DB>, laCode: string, today: LocalDate = todayInEngland()): Promise<QueueItem[]> {
  const settings = await frontDoorSettings(db)
  const rows = await db.selectFrom('contacts as c').innerJoin('people as p', 'p.id', 'c.child_id')
    .where('c.la_code', '=', laCode).where('c.decision', 'is', null).where('p.restricted', '=', false)
    .select(['c.id', 'c.child_id', 'p.first_name', 'p.last_name', 'c.received_at', 'c.referral_source'])
    .orderBy('c.received_at').execute()
  const reReferred = await previousReferralWithinYear(db, [...new Set(rows.map((r) => r.child_id))], today)
  return rows.map((row) => {
    const due = dueDate('CP-01', englandDate(new Date(row.received_at)), settings)
    const status = deadlineStatus(due, today, { amberWithinDays: 0 })
    return {
      id: row.id, childId: row.child_id, childName: `${row.first_name} ${row.last_name}`, receivedAt: new Date(row.received_at),
      referralSource: referralSources[row.referral_source] ?? row.referral_source, due, daysLeft: status.daysLeft, rag: status.rag,
      reReferral: reReferred.has(row.child_id),
    }
  })
}

export async function contactDetail(db: Kysely<DB>, laCode: string, contactId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(contactId)) return null
  const contact = await db.selectFrom('contacts as c').innerJoin('people as p', 'p.id', 'c.child_id')
    .leftJoin('users as d', 'd.id', 'c.decided_by')
    .where('c.id', '=', contactId).where('c.la_code', '=', laCode).where('p.restricted', '=', false)
    .selectAll('c').select(['p.first_name', 'p.last_name', 'p.date_of_birth', 'd.display_name as decided_by_name'])
    .executeTakeFirst()
  if (!contact) return null
  const receivedOn = englandDate(new Date(contact.received_at))
  const reReferral = (await previousReferralWithinYear(db, [contact.child_id], receivedOn)).has(contact.child_id)
  const due = dueDate('CP-01', receivedOn, await frontDoorSettings(db))
  return { contact, receivedOn, reReferral, due, status: deadlineStatus(due, todayInEngland(), { amberWithinDays: 0 }) }
}

export interface DecisionAnswers {
  decision: string
  decided: { day: string; month: string; year: string }
  primaryNeed: string
  reason: string
  feedback: string
}

export type DecisionResult =
  | { outcome: 'decided'; childId: string; referralId: string | null }
  | { outcome: 'invalid'; errors: FormErrors; answers: DecisionAnswers }
  | { outcome: 'already-decided' }

/** Now when decided today; otherwise midday that day; never before the contact arrived. */
function decisionMoment(decidedOn: LocalDate, receivedAt: Date): Date {
  const moment = decidedOn === todayInEngland() ? new Date() : new Date(`${decidedOn}T12:00:00Z`)
  return moment < receivedAt ? receivedAt : moment
}

export async function decideContact(db: Kysely<DB>, user: SessionUser, contactId: string, body: FormBody): Promise<DecisionResult> {
  const detail = await contactDetail(db, user.laCode, contactId)
  if (!detail) return { outcome: 'already-decided' }
  if (detail.contact.decision) return { outcome: 'already-decided' }
  const errors = new FormErrors()
  const decided = dateAnswer(body, 'decided', 'the date of the decision', errors)
  const answers: DecisionAnswers = {
    decision: text(body, 'decision'), decided: decided.raw, primaryNeed: text(body, 'primaryNeed'),
    reason: text(body, 'reason'), feedback: text(body, 'feedback'),
  }
  if (!isDecision(answers.decision)) errors.add('decision', 'Select what happens next')
  if (decided.value && decided.value < detail.receivedOn) errors.add('decided-day', 'The decision cannot be before the contact was received')
  if (decided.value && decided.value > todayInEngland()) errors.add('decided-day', 'The date of the decision must be today or in the past')
  const decision = answers.decision as Decision
  if (isDecision(answers.decision) && opensReferral(decision)) {
    if (!Object.hasOwn(primaryNeeds, answers.primaryNeed)) errors.add('primaryNeed', 'Select the child’s primary need')
    if (await getOpenReferral(db, user.laCode, detail.contact.child_id)) {
      errors.add('decision', 'This child already has an open referral: add the new information to it instead')
    }
  }
  if (!answers.reason) errors.add('reason', 'Enter the reason for the decision')
  if (!answers.feedback) errors.add('feedback', 'Enter what the referrer will be told')
  if (errors.any || !decided.value) return { outcome: 'invalid', errors, answers }

  const decidedOn = decided.value
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('contacts').set({
      decision, decided_at: decisionMoment(decidedOn, new Date(detail.contact.received_at)),
      decided_by: user.id, decision_reason: answers.reason, feedback_to_referrer: answers.feedback, feedback_given_on: decidedOn,
    }).where('id', '=', contactId).where('decision', 'is', null).returning('id').executeTakeFirst()
    if (!updated) return { outcome: 'already-decided' as const }
    const childId = detail.contact.child_id
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: 'contact.decided', occurredAt: decidedOn, recordedBy: user.id,
      significant: decision !== 'no_further_action' && decision !== 'information_and_advice',
      summary: `Front door decision: ${decisions[decision]}`, data: { contactId, decision, reReferral: detail.reReferral },
    })
    let referralId: string | null = null
    if (opensReferral(decision)) {
      referralId = (await openReferral(trx, user, {
        childId, contactId, referralDate: detail.receivedOn, source: detail.contact.referral_source,
        primaryNeed: answers.primaryNeed, reason: answers.reason, urgentStrategyDiscussion: decision === 'strategy_discussion',
      })).id
    }
    return { outcome: 'decided' as const, childId, referralId }
  })
}

export interface OpenReferral { id: string; referralDate: LocalDate; urgentStrategyDiscussion: boolean; primaryNeed: string }

export async function getOpenReferral(db: Executor, laCode: string, childId: string): Promise<OpenReferral | undefined> {
  const row = await db.selectFrom('referrals').where('la_code', '=', laCode).where('child_id', '=', childId).where('closure_date', 'is', null)
    .select(['id', 'referral_date', 'urgent_strategy_discussion', 'primary_need']).executeTakeFirst()
  return row && { id: row.id, referralDate: row.referral_date, urgentStrategyDiscussion: row.urgent_strategy_discussion, primaryNeed: row.primary_need }
}

export interface NewReferral {
  childId: string
  referralDate: LocalDate
  /** DfE referral source code. */
  source: string
  /** DfE primary need code; N0 (not stated) until an assessment says. */
  primaryNeed?: string
  reason?: string
  contactId?: string
  urgentStrategyDiscussion?: boolean
}

/** Opens a referral (a CIN episode) inside the caller's transaction, with its event. */
export async function openReferral(trx: Executor, actor: Actor, referral: NewReferral): Promise<{ id: string }> {
  const row = await trx.insertInto('referrals').values({
    la_code: actor.laCode, child_id: referral.childId, contact_id: referral.contactId ?? null, referral_date: referral.referralDate,
    referral_source: referral.source, primary_need: referral.primaryNeed ?? 'N0', reason: referral.reason ?? null,
    urgent_strategy_discussion: referral.urgentStrategyDiscussion ?? false, closure_date: null, reason_for_closure: null, opened_by: actor.id,
  }).returning('id').executeTakeFirstOrThrow()
  const reReferral = (await previousReferralWithinYear(trx, [referral.childId], referral.referralDate)).has(referral.childId)
  await appendChildEvent(trx, {
    laCode: actor.laCode, childId: referral.childId, type: 'referral.opened', occurredAt: referral.referralDate, recordedBy: actor.id, significant: true,
    summary: `Referral to children’s social care${referral.urgentStrategyDiscussion ? ': strategy discussion needed' : ''}${reReferral ? ' (re-referral within 12 months)' : ''}`,
    data: { referralId: row.id, source: referral.source, primaryNeed: referral.primaryNeed ?? 'N0', reReferral },
  })
  return row
}

/** Closes a referral (the CIN episode) with a DfE reason for closure, inside the caller's transaction. */
export async function closeReferral(trx: Executor, actor: Actor, closure: {
  referralId: string; childId: string; closureDate: LocalDate; reasonForClosure: string
  /** CIN census ReferralNFA: the referral led to no further action. */
  referralNfa?: boolean
}): Promise<void> {
  await trx.updateTable('referrals').set({ closure_date: closure.closureDate, reason_for_closure: closure.reasonForClosure, referral_nfa: closure.referralNfa ?? false })
    .where('id', '=', closure.referralId).where('la_code', '=', actor.laCode).where('closure_date', 'is', null).execute()
  await appendChildEvent(trx, {
    laCode: actor.laCode, childId: closure.childId, type: 'referral.closed', occurredAt: closure.closureDate, recordedBy: actor.id, significant: true,
    summary: `Case closed (${closure.reasonForClosure})`, data: { referralId: closure.referralId, reasonForClosure: closure.reasonForClosure },
  })
}

export interface ReferralRecord {
  id: string
  childId: string
  contactId: string | null
  referralDate: LocalDate
  referralSource: string
  primaryNeed: string
  urgentStrategyDiscussion: boolean
  referralNfa: boolean
  closureDate: LocalDate | null
  reasonForClosure: string | null
}

/** Every referral (CIN episode) of these children, oldest first: for the CIN census, dashboards and other modules. */
export async function referralsForChildren(db: Executor, childIds: readonly string[]): Promise<ReferralRecord[]> {
  if (childIds.length === 0) return []
  const rows = await db.selectFrom('referrals').where('child_id', 'in', childIds).selectAll().orderBy('referral_date').orderBy('opened_at').execute()
  return rows.map((r) => ({
    id: r.id, childId: r.child_id, contactId: r.contact_id, referralDate: r.referral_date, referralSource: r.referral_source,
    primaryNeed: r.primary_need, urgentStrategyDiscussion: r.urgent_strategy_discussion, referralNfa: r.referral_nfa,
    closureDate: r.closure_date, reasonForClosure: r.reason_for_closure,
  }))
}

/** Contacts and referrals of these children, newest first, for the child's page and other modules. */
export async function frontDoorHistory(db: Kysely<DB>, laCode: string, childId: string) {
  const [contacts, referrals] = await Promise.all([
    db.selectFrom('contacts').where('la_code', '=', laCode).where('child_id', '=', childId)
      .select(['id', 'received_at', 'referral_source', 'decision', 'feedback_to_referrer']).orderBy('received_at', 'desc').limit(5).execute(),
    db.selectFrom('referrals').where('la_code', '=', laCode).where('child_id', '=', childId)
      .select(['id', 'referral_date', 'primary_need', 'closure_date', 'reason_for_closure', 'urgent_strategy_discussion']).orderBy('referral_date', 'desc').execute(),
  ])
  return { contacts, referrals }
}

/** Open contacts awaiting a decision, for "my work" (CP-01). */
export async function openContactsFor(db: Kysely<DB>, childIds: readonly string[]) {
  return db.selectFrom('contacts').where('child_id', 'in', childIds).where('decision', 'is', null).select(['id', 'child_id', 'received_at']).execute()
}
