// Pre-proceedings and family group decision making on the child's CIN episode, and the application to court
// they lead to. The application is refused until the FGDM requirement (requirement.ts) is met. Every step is
// one transaction that appends its event to the child's stream.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { getOpenReferral } from '../front-door/service.js'
import { familyNetwork, type NetworkMember } from '../people/service.js'
import { fgdmResponses, isCode, labelFor, orderTypes, preProceedingsOutcomes } from './codes.js'
import { checkDate, ukDate } from './dates.js'
import {
  applicationsOf, exemptionsOf, fgdmMeetingsOf, insertApplication, insertExemption, insertFgdmMeeting, insertMeeting, insertOffers,
  insertPreProceedings, latestPreProceedings, meetingDates, offersOf, recordResponse, updatePreProceedings,
  type ApplicationRow, type FgdmMeetingRow, type OfferRow, type PreProceedingsRow,
} from './repository.js'
import { fgdmRequirement, requirementMessage, type Requirement } from './requirement.js'
import {
  hasErrors, invalid, notFound, once, refused, stepEvent, type Actor, type FieldErrors, type Outcome, type Step,
} from './submissions.js'

export const proceedingsHref = (childId: string): string => `/children/${childId}/pre-proceedings`

export interface ProceedingsState {
  preProceedings: PreProceedingsRow | null
  /** Still running: not stepped down and no application recorded. */
  active: boolean
  meetings: LocalDate[]
  offers: OfferRow[]
  fgdmMeeting: FgdmMeetingRow | null
  exemption: Awaited<ReturnType<typeof exemptionsOf>>[number] | null
  application: ApplicationRow | null
  requirement: Requirement
  /** Parents and holders of parental responsibility in the network not yet offered a meeting. */
  toOffer: NetworkMember[]
  /** Everyone in the family network (for the meeting's attendees). */
  network: NetworkMember[]
}

const isRecipient = (m: NetworkMember) => !m.isChild && (m.parentalResponsibility || m.group === 'parent')

/** Everything about the child's latest pre-proceedings, or a blank state when there are none. */
export async function proceedingsState(db: Executor, actor: Actor, childId: string): Promise<ProceedingsState> {
  const [pp, network] = await Promise.all([
    latestPreProceedings(db, actor.laCode, childId),
    familyNetwork(db as Kysely<DB>, actor.laCode, childId, actor.id),
  ])
  const members = network?.members ?? []
  const ids = pp ? [pp.id] : []
  const [meetings, offers, fgdmMeetings, exemptions, applications] = await Promise.all([
    meetingDates(db, ids), offersOf(db, ids), fgdmMeetingsOf(db, ids), exemptionsOf(db, ids), applicationsOf(db, ids),
  ])
  const offered = new Set(offers.map((o) => o.person_id))
  const requirement = fgdmRequirement({
    responsibilityHolders: members.filter((m) => !m.isChild && m.parentalResponsibility).map((m) => ({ personId: m.personId, name: m.name })),
    offers: offers.map((o) => ({ personId: o.person_id, name: o.person_name, response: o.response })),
    meetingHeld: fgdmMeetings.length > 0,
    exemption: exemptions.length > 0,
  })
  return {
    preProceedings: pp ?? null,
    active: !!pp && pp.outcome !== 'step_down' && applications.length === 0,
    meetings: meetings.map((m) => m.meeting_date),
    offers, fgdmMeeting: fgdmMeetings[0] ?? null, exemption: exemptions[0] ?? null, application: applications[0] ?? null,
    requirement,
    toOffer: members.filter((m) => isRecipient(m) && !offered.has(m.personId)),
    network: members.filter((m) => m.group !== 'professional'),
  }
}

