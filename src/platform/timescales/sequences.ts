// "What is due next?" from the history of what has happened: which rule applies now, counted from which date.
// Every date still comes from dueDate in engine.ts; these only pick the rule and the date to count from.
import { addYears, type LocalDate } from '../working-days/local-date.js'
import { dueDate, type TimescaleSettings } from './engine.js'
import { timescaleRule, type TimescaleRule, type TimescaleRuleId } from './rules.js'

/** The rule that governs the next deadline and the date it counts from. */
export interface Step {
  rule: TimescaleRuleId
  from: LocalDate
}

export interface Timescale<History> {
  /** Every rule the timescale may apply. */
  rules: readonly TimescaleRuleId[]
  /** The next step, or null when nothing more is due. */
  next(history: History): Step | null
}

export interface NextDue {
  rule: TimescaleRule
  from: LocalDate
  due: LocalDate
}

export function nextDue<History>(timescale: Timescale<History>, history: History, settings: TimescaleSettings): NextDue | null {
  const step = timescale.next(history)
  if (!step) return null
  return { rule: timescaleRule(step.rule), from: step.from, due: dueDate(step.rule, step.from, settings) }
}

/** The events on or after `start`, in date order: earlier ones (a previous placement, plan or episode) do not count. */
function since(start: LocalDate, events: readonly LocalDate[]): LocalDate[] {
  return events.filter((date) => date >= start).sort()
}

/** A one-off deadline: due from its trigger until it has been met. */
export interface OneOffHistory {
  trigger: LocalDate
  completed?: LocalDate | null
}

function oneOff(rule: TimescaleRuleId): Timescale<OneOffHistory> {
  return { rules: [rule], next: ({ trigger, completed }) => (completed ? null : { rule, from: trigger }) }
}

/** A first deadline from the start, then a repeating one from the latest occurrence. */
function firstThenEvery(first: TimescaleRuleId, every: TimescaleRuleId) {
  return (start: LocalDate, occurrences: readonly LocalDate[]): Step => {
    const last = since(start, occurrences).at(-1)
    return last === undefined ? { rule: first, from: start } : { rule: every, from: last }
  }
}

export const referralDecision = oneOff('CP-01')
export const childAndFamilyAssessment = oneOff('CP-02')
export const strategyDiscussion = oneOff('CP-03')
export const section47Enquiry = oneOff('CP-04')
export const initialChildProtectionConference = oneOff('CP-05')
export const transferInConference = oneOff('CP-11')
export const carePlan = oneOff('LAC-01')
export const placementPlan = oneOff('LAC-02')
export const emergencyPlacementNotice = oneOff('LAC-03')

const coreGroupStep = firstThenEvery('CP-07.first', 'CP-07.subsequent')
export const coreGroups: Timescale<{ icpc: LocalDate; meetings: readonly LocalDate[] }> = {
  rules: ['CP-07.first', 'CP-07.subsequent'],
  next: ({ icpc, meetings }) => coreGroupStep(icpc, meetings),
}

const reviewConferenceStep = firstThenEvery('CP-08', 'CP-09')
/** First review within 3 months of the ICPC, then at most every 6 months while the plan lasts. */
export const childProtectionReviews: Timescale<{ icpc: LocalDate; reviews: readonly LocalDate[] }> = {
  rules: ['CP-08', 'CP-09'],
  next: ({ icpc, reviews }) => reviewConferenceStep(icpc, reviews),
}

export const childProtectionVisits: Timescale<{ planStart: LocalDate; visits: readonly LocalDate[] }> = {
  rules: ['CP-10'],
  next: ({ planStart, visits }) => ({ rule: 'CP-10', from: since(planStart, visits).at(-1) ?? planStart }),
}

/** First review within 20 working days, the second within 3 months of the first, then every 6 months. */
export const lookedAfterReviews: Timescale<{ lookedAfterFrom: LocalDate; reviews: readonly LocalDate[] }> = {
  rules: ['LAC-04.first', 'LAC-04.second', 'LAC-04.subsequent'],
  next: ({ lookedAfterFrom, reviews }) => {
    const held = since(lookedAfterFrom, reviews)
    if (held.length === 0) return { rule: 'LAC-04.first', from: lookedAfterFrom }
    if (held.length === 1) return { rule: 'LAC-04.second', from: held[0]! }
    return { rule: 'LAC-04.subsequent', from: held.at(-1)! }
  },
}

