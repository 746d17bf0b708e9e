// Strategy discussions (social care, police and health at least) and the section 47 enquiries they start,
// on the child's open referral. The discussion that starts an enquiry is the one the initial conference
// is counted from (CP-05).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { getOpenReferral } from '../front-door/service.js'
import { attendingAgencies, section47Outcomes, strategyDecisions } from './codes.js'
import {
  choice, FormErrors, invalid, notBefore, onDay, pastDate, refusal, text, ukDate, words, type FormBody, type WriteResult,
} from './forms.js'
import { isUniqueViolation, isUuid } from './repository.js'
import type { Attendee, AttendingAgency } from './tables.js'

const noReferral = 'This child has no open referral. The front door opens a referral first'

function readAttendees(body: FormBody, errors: FormErrors): Attendee[] {
  const attendees: Attendee[] = []
  for (const [agency, { label, required }] of Object.entries(attendingAgencies) as Array<[AttendingAgency, typeof attendingAgencies[AttendingAgency]]>) {
    const names = words(body, `attendees-${agency}`, errors, {
      label: `Who attended from ${label.toLowerCase()}`, max: 500,
      missing: required ? `Enter who attended from ${agency === 'police' ? 'the police' : label.toLowerCase()}` : undefined,
    })
    if (names) attendees.push({ agency, names })
  }
  return attendees
}

/** Records a strategy discussion on the open referral. */
export async function recordStrategyDiscussion(db: Kysely<DB>, user: SessionUser, childId: string, body: FormBody, today: LocalDate): Promise<WriteResult> {
  const errors = new FormErrors()
  const date = pastDate(body, 'discussionDate', 'the date of the strategy discussion', errors, today)
  const attendees = readAttendees(body, errors)
  const decision = choice(body, 'decision', strategyDecisions, 'Select what the strategy discussion decided', errors)
  const detail = words(body, 'decisionDetail', errors, { label: 'The decision', max: 2000, missing: decision === 'other' ? 'Enter what was decided' : undefined })
  const referral = await getOpenReferral(db, user.laCode, childId)
  if (!referral) return refusal('discussionDate-day', noReferral)
  notBefore(errors, 'discussionDate', date, referral.referralDate, `The strategy discussion cannot be before the referral on ${ukDate(referral.referralDate)}`)
  if (errors.any || !date || !decision) return invalid(errors)
  try {
    return await db.transaction().execute(async (trx) => {
      const { id } = await trx.insertInto('strategy_discussions').values({
        la_code: user.laCode, child_id: childId, referral_id: referral.id, discussion_date: date, attendees: JSON.stringify(attendees),
        decision, decision_detail: detail || null, recorded_by: user.id,
      }).returning('id').executeTakeFirstOrThrow()
      await appendChildEvent(trx, {
        laCode: user.laCode, childId, type: 'child_protection.strategy_discussion', occurredAt: onDay(date), recordedBy: user.id, significant: true,
        summary: `Strategy discussion with ${attendees.map((a) => attendingAgencies[a.agency].label.toLowerCase()).join(', ')}: ${strategyDecisions[decision].toLowerCase()}`,
        data: { strategyDiscussionId: id, referralId: referral.id, decision, agencies: attendees.map((a) => a.agency) },
      })
      return { outcome: 'done' as const, id }
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return refusal('discussionDate-day', 'A strategy discussion on this date is already recorded')
  }
}

/** Discussions on the open referral that decided on an enquiry and have not started one yet. */
export async function discussionsAwaitingEnquiry(db: Kysely<DB>, laCode: string, childId: string) {
  const referral = await getOpenReferral(db, laCode, childId)
  if (!referral) return { referral: undefined, discussions: [] }
  const discussions = await db.selectFrom('strategy_discussions as d').where('d.la_code', '=', laCode).where('d.child_id', '=', childId)
    .where('d.referral_id', '=', referral.id).where('d.decision', '=', 'section_47')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('section47_enquiries as s').whereRef('s.strategy_discussion_id', '=', 'd.id'))))
    .select(['d.id', 'd.discussion_date']).orderBy('d.discussion_date', 'desc').execute()
  return { referral, discussions }
}