/** Runs a change on the child's running pre-proceedings; refused when there are none. */
function onActive(step: Step, work: (trx: Executor, state: ProceedingsState & { preProceedings: PreProceedingsRow }) => Promise<Outcome>): Promise<Outcome> {
  return once(step.db, step.actor, step.childId, step.submission, async (trx) => {
    const state = await proceedingsState(trx, step.actor, step.childId)
    if (!state.active || !state.preProceedings) return refused('This child is not in pre-proceedings. Start pre-proceedings first')
    return work(trx, state as ProceedingsState & { preProceedings: PreProceedingsRow })
  })
}


const done = (step: Step, recorded: string): Outcome => ({ outcome: 'done', redirectTo: `${proceedingsHref(step.childId)}?recorded=${recorded}` })

export async function startPreProceedings(step: Step, decisionDate: LocalDate | null): Promise<Outcome> {
  return once(step.db, step.actor, step.childId, step.submission, async (trx) => {
    const referral = await getOpenReferral(trx, step.actor.laCode, step.childId)
    if (!referral) return refused('This child does not have an open child in need episode. Pre-proceedings start on an open episode')
    const state = await proceedingsState(trx, step.actor, step.childId)
    if (state.active) return refused('This child is already in pre-proceedings')
    const errors: FieldErrors = {}
    if (!checkDate(errors, 'decisionDate', decisionDate, step.today, 'The date of the decision', { date: referral.referralDate, words: 'the referral date' })) return invalid(errors)
    const id = await insertPreProceedings(trx, {
      la_code: step.actor.laCode, child_id: step.childId, referral_id: referral.id, decision_date: decisionDate, created_by: step.actor.id,
    })
    await appendChildEvent(trx, stepEvent(step, 'pre_proceedings.started', `Decision to enter pre-proceedings on ${ukDate(decisionDate)}`,
      { preProceedingsId: id, referralId: referral.id, decisionDate }, true))
    return done(step, 'started')
  })
}

export async function recordLetter(step: Step, letterDate: LocalDate | null): Promise<Outcome> {
  return onActive(step, async (trx, { preProceedings: pp }) => {
    if (pp.letter_date) return refused(`The letter before proceedings is already recorded (sent ${ukDate(pp.letter_date)})`)
    const errors: FieldErrors = {}
    if (!checkDate(errors, 'letterDate', letterDate, step.today, 'The date the letter was sent', { date: pp.decision_date, words: 'the decision to enter pre-proceedings' })) return invalid(errors)
    await updatePreProceedings(trx, pp.id, { letter_date: letterDate })
    await appendChildEvent(trx, stepEvent(step, 'pre_proceedings.letter_sent', `Letter before proceedings sent on ${ukDate(letterDate)}`,
      { preProceedingsId: pp.id, letterDate }, true))
    return done(step, 'letter')
  })
}

export async function recordPreProceedingsMeeting(step: Step, meetingDate: LocalDate | null): Promise<Outcome> {
  return onActive(step, async (trx, state) => {
    const pp = state.preProceedings
    if (!pp.letter_date) return refused('Record the letter before proceedings first: the meetings follow it')
    const errors: FieldErrors = {}
    if (!checkDate(errors, 'meetingDate', meetingDate, step.today, 'The date of the meeting', { date: pp.letter_date, words: 'the day the letter was sent' })) return invalid(errors)
    if (state.meetings.includes(meetingDate)) return invalid({ 'meetingDate-day': `A pre-proceedings meeting on ${ukDate(meetingDate)} is already recorded` })
    await insertMeeting(trx, { la_code: step.actor.laCode, child_id: step.childId, pre_proceedings_id: pp.id, meeting_date: meetingDate, recorded_by: step.actor.id })
    const initial = state.meetings.every((d) => d > meetingDate)
    await appendChildEvent(trx, stepEvent(step, 'pre_proceedings.meeting_held',
      `${initial ? 'Initial' : 'Review'} pre-proceedings meeting on ${ukDate(meetingDate)}`, { preProceedingsId: pp.id, meetingDate }))
    return done(step, 'meeting')
  })
}