/** Social worker visits to a child in an ordinary placement (reg 28(2)). */
export const placementVisits: Timescale<{
  placementStart: LocalDate
  visits: readonly LocalDate[]
  /** The placement is intended to last until the child is 18. */
  intendedToLastUntil18: boolean
}> = {
  rules: ['LAC-05.first', 'LAC-05.interval', 'LAC-05.long-term'],
  next: ({ placementStart, visits, intendedToLastUntil18 }) => {
    const last = since(placementStart, visits).at(-1)
    if (last === undefined) return { rule: 'LAC-05.first', from: placementStart }
    const inFirstYear = last < addYears(placementStart, 1)
    return { rule: intendedToLastUntil18 && !inFirstYear ? 'LAC-05.long-term' : 'LAC-05.interval', from: last }
  },
}

/** Weekly visits until the first review (`firstReview` once it has been held), then a longer interval. */
function weeklyUntilFirstReview(weekly: TimescaleRuleId, interval: TimescaleRuleId):
  Timescale<{ placementStart: LocalDate; visits: readonly LocalDate[]; firstReview?: LocalDate | null }> {
  return {
    rules: [weekly, interval],
    next: ({ placementStart, visits, firstReview }) => {
      const last = since(placementStart, visits).at(-1)
      if (last === undefined) return { rule: weekly, from: placementStart }
      return { rule: firstReview ? interval : weekly, from: last }
    },
  }
}

/** Placed with a parent before the parent's assessment is complete (reg 19). */
export const placedWithParentVisits = weeklyUntilFirstReview('LAC-06.weekly', 'LAC-06.interval')
/** Temporarily approved connected person (reg 24), or an interim care order while living with a parent. */
export const temporaryApprovalVisits = weeklyUntilFirstReview('LAC-07.weekly', 'LAC-07.interval')

const careOrderAtHomeStep = firstThenEvery('LAC-08.first', 'LAC-08.interval')
/** Care order, child living with a parent. */
export const careOrderAtHomeVisits: Timescale<{ orderMade: LocalDate; visits: readonly LocalDate[] }> = {
  rules: ['LAC-08.first', 'LAC-08.interval'],
  next: ({ orderMade, visits }) => careOrderAtHomeStep(orderMade, visits),
}

/** Initial assessment within 20 working days, then every 6 months before the 5th birthday and every 12 after. */
export const healthAssessments: Timescale<{
  lookedAfterFrom: LocalDate
  dateOfBirth: LocalDate
  assessments: readonly LocalDate[]
}> = {
  rules: ['LAC-09', 'LAC-10.under-5', 'LAC-10.5-and-over'],
  next: ({ lookedAfterFrom, dateOfBirth, assessments }) => {
    const last = since(lookedAfterFrom, assessments).at(-1)
    if (last === undefined) return { rule: 'LAC-09', from: lookedAfterFrom }
    return { rule: last < addYears(dateOfBirth, 5) ? 'LAC-10.under-5' : 'LAC-10.5-and-over', from: last }
  },
}

const pepStep = firstThenEvery('LAC-11.initial', 'LAC-11.review')
/** From becoming looked after or changing school (`from`): the first PEP, then a review each term. */
export const personalEducationPlans: Timescale<{ from: LocalDate; meetings: readonly LocalDate[] }> = {
  rules: ['LAC-11.initial', 'LAC-11.review'],
  next: ({ from, meetings }) => pepStep(from, meetings),
}

/** Needs assessment within 3 months of the 16th birthday, or of becoming eligible if that is later. */
export const careLeaverNeedsAssessment: Timescale<{
  dateOfBirth: LocalDate
  eligibleFrom: LocalDate
  completed?: LocalDate | null
}> = {
  rules: ['CL-01'],
  next: ({ dateOfBirth, eligibleFrom, completed }) => {
    if (completed) return null
    const sixteenth = addYears(dateOfBirth, 16)
    return { rule: 'CL-01', from: eligibleFrom > sixteenth ? eligibleFrom : sixteenth }
  },
}

export const pathwayPlanReviews: Timescale<{ pathwayPlan: LocalDate; reviews: readonly LocalDate[] }> = {
  rules: ['CL-02'],
  next: ({ pathwayPlan, reviews }) => ({ rule: 'CL-02', from: since(pathwayPlan, reviews).at(-1) ?? pathwayPlan }),
}

/** A child in need plan is reviewed at the local interval from its start, then from each review. */
export const childInNeedPlanReviews: Timescale<{ planStart: LocalDate; reviews: readonly LocalDate[] }> = {
  rules: ['CIN-01'],
  next: ({ planStart, reviews }) => ({ rule: 'CIN-01', from: since(planStart, reviews).at(-1) ?? planStart }),
}

/** A family help plan is reviewed at the local interval from the start of the help, then from each review. */
export const familyHelpPlanReviews: Timescale<{ helpStart: LocalDate; reviews: readonly LocalDate[] }> = {
  rules: ['FH-01'],
  next: ({ helpStart, reviews }) => ({ rule: 'FH-01', from: since(helpStart, reviews).at(-1) ?? helpStart }),
}