/** Starts a section 47 enquiry from a strategy discussion that decided on one. */
export async function startSection47(db: Kysely<DB>, user: SessionUser, childId: string, body: FormBody, today: LocalDate): Promise<WriteResult> {
  const errors = new FormErrors()
  const { referral, discussions } = await discussionsAwaitingEnquiry(db, user.laCode, childId)
  if (!referral) return refusal('startDate-day', noReferral)
  const discussion = discussions.find((d) => d.id === text(body, 'strategyDiscussionId'))
  if (!discussion) errors.add('strategyDiscussionId', 'Select the strategy discussion that decided on the enquiry')
  const startDate = pastDate(body, 'startDate', 'the date the enquiry started', errors, today)
  notBefore(errors, 'startDate', startDate, referral.referralDate, `The enquiry cannot start before the referral on ${ukDate(referral.referralDate)}`)
  if (discussion) notBefore(errors, 'startDate', startDate, discussion.discussion_date, `The enquiry cannot start before the strategy discussion on ${ukDate(discussion.discussion_date)}`)
  if (errors.any || !startDate || !discussion) return invalid(errors)
  try {
    return await db.transaction().execute(async (trx) => {
      const { id } = await trx.insertInto('section47_enquiries').values({
        la_code: user.laCode, child_id: childId, referral_id: referral.id, strategy_discussion_id: discussion.id, start_date: startDate,
        outcome: null, outcome_date: null, started_by: user.id,
      }).returning('id').executeTakeFirstOrThrow()
      await appendChildEvent(trx, {
        laCode: user.laCode, childId, type: 'child_protection.section47_started', occurredAt: onDay(startDate), recordedBy: user.id, significant: true,
        summary: 'Section 47 enquiry started', data: { section47Id: id, strategyDiscussionId: discussion.id, referralId: referral.id },
      })
      return { outcome: 'done' as const, id }
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const started = await db.selectFrom('section47_enquiries').where('strategy_discussion_id', '=', discussion.id).select('id').executeTakeFirstOrThrow()
    return { outcome: 'done', id: started.id }
  }
}

export async function getEnquiry(db: Kysely<DB>, laCode: string, childId: string, enquiryId: string) {
  if (!isUuid(enquiryId)) return undefined
  return db.selectFrom('section47_enquiries as s').innerJoin('strategy_discussions as d', 'd.id', 's.strategy_discussion_id')
    .where('s.la_code', '=', laCode).where('s.child_id', '=', childId).where('s.id', '=', enquiryId)
    .selectAll('s').select('d.discussion_date').executeTakeFirst()
}

/** Records the outcome of an enquiry: a conference is needed, or not (CIN census ICPCnotRequired), or the concerns were not substantiated. */
export async function concludeSection47(db: Kysely<DB>, user: SessionUser, childId: string, enquiryId: string, body: FormBody, today: LocalDate): Promise<WriteResult> {
  const enquiry = await getEnquiry(db, user.laCode, childId, enquiryId)
  if (!enquiry) return { outcome: 'not-found' }
  const errors = new FormErrors()
  const outcome = choice(body, 'outcome', section47Outcomes, 'Select the outcome of the enquiry', errors)
  const date = pastDate(body, 'outcomeDate', 'the date the enquiry concluded', errors, today)
  notBefore(errors, 'outcomeDate', date, enquiry.start_date, `The enquiry cannot conclude before it started on ${ukDate(enquiry.start_date)}`)
  if (enquiry.outcome) errors.add('outcome', 'The outcome of this enquiry is already recorded')
  if (errors.any || !outcome || !date) return invalid(errors)
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('section47_enquiries')
      .set({ outcome, outcome_date: date, icpc_not_required: outcome !== 'conference' })
      .where('id', '=', enquiryId).where('outcome', 'is', null).executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) return { outcome: 'done' as const, id: enquiryId }
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: 'child_protection.section47_concluded', occurredAt: onDay(date), recordedBy: user.id,
      summary: `Section 47 enquiry concluded: ${section47Outcomes[outcome].charAt(0).toLowerCase()}${section47Outcomes[outcome].slice(1)}`,
      data: { section47Id: enquiryId, outcome, icpcNotRequired: outcome !== 'conference' },
    })
    return { outcome: 'done' as const, id: enquiryId }
  })
}