export interface OfferAnswer { offeredOn: LocalDate | null; personIds: readonly string[]; inLetter: string }

export async function offerFgdm(step: Step, offer: OfferAnswer): Promise<Outcome> {
  return onActive(step, async (trx, state) => {
    const pp = state.preProceedings
    if (state.exemption) return refused('A best-interests exemption is recorded, so no meeting is offered')
    const errors: FieldErrors = {}
    const recipients = state.toOffer.filter((m) => offer.personIds.includes(m.personId))
    const alreadyOffered = state.offers.filter((o) => offer.personIds.includes(o.person_id))
    if (offer.personIds.length === 0) errors.personIds = 'Select who the meeting was offered to'
    else if (alreadyOffered.length) errors.personIds = `${alreadyOffered.map((o) => o.person_name).join(' and ')} has already been offered a meeting`
    else if (recipients.length !== new Set(offer.personIds).size) errors.personIds = 'Select parents or people with parental responsibility from the child’s family network'
    if (offer.inLetter !== 'yes' && offer.inLetter !== 'no') errors.inLetter = 'Select whether the offer was in the letter before proceedings'
    const dated = checkDate(errors, 'offeredOn', offer.offeredOn, step.today, 'The date of the offer', { date: pp.decision_date, words: 'the decision to enter pre-proceedings' })
    if (offer.inLetter === 'yes' && !pp.letter_date) errors.inLetter = 'Record the letter before proceedings first, or select ‘No’'
    else if (dated && offer.inLetter === 'yes' && offer.offeredOn !== pp.letter_date) {
      errors['offeredOn-day'] = `An offer in the letter before proceedings is made the day the letter was sent (${ukDate(pp.letter_date!)})`
    }
    if (hasErrors(errors) || !offer.offeredOn) return invalid(errors)
    const inLetter = offer.inLetter === 'yes'
    await insertOffers(trx, recipients.map((m) => ({
      la_code: step.actor.laCode, child_id: step.childId, pre_proceedings_id: pp.id, person_id: m.personId,
      offered_on: offer.offeredOn!, in_letter_before_proceedings: inLetter, recorded_by: step.actor.id,
    })))
    await appendChildEvent(trx, stepEvent(step, 'fgdm.offered',
      `Family group decision-making meeting offered to ${recipients.map((m) => m.name).join(' and ')} on ${ukDate(offer.offeredOn)}${inLetter ? ' in the letter before proceedings' : ''}`,
      { preProceedingsId: pp.id, personIds: recipients.map((m) => m.personId), offeredOn: offer.offeredOn, inLetterBeforeProceedings: inLetter }, true))
    return done(step, 'offered')
  })
}

export async function recordFgdmResponse(step: Step, offerId: string, answer: { response: string; respondedOn: LocalDate | null }): Promise<Outcome> {
  return onActive(step, async (trx, state) => {
    const offer = state.offers.find((o) => o.id === offerId)
    if (!offer) return notFound
    if (offer.response) return refused(`${offer.person_name}’s answer is already recorded (${labelFor(fgdmResponses, offer.response).toLowerCase()} on ${ukDate(offer.responded_on!)})`)
    const errors: FieldErrors = {}
    if (!isCode(fgdmResponses, answer.response)) errors.response = `Select whether ${offer.person_name} accepted or declined`
    const verb = answer.response === 'declined' ? 'declined' : answer.response === 'accepted' ? 'accepted' : 'answered'
    checkDate(errors, 'respondedOn', answer.respondedOn, step.today, `The date ${offer.person_name} ${verb}`, { date: offer.offered_on, words: 'the day the meeting was offered' })
    if (hasErrors(errors) || !answer.respondedOn || !isCode(fgdmResponses, answer.response)) return invalid(errors)
    await recordResponse(trx, offer.id, answer.response, answer.respondedOn)
    await appendChildEvent(trx, stepEvent(step, `fgdm.${answer.response}`,
      `${offer.person_name} ${answer.response} the family group decision-making meeting on ${ukDate(answer.respondedOn)}`,
      { preProceedingsId: offer.pre_proceedings_id, offerId: offer.id, personId: offer.person_id, respondedOn: answer.respondedOn }))
    return done(step, answer.response)
  })
}

