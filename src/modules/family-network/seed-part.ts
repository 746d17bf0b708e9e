// Synthetic family network work for `kindred seed`. Pre-proceedings before a child comes into care on a care
// order (interim or full), with the letter, the meetings, the family group decision-making offer to each parent
// and holder of parental responsibility, their answers and the meeting (or a manager's exemption), the
// decision to issue and the application, so the FGDM requirement is met; and pre-proceedings that stepped down,
// or are still running, for some long protection plans. Kinship: connected person foster care for placements
// with relatives or friends, and the special guardianship or child arrangements order a period of care ended
// with (SSDA903 E45-E48, E41-E44), after a viability assessment of the carer. Rows and events are the ones this
// module's service writes.
import { caseworkTables, childRecordId } from '../../platform/seed/casework-ids.js'
import { caseworkStaff, eventWriter, onDay, ukDay } from '../../platform/seed/casework-kit.js'
import { eighteenthBirthday } from '../../platform/seed/episode-endings.js'
import type { Day, Episode, SeedAdult, SeedChild, SeedFamily } from '../../platform/seed/facts.js'
import type { SeedWorker } from '../../platform/seed/organisation.js'
import type { Emit, SeedContext, SeedPart, SeedTable } from '../../platform/seed/part.js'
import { date } from '../../platform/seed/parts/dates.js'
import type { Random } from '../../platform/seed/random.js'
import { arrangementTypes, labelFor, orderTypes } from './codes.js'
import type { ArrangementType } from './tables.js'