export interface FgdmMeetingAnswer { heldOn: LocalDate | null; attendeeIds: readonly string[]; professionals: string; familyPlan: string }

export async function recordFgdmMeeting(step: Step, meeting: FgdmMeetingAnswer): Promise<Outcome> {
  return onActive(step, async (trx, state) => {
    const pp = state.preProceedings
    if (state.fgdmMeeting) return refused(`The family group decision-making meeting is already recorded (held ${ukDate(state.fgdmMeeting.held_on)})`)
    if (state.offers.length === 0) return refused('Record the offer of a family group decision-making meeting before the meeting', 'heldOn-day')
    if (!state.offers.some((o) => o.response === 'accepted')) return refused('Nobody has accepted the offer of a meeting yet. Record who accepted before recording the meeting', 'heldOn-day')
    const errors: FieldErrors = {}
    const firstOffer = state.offers.map((o) => o.offered_on).sort()[0]!
    checkDate(errors, 'heldOn', meeting.heldOn, step.today, 'The date of the meeting', { date: firstOffer, words: 'the day the meeting was offered' })
    const attendees = state.network.filter((m) => meeting.attendeeIds.includes(m.personId))
    if (meeting.attendeeIds.length === 0) errors.attendeeIds = 'Select who came from the family network'
    else if (attendees.length !== new Set(meeting.attendeeIds).size) errors.attendeeIds = 'Select people from the child’s family network'
    if (meeting.professionals.length > 2000) errors.professionals = 'Professionals must be 2,000 characters or fewer'
    if (meeting.familyPlan.length > 20000) errors.familyPlan = 'The family plan must be 20,000 characters or fewer'
    if (hasErrors(errors) || !meeting.heldOn) return invalid(errors)
    const id = await insertFgdmMeeting(trx, {
      la_code: step.actor.laCode, child_id: step.childId, pre_proceedings_id: pp.id, held_on: meeting.heldOn,
      professionals: meeting.professionals, family_plan: meeting.familyPlan, recorded_by: step.actor.id,
    }, attendees.map((m) => m.personId))
    await appendChildEvent(trx, stepEvent(step, 'fgdm.meeting_held',
      `Family group decision-making meeting held on ${ukDate(meeting.heldOn)}${meeting.familyPlan ? ': the family made a plan' : ''}`,
      { preProceedingsId: pp.id, meetingId: id, heldOn: meeting.heldOn, attendeeIds: attendees.map((m) => m.personId), familyPlan: meeting.familyPlan !== '' }, true))
    return done(step, 'fgdm-meeting')
  })
}

export async function recordExemption(step: Step, exemption: { decidedOn: LocalDate | null; reasons: string }): Promise<Outcome> {
  return onActive(step, async (trx, state) => {
    const pp = state.preProceedings
    if (state.exemption) return refused('A best-interests exemption is already recorded')
    if (state.fgdmMeeting) return refused('The family group decision-making meeting has been held, so no exemption is needed')
    const errors: FieldErrors = {}
    if (!exemption.reasons) errors.reasons = 'Enter why a family group decision-making meeting is not in the child’s best interests'
    else if (exemption.reasons.length > 10000) errors.reasons = 'Reasons must be 10,000 characters or fewer'
    checkDate(errors, 'decidedOn', exemption.decidedOn, step.today, 'The date of the decision', { date: pp.decision_date, words: 'the decision to enter pre-proceedings' })
    if (hasErrors(errors) || !exemption.decidedOn) return invalid(errors)
    await insertExemption(trx, {
      la_code: step.actor.laCode, child_id: step.childId, pre_proceedings_id: pp.id, decided_on: exemption.decidedOn,
      reasons: exemption.reasons, authorised_by: step.actor.id,
    })
    await appendChildEvent(trx, stepEvent(step, 'fgdm.exemption_recorded',
      `A team manager decided on ${ukDate(exemption.decidedOn)} that a family group decision-making meeting is not in the child’s best interests`,
      { preProceedingsId: pp.id, decidedOn: exemption.decidedOn }, true))
    return done(step, 'exemption')
  })
}

export async function recordOutcome(step: Step, answer: { outcome: string; outcomeDate: LocalDate | null }): Promise<Outcome> {
  return onActive(step, async (trx, { preProceedings: pp }) => {
    if (pp.outcome) return refused(`The decision is already recorded: ${labelFor(preProceedingsOutcomes, pp.outcome).toLowerCase()} (${ukDate(pp.outcome_date!)})`)
    const errors: FieldErrors = {}
    if (!isCode(preProceedingsOutcomes, answer.outcome)) errors.outcome = 'Select what was decided'
    checkDate(errors, 'outcomeDate', answer.outcomeDate, step.today, 'The date of the decision', { date: pp.decision_date, words: 'the decision to enter pre-proceedings' })
    if (hasErrors(errors) || !answer.outcomeDate || !isCode(preProceedingsOutcomes, answer.outcome)) return invalid(errors)
    await updatePreProceedings(trx, pp.id, { outcome: answer.outcome, outcome_date: answer.outcomeDate })
    const issue = answer.outcome === 'issue'
    await appendChildEvent(trx, stepEvent(step, issue ? 'pre_proceedings.decision_to_issue' : 'pre_proceedings.stepped_down',
      issue ? `Decision to issue care proceedings on ${ukDate(answer.outcomeDate)}` : `Stepped down from pre-proceedings on ${ukDate(answer.outcomeDate)}`,
      { preProceedingsId: pp.id, outcome: answer.outcome, outcomeDate: answer.outcomeDate }, true))
    return done(step, issue ? 'decision-to-issue' : 'stepped-down')
  })
}

export interface ApplicationAnswer { appliedOn: LocalDate | null; court: string; orderType: string }

export async function recordApplication(step: Step, application: ApplicationAnswer): Promise<Outcome> {
  return onActive(step, async (trx, state) => {
    const pp = state.preProceedings
    if (!state.requirement.met) return refused(requirementMessage(state.requirement))
    if (pp.outcome !== 'issue') return refused('Record the decision to issue care proceedings before the application')
    const errors: FieldErrors = {}
    if (!isCode(orderTypes, application.orderType)) errors.orderType = 'Select the order applied for'
    if (!application.court) errors.court = 'Enter the court the application was made to'
    else if (application.court.length > 200) errors.court = 'The court must be 200 characters or fewer'
    checkDate(errors, 'appliedOn', application.appliedOn, step.today, 'The date of the application', { date: pp.outcome_date!, words: 'the decision to issue' })
    if (hasErrors(errors) || !application.appliedOn || !isCode(orderTypes, application.orderType)) return invalid(errors)
    await insertApplication(trx, {
      la_code: step.actor.laCode, child_id: step.childId, pre_proceedings_id: pp.id, applied_on: application.appliedOn,
      order_type: application.orderType, court: application.court, recorded_by: step.actor.id,
    })
    await appendChildEvent(trx, stepEvent(step, 'proceedings.application_recorded',
      `Application for a ${labelFor(orderTypes, application.orderType).toLowerCase()} made on ${ukDate(application.appliedOn)}`,
      { preProceedingsId: pp.id, appliedOn: application.appliedOn, orderType: application.orderType, fgdmRequirementMetBy: state.requirement.met && state.requirement.via }, true))
    return done(step, 'application')
  })
}