const table = (name: string, columns: SeedTable['columns']): SeedTable => ({ name, columns })
const caseColumns: SeedTable['columns'] = [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid']]

export const preProceedingsTable = table('pre_proceedings', [...caseColumns, ['referral_id', 'uuid'], ['decision_date', 'date'], ['letter_date', 'date'],
  ['outcome', 'text'], ['outcome_date', 'date'], ['created_by', 'uuid'], ['created_at', 'timestamptz']])
export const preProceedingsMeetingsTable = table('pre_proceedings_meetings', [...caseColumns, ['pre_proceedings_id', 'uuid'], ['meeting_date', 'date'], ['recorded_by', 'uuid']])
export const fgdmOffersTable = table('fgdm_offers', [...caseColumns, ['pre_proceedings_id', 'uuid'], ['person_id', 'uuid'], ['offered_on', 'date'],
  ['in_letter_before_proceedings', 'bool'], ['response', 'text'], ['responded_on', 'date'], ['recorded_by', 'uuid']])
export const fgdmMeetingsTable = table('fgdm_meetings', [...caseColumns, ['pre_proceedings_id', 'uuid'], ['held_on', 'date'], ['professionals', 'text'],
  ['family_plan', 'text'], ['recorded_by', 'uuid']])
export const fgdmAttendeesTable = table('fgdm_meeting_attendees', [['meeting_id', 'uuid'], ['person_id', 'uuid']])
export const fgdmExemptionsTable = table('fgdm_exemptions', [...caseColumns, ['pre_proceedings_id', 'uuid'], ['decided_on', 'date'], ['reasons', 'text'], ['authorised_by', 'uuid']])
export const applicationsTable = table('proceedings_applications', [...caseColumns, ['pre_proceedings_id', 'uuid'], ['applied_on', 'date'], ['order_type', 'text'],
  ['court', 'text'], ['recorded_by', 'uuid']])
export const viabilityTable = table('viability_assessments', [...caseColumns, ['person_id', 'uuid'], ['started_on', 'date'], ['completed_on', 'date'], ['outcome', 'text'],
  ['recommendation', 'text'], ['recorded_by', 'uuid']])
export const kinshipArrangementsTable = table('kinship_arrangements', [...caseColumns, ['carer_id', 'uuid'], ['arrangement_type', 'text'], ['started_on', 'date'],
  ['ended_on', 'date'], ['recorded_by', 'uuid']])

/** Legal statuses on entry that follow an application for a care order. */
const careOrders = new Set(['C1', 'C2'])
/** SSDA903 reasons ceased that are kinship orders. */
const kinshipOrderOnLeaving: Record<string, ArrangementType> = {
  E45: 'special_guardianship_order', E46: 'special_guardianship_order', E47: 'special_guardianship_order', E48: 'special_guardianship_order',
  E41: 'child_arrangements_order', E43: 'child_arrangements_order', E44: 'child_arrangements_order',
}
/** Placements with a relative or friend (SSDA903 U1-U3). */
const withConnectedPerson = new Set(['U1', 'U2', 'U3'])
/** Share of protection plans lasting 8 months or more that go into pre-proceedings. */
const preProceedingsOnLongPlans = 0.25
const fgdmAccepted = 0.65

const fullName = (p: SeedAdult) => `${p.firstName} ${p.lastName}`

interface ChildWork {
  ctx: SeedContext
  emit: Emit
  child: SeedChild
  /** The adults of the child's family network. */
  adults: SeedAdult[]
  random: Random
  event: ReturnType<typeof eventWriter>
  staff: ReturnType<typeof caseworkStaff>
  la_code: string
}

interface Timeline { decision: Day; outcome: 'issue' | 'step_down' | null; outcomeDay: Day | null }

/** Pre-proceedings on the episode, if it had any: before care under a care order, or during a long protection plan. */
function timelineOf(random: Random, e: Episode, asOf: Day): Timeline | null {
  if (e.care && careOrders.has(e.care.legalStatus) && e.care.start - e.referral >= 50) {
    const decision = e.care.start - random.between(40, Math.min(110, e.care.start - e.referral - 5))
    return { decision, outcome: 'issue', outcomeDay: e.care.start - random.between(1, 10) }
  }
  if (!e.plan || e.care || (e.plan.end ?? asOf) - e.plan.start < 240 || !random.chance(preProceedingsOnLongPlans)) return null
  const decision = e.plan.start + random.between(120, 200)
  const limit = Math.min(asOf, e.plan.end ?? asOf, e.end ?? asOf)
  if (decision > limit) return null
  const outcomeDay = decision + random.between(60, 120)
  return outcomeDay <= limit ? { decision, outcome: 'step_down', outcomeDay } : e.end === null ? { decision, outcome: null, outcomeDay: null } : null
}

function preProceedings(w: ChildWork, e: Episode, i: number): void {
  const { ctx, emit, child, random, event, staff, la_code } = w
  const { asOf } = ctx.period
  const timeline = timelineOf(random, e, asOf)
  if (!timeline) return
  const worker = staff.caseholder(random, 'child_protection')
  const manager = staff.managerOf(worker)
  const ppId = childRecordId(child, caseworkTables.preProceedings, i)
  const referralId = childRecordId(child, caseworkTables.referral, i)
  const limit = timeline.outcomeDay ?? asOf
  const { decision } = timeline
  const letterDay = decision + random.between(3, 10)
  const letter = letterDay <= limit ? letterDay : null
  emit(preProceedingsTable, {
    id: ppId, la_code, child_id: child.id, referral_id: referralId, decision_date: date(decision), letter_date: date(letter),
    outcome: timeline.outcome, outcome_date: date(timeline.outcomeDay), created_by: worker.id, created_at: onDay(decision),
  })
  const step = (type: string, day: Day, summary: string, data: Record<string, unknown>, significant = false) =>
    event({ type, day, recordedBy: worker.id, summary, data: { preProceedingsId: ppId, ...data }, significant }, 200)
  step('pre_proceedings.started', decision, `Decision to enter pre-proceedings on ${ukDay(decision)}`, { referralId, decisionDate: date(decision) }, true)
  if (letter !== null) {
    const sent = letter
    step('pre_proceedings.letter_sent', sent, `Letter before proceedings sent on ${ukDay(sent)}`, { letterDate: date(sent) }, true)
    let n = 0
    for (let day = sent + random.between(5, 12); day <= limit; day += random.between(28, 42)) {
      emit(preProceedingsMeetingsTable, {
        id: childRecordId(child, caseworkTables.preProceedingsMeeting, i * 64 + n), la_code, child_id: child.id, pre_proceedings_id: ppId,
        meeting_date: date(day), recorded_by: worker.id,
      })
      step('pre_proceedings.meeting_held', day, `${n++ === 0 ? 'Initial' : 'Review'} pre-proceedings meeting on ${ukDay(day)}`, { meetingDate: date(day) })
    }
  }
  const metBy = familyGroupDecisionMaking(w, { ppId, i, decision, letter, limit, closed: timeline.outcome !== null, worker, manager, step })
  if (!timeline.outcome || timeline.outcomeDay === null) return
  const issue = timeline.outcome === 'issue'
  step(issue ? 'pre_proceedings.decision_to_issue' : 'pre_proceedings.stepped_down', timeline.outcomeDay,
    issue ? `Decision to issue care proceedings on ${ukDay(timeline.outcomeDay)}` : `Stepped down from pre-proceedings on ${ukDay(timeline.outcomeDay)}`,
    { outcome: timeline.outcome, outcomeDate: date(timeline.outcomeDay) }, true)
  if (!issue) return
  const appliedOn = timeline.outcomeDay + random.below(2)
  const orderType = random.chance(0.9) ? 'care' : 'supervision'
  emit(applicationsTable, {
    id: childRecordId(child, caseworkTables.application, i), la_code, child_id: child.id, pre_proceedings_id: ppId, applied_on: date(appliedOn),
    order_type: orderType, court: `Family Court sitting at ${random.pick(ctx.plan.authority.towns)}`, recorded_by: worker.id,
  })
  step('proceedings.application_recorded', appliedOn, `Application for a ${labelFor(orderTypes, orderType).toLowerCase()} made on ${ukDay(appliedOn)}`,
    { appliedOn: date(appliedOn), orderType, fgdmRequirementMetBy: metBy }, true)
}

/** Parents and holders of parental responsibility are offered the meeting. */
const isRecipient = (a: SeedAdult) => a.role === 'mother' || a.role === 'father' || a.parentalResponsibility

interface FgdmContext {
  ppId: string
  i: number
  decision: Day
  letter: Day | null
  /** Nothing is dated after it: the outcome, or the reporting date while pre-proceedings run. */
  limit: Day
  /** Pre-proceedings that ended had everything answered before they did. */
  closed: boolean
  worker: SeedWorker
  manager: SeedWorker
  step: (type: string, day: Day, summary: string, data: Record<string, unknown>, significant?: boolean) => void
}

/** Writes the offer, answers and meeting, or the exemption; returns how the FGDM requirement was met (as the application's event says). */
function familyGroupDecisionMaking(w: ChildWork, f: FgdmContext): 'exemption' | 'all-declined' | 'meeting-held' {
  const { emit, child, random, la_code } = w
  const { ppId, i, limit, step } = f
  const recipients = w.adults.filter(isRecipient)
  if (recipients.length === 0 || random.chance(0.05)) {
    const decidedOn = Math.min(f.decision + random.between(1, 10), limit)
    emit(fgdmExemptionsTable, {
      id: childRecordId(child, caseworkTables.fgdmExemption, i), la_code, child_id: child.id, pre_proceedings_id: ppId, decided_on: date(decidedOn),
      reasons: 'A meeting would put the child at risk: a parent has made threats against the family members who would attend.', authorised_by: f.manager.id,
    })
    step('fgdm.exemption_recorded', decidedOn,
      `A team manager decided on ${ukDay(decidedOn)} that a family group decision-making meeting is not in the child’s best interests`, { decidedOn: date(decidedOn) }, true)
    return 'exemption'
  }
  const inLetter = f.letter !== null && random.chance(0.8)
  const offeredOn = inLetter ? f.letter! : Math.min(f.decision + random.between(1, 5), limit)
  const offers = recipients.map((person, k) => {
    const answeredOn = offeredOn + random.between(2, 14)
    const answered = f.closed || answeredOn <= limit
    return { id: childRecordId(child, caseworkTables.fgdmOffer, i * 16 + k), person, respondedOn: answered ? Math.min(answeredOn, limit) : null,
      response: answered ? (random.chance(fgdmAccepted) ? 'accepted' : 'declined') : null }
  })
  for (const o of offers) {
    emit(fgdmOffersTable, {
      id: o.id, la_code, child_id: child.id, pre_proceedings_id: ppId, person_id: o.person.id, offered_on: date(offeredOn),
      in_letter_before_proceedings: inLetter, response: o.response, responded_on: date(o.respondedOn), recorded_by: f.worker.id,
    })
  }
  step('fgdm.offered', offeredOn,
    `Family group decision-making meeting offered to ${recipients.map(fullName).join(' and ')} on ${ukDay(offeredOn)}${inLetter ? ' in the letter before proceedings' : ''}`,
    { personIds: recipients.map((p) => p.id), offeredOn: date(offeredOn), inLetterBeforeProceedings: inLetter }, true)
  for (const o of offers) {
    if (!o.response || o.respondedOn === null) continue
    step(`fgdm.${o.response}`, o.respondedOn, `${fullName(o.person)} ${o.response} the family group decision-making meeting on ${ukDay(o.respondedOn)}`,
      { offerId: o.id, personId: o.person.id, respondedOn: date(o.respondedOn) })
  }
  const accepted = offers.filter((o) => o.response === 'accepted')
  if (accepted.length === 0) return 'all-declined'
  const heldOn = Math.max(...accepted.map((o) => o.respondedOn!)) + random.between(7, 21)
  if (heldOn > limit && !f.closed) return 'meeting-held'
  const held = Math.min(heldOn, limit)
  const meetingId = childRecordId(child, caseworkTables.fgdmMeeting, i)
  const attendees = [...new Set([...accepted.map((o) => o.person), ...w.adults.filter((a) => a.possibleCarer)])]
  const familyPlan = random.chance(0.75) ? 'The grandparents will look after the children at weekends and the family will check in with each other every day.' : ''
  emit(fgdmMeetingsTable, {
    id: meetingId, la_code, child_id: child.id, pre_proceedings_id: ppId, held_on: date(held),
    professionals: 'Independent family group conference coordinator; the child’s social worker', family_plan: familyPlan, recorded_by: f.worker.id,
  })
  for (const person of attendees) emit(fgdmAttendeesTable, { meeting_id: meetingId, person_id: person.id })
  step('fgdm.meeting_held', held, `Family group decision-making meeting held on ${ukDay(held)}${familyPlan ? ': the family made a plan' : ''}`,
    { meetingId, heldOn: date(held), attendeeIds: attendees.map((p) => p.id), familyPlan: familyPlan !== '' }, true)
  return 'meeting-held'
}

/** The relative or friend a child lives with: a grandparent, another possible carer, or (for an order) a parent. */
function carerFor(w: ChildWork, orParent: boolean): SeedAdult | undefined {
  return w.adults.find((a) => a.role === 'grandparent') ?? w.adults.find((a) => a.possibleCarer && !a.livesWithChildren)
    ?? (orParent ? w.adults.find((a) => a.role === 'father') : undefined)
}

function kinship(w: ChildWork): void {
  const { ctx, emit, child, random, event, staff, la_code } = w
  const { asOf } = ctx.period
  const eighteenth = eighteenthBirthday(child)
  const arrangements: Array<{ carer: SeedAdult; type: ArrangementType; start: Day; end: Day | null; worker: SeedWorker }> = []
  const arrangement = ({ carer, type, start, end, worker }: (typeof arrangements)[number], n: number) => {
    const id = childRecordId(child, caseworkTables.kinshipArrangement, n)
    emit(kinshipArrangementsTable, {
      id, la_code, child_id: child.id, carer_id: carer.id, arrangement_type: type, started_on: date(start), ended_on: date(end), recorded_by: worker.id,
    })
    const what = labelFor(arrangementTypes, type)
    event({
      type: 'kinship.arrangement_started', day: start, recordedBy: worker.id, significant: true, summary: `${what} with ${fullName(carer)} from ${ukDay(start)}`,
      data: { arrangementId: id, carerId: carer.id, arrangementType: type, startedOn: date(start) },
    }, 250)
    if (end === null) return
    event({
      type: 'kinship.arrangement_ended', day: end, recordedBy: worker.id, significant: true, summary: `${what} with ${fullName(carer)} ended on ${ukDay(end)}`,
      data: { arrangementId: id, carerId: carer.id, endedOn: date(end) },
    }, 240)
  }
  child.episodes.forEach((e, i) => {
    if (!e.care) return
    const worker = staff.caseholder(random, 'children_in_care')
    for (const p of e.care.placements) {
      const carer = withConnectedPerson.has(p.type) ? carerFor(w, false) : undefined
      if (carer) arrangements.push({ carer, type: 'connected_person_foster_care', start: p.start, end: p.end, worker })
    }
    const order = e.care.reasonEnded ? kinshipOrderOnLeaving[e.care.reasonEnded] : undefined
    const carer = order && e.care.end !== null ? carerFor(w, order === 'child_arrangements_order') : undefined
    if (!order || !carer || e.care.end === null) return
    const started = Math.min(e.care.start + random.between(14, 60), e.care.end)
    const completed = Math.min(started + random.between(21, 56), e.care.end)
    const assessmentId = childRecordId(child, caseworkTables.viabilityAssessment, i)
    emit(viabilityTable, {
      id: assessmentId, la_code, child_id: child.id, person_id: carer.id, started_on: date(started), completed_on: date(completed), outcome: 'positive',
      recommendation: `${fullName(carer)} can meet the child’s needs: a full assessment should follow.`, recorded_by: worker.id,
    })
    event({
      type: 'kinship.viability_started', day: started, recordedBy: worker.id, summary: `Viability assessment of ${fullName(carer)} started on ${ukDay(started)}`,
      data: { assessmentId, personId: carer.id, startedOn: date(started) },
    }, 230)
    event({
      type: 'kinship.viability_completed', day: completed, recordedBy: worker.id, significant: true,
      summary: `Viability assessment of ${fullName(carer)} finished on ${ukDay(completed)}: positive`,
      data: { assessmentId, personId: carer.id, completedOn: date(completed), outcome: 'positive' },
    }, 231)
    arrangements.push({ carer, type: order, start: e.care.end, end: eighteenth <= asOf ? eighteenth : null, worker })
  })
  // A child lives in one arrangement at a time: one still running ends when the child came back into care.
  arrangements.forEach((a, n) => {
    const next = arrangements[n + 1]
    arrangement(next && (a.end === null || a.end > next.start) ? { ...a, end: Math.max(a.start, next.start) } : a, n)
  })
}

function writeFamily(ctx: SeedContext, family: SeedFamily, emit: Emit): void {
  const random = ctx.random('family-network', family.index)
  family.children.forEach((child, index) => {
    const w: ChildWork = {
      ctx, emit, child, adults: family.adults.filter((a) => a.of.includes(index)), random, event: eventWriter(ctx, emit, child),
      staff: caseworkStaff(ctx.organisation), la_code: ctx.plan.authority.code,
    }
    child.episodes.forEach((e, i) => preProceedings(w, e, i))
    kinship(w)
  })
}

export const familyNetworkSeedPart: SeedPart = {
  name: 'family-network',
  tables: [preProceedingsTable, preProceedingsMeetingsTable, fgdmOffersTable, fgdmMeetingsTable, fgdmAttendeesTable, fgdmExemptionsTable,
    applicationsTable, viabilityTable, kinshipArrangementsTable],
  families(ctx, families, emit) {
    for (const family of families) writeFamily(ctx, family, emit)
  },
}
