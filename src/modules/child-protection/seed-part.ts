// Synthetic child protection work for `kindred seed`, from each episode's facts: the child and family
// assessment (factors, outcome, authorisation), the strategy discussion and section 47 enquiry, the initial
// conference and the plan it starts, review conferences, core groups and, for plans open on the reporting
// date, the recent child protection visits. Rows and events are the ones this module's service writes.
import { caseworkTables, childRecordId } from '../../platform/seed/casework-ids.js'
import { caseworkStaff, eventWriter, involvementsTable, onDay } from '../../platform/seed/casework-kit.js'
import { eighteenthBirthday, episodeEndings } from '../../platform/seed/episode-endings.js'
import type { Day, Episode, ProtectionPlan, SeedChild } from '../../platform/seed/facts.js'
import { firstName, surname } from '../../platform/seed/names.js'
import type { Emit, SeedContext, SeedPart, SeedTable } from '../../platform/seed/part.js'
import { date } from '../../platform/seed/parts/dates.js'
import { Weighted, type Random } from '../../platform/seed/random.js'
import { assessmentOutcomes, attendingAgencies, categoriesOfAbuse, planEndReasons, section47Outcomes } from './codes.js'
import type { AssessmentOutcome, Attendee, CategoryOfAbuse, PlanEndReason, Section47Outcome } from './tables.js'

export const assessmentsTable: SeedTable = {
  name: 'assessments',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['referral_id', 'uuid'], ['start_date', 'date'], ['status', 'text'],
    ['factors', 'text[]'], ['outcome', 'text'], ['analysis', 'text'], ['completed_on', 'date'], ['late_reason', 'text'], ['submitted_by', 'uuid'],
    ['authorised_on', 'date'], ['authorised_by', 'uuid'], ['started_by', 'uuid'], ['created_at', 'timestamptz']],
}
export const strategyDiscussionsTable: SeedTable = {
  name: 'strategy_discussions',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['referral_id', 'uuid'], ['discussion_date', 'date'], ['attendees', 'jsonb'],
    ['decision', 'text'], ['recorded_by', 'uuid'], ['recorded_at', 'timestamptz']],
}
export const section47Table: SeedTable = {
  name: 'section47_enquiries',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['referral_id', 'uuid'], ['strategy_discussion_id', 'uuid'], ['start_date', 'date'],
    ['outcome', 'text'], ['outcome_date', 'date'], ['icpc_not_required', 'bool'], ['started_by', 'uuid'], ['created_at', 'timestamptz']],
}
const conferenceColumns: SeedTable['columns'] = [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['kind', 'text'], ['section47_id', 'uuid'],
  ['plan_id', 'uuid'], ['conference_date', 'date'], ['decision', 'text'], ['category', 'text'], ['chair_id', 'uuid'], ['recorded_at', 'timestamptz']]
export const initialConferencesTable: SeedTable = { name: 'child_protection_conferences', columns: conferenceColumns }
export const plansTable: SeedTable = {
  name: 'child_protection_plans',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['referral_id', 'uuid'], ['initial_conference_id', 'uuid'], ['start_date', 'date'],
    ['initial_category', 'text'], ['latest_category', 'text'], ['previous_plans', 'int'], ['end_date', 'date'], ['end_reason', 'text'],
    ['transfer_conference_date', 'date'], ['ended_by', 'uuid']],
}
/**
 * Review conferences point at their plan, which points at its initial conference: the same table under its
 * schema-qualified name is a second entry in the writer's order, written after the plans.
 */
export const reviewConferencesTable: SeedTable = { name: 'public.child_protection_conferences', columns: conferenceColumns }
export const coreGroupsTable: SeedTable = {
  name: 'core_group_meetings',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['plan_id', 'uuid'], ['meeting_date', 'date'], ['recorded_by', 'uuid'], ['recorded_at', 'timestamptz']],
}
export const caseNotesTable: SeedTable = {
  name: 'case_notes',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['kind', 'text'], ['occurred_on', 'date'], ['visit_type', 'text'], ['seen', 'bool'],
    ['seen_alone', 'bool'], ['others_present', 'text'], ['body', 'text'], ['recorded_by', 'uuid'], ['recorded_at', 'timestamptz']],
}

/** CIN census assessment factors in roughly the national mix (parental mental health and domestic abuse lead). */
const commonFactors = new Weighted([['4B', 33], ['3B', 30], ['3A', 14], ['16A', 18], ['17A', 17], ['2B', 15], ['1B', 11], ['4A', 14], ['5A', 6],
  ['15A', 5], ['10A', 4], ['11A', 3], ['24A', 3], ['14A', 5], ['7A', 2], ['6B', 3], ['18C', 4], ['20', 8]] as const)
/** The factor a protection plan's category of abuse implies. */
const categoryFactor: Record<CategoryOfAbuse, string> = { NEG: '16A', EMO: '17A', PHY: '18C', SAB: '19C' }
const otherCategories = new Weighted<CategoryOfAbuse>([['NEG', 52], ['EMO', 37], ['PHY', 7], ['SAB', 4]])

/** The generator's categories include the legacy MUL (multiple): a new plan records its main category. */
const categoryOf = (plan: ProtectionPlan): CategoryOfAbuse => (plan.category === 'MUL' ? 'NEG' : plan.category as CategoryOfAbuse)

function factorsFor(random: Random, e: Episode, outcome: AssessmentOutcome): string[] {
  if (outcome === 'no_further_action' && random.chance(0.3)) return ['21']
  const factors = new Set<string>()
  if (e.plan) factors.add(categoryFactor[categoryOf(e.plan)])
  const count = 1 + random.below(3)
  while (factors.size < count) factors.add(commonFactors.pick(random))
  return [...factors]
}

function outcomeOf(e: Episode, steppedToFamilyHelp: boolean): AssessmentOutcome {
  if (e.outcome !== 'in_need') return steppedToFamilyHelp ? 'family_help' : 'no_further_action'
  if (e.care && e.assessment?.end != null && e.care.start <= e.assessment.end) return 'looked_after'
  return 'child_in_need_plan'
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)
/** 45 working days, near enough in calendar days for deciding whether a late reason is needed. */
const assessmentDueDays = 63

interface ChildWork {
  ctx: SeedContext
  emit: Emit
  child: SeedChild
  random: Random
  event: ReturnType<typeof eventWriter>
  staff: ReturnType<typeof caseworkStaff>
  la_code: string
}

function assessment(w: ChildWork, e: Episode, i: number, referralId: string, steppedToFamilyHelp: boolean): void {
  const { ctx, emit, child, random, event, staff, la_code } = w
  const { asOf } = ctx.period
  // Earlier history is cut short to fit before what came next: keep the assessment's dates in order.
  const start = Math.min(e.assessment!.start, asOf)
  const a = { start, end: e.assessment!.end === null ? null : Math.max(start, e.assessment!.end) }
  const id = childRecordId(child, caseworkTables.assessment, i)
  const worker = staff.caseholder(random, 'assessment')
  const manager = staff.managerOf(worker)
  // An assessment open on the reporting date for three weeks or more may be with a manager already.
  const completed = a.end ?? (asOf - a.start > 20 && random.chance(0.2) ? asOf - random.below(3) : null)
  // A manager authorises the assessment before the case closes (CIN census rules 8565, 8867).
  const authorised = a.end !== null && (a.end + 4 <= asOf || e.end !== null) ? Math.max(a.end, Math.min(a.end + random.below(5), e.end ?? asOf)) : null
  const outcome = completed === null ? null : outcomeOf(e, steppedToFamilyHelp)
  const late = completed !== null && completed - e.referral > assessmentDueDays
  const factors = outcome ? factorsFor(random, e, outcome) : []
  emit(assessmentsTable, {
    id, la_code, child_id: child.id, referral_id: referralId, start_date: date(a.start),
    status: completed === null ? 'in_progress' : authorised === null ? 'submitted' : 'authorised', factors, outcome,
    analysis: outcome ? `The assessment found: ${assessmentOutcomes[outcome].toLowerCase()}. The family’s strengths and the worries about the child are set out with the child’s views.` : null,
    completed_on: date(completed), late_reason: late ? 'Waiting for information from health and the school; the family were away for two weeks.' : null,
    submitted_by: completed === null ? null : worker.id, authorised_on: date(authorised), authorised_by: authorised === null ? null : manager.id,
    started_by: worker.id, created_at: onDay(a.start),
  })
  event({ type: 'assessment.started', day: a.start, recordedBy: worker.id, summary: 'Child and family assessment started', data: { assessmentId: id, referralId } }, 20)
  if (completed === null || !outcome) return
  event({
    type: 'assessment.submitted', day: completed, recordedBy: worker.id,
    summary: `Child and family assessment completed${late ? ' late' : ''}: ${assessmentOutcomes[outcome].toLowerCase()}`,
    data: { assessmentId: id, outcome, factors, late },
  }, 60)
  if (authorised === null) return
  event({
    type: 'assessment.authorised', day: authorised, recordedBy: manager.id, significant: true,
    summary: `Child and family assessment authorised: ${assessmentOutcomes[outcome].toLowerCase()}`, data: { assessmentId: id, decision: 'authorise' },
  }, 70)
}

function attendeesFor(random: Random, socialWorker: string): Attendee[] {
  const person = (role: string) => `${firstName(random, 'british', random.chance(0.7) ? 'F' : 'M', 'parent')} ${surname(random, 'british')}, ${role}`
  const attendees: Attendee[] = [
    { agency: 'social_care', names: `${socialWorker}, social worker` },
    { agency: 'police', names: person('detective constable') },
    { agency: 'health', names: person(random.pick(['named nurse for safeguarding', 'health visitor', 'school nurse'])) },
  ]
  if (random.chance(0.6)) attendees.push({ agency: 'education', names: person('designated safeguarding lead') })
  return attendees
}

/** The strategy discussion, the enquiry and its initial conference; the plan's id when the conference started one. */
function enquiry(w: ChildWork, e: Episode, i: number, referralId: string): string | null {
  const { ctx, emit, child, random, event, staff, la_code } = w
  const { asOf } = ctx.period
  const s47 = e.section47!
  const worker = staff.caseholder(random, 'assessment')
  const discussionId = childRecordId(child, caseworkTables.strategyDiscussion, i)
  const discussionDay = Math.max(e.referral, s47.start - random.below(2))
  const attendees = attendeesFor(random, worker.displayName)
  emit(strategyDiscussionsTable, {
    id: discussionId, la_code, child_id: child.id, referral_id: referralId, discussion_date: date(discussionDay), attendees,
    decision: 'section_47', recorded_by: worker.id, recorded_at: onDay(discussionDay),
  })
  event({
    type: 'child_protection.strategy_discussion', day: discussionDay, recordedBy: worker.id, significant: true,
    summary: `Strategy discussion with ${attendees.map((a) => attendingAgencies[a.agency].label.toLowerCase()).join(', ')}: start a section 47 enquiry`,
    data: { strategyDiscussionId: discussionId, referralId, decision: 'section_47', agencies: attendees.map((a) => a.agency) },
  }, 30)
  const section47Id = childRecordId(child, caseworkTables.section47, i)
  const concludedBy = Math.min(asOf, e.end ?? asOf)
  let outcome: Section47Outcome | null = null
  let outcomeDay: Day | null = null
  if (s47.conference !== null) {
    outcome = 'conference'
    outcomeDay = Math.max(s47.start, s47.conference - 1 - random.below(5))
  } else if (e.end !== null || asOf - s47.start > 15) {
    outcome = random.chance(0.6) ? 'not_substantiated' : 'no_conference'
    outcomeDay = Math.max(s47.start, Math.min(s47.start + random.between(5, 15), concludedBy))
  }
  emit(section47Table, {
    id: section47Id, la_code, child_id: child.id, referral_id: referralId, strategy_discussion_id: discussionId, start_date: date(s47.start),
    outcome, outcome_date: date(outcomeDay), icpc_not_required: outcome !== null && outcome !== 'conference', started_by: worker.id,
    created_at: onDay(s47.start),
  })
  event({
    type: 'child_protection.section47_started', day: s47.start, recordedBy: worker.id, significant: true, summary: 'Section 47 enquiry started',
    data: { section47Id, strategyDiscussionId: discussionId, referralId },
  }, 31)
  if (outcome && outcomeDay !== null) {
    event({
      type: 'child_protection.section47_concluded', day: outcomeDay, recordedBy: worker.id,
      summary: `Section 47 enquiry concluded: ${lowerFirst(section47Outcomes[outcome])}`,
      data: { section47Id, outcome, icpcNotRequired: outcome !== 'conference' },
    }, 32)
  }
  if (s47.conference === null) return null
  const chair = staff.withRole(random, 'iro')
  const conferenceId = childRecordId(child, caseworkTables.initialConference, i)
  const plan = e.plan && e.plan.start === s47.conference ? e.plan : null
  const category = plan ? categoryOf(plan) : null
  emit(initialConferencesTable, {
    id: conferenceId, la_code, child_id: child.id, kind: 'initial', section47_id: section47Id, plan_id: null, conference_date: date(s47.conference),
    decision: plan ? 'plan' : 'no_plan', category, chair_id: chair.id, recorded_at: onDay(s47.conference),
  })
  event({
    type: 'child_protection.initial_conference', day: s47.conference, recordedBy: chair.id, significant: true,
    summary: `Initial child protection conference: ${category ? `child protection plan, ${categoriesOfAbuse[category].toLowerCase()}` : 'no plan'}`,
    data: { conferenceId, section47Id, decision: plan ? 'plan' : 'no_plan', category },
  }, 40)
  return plan ? conferenceId : null
}

function protectionPlan(w: ChildWork, e: Episode, i: number, referralId: string, conferenceId: string, previousPlans: number): void {
  const { ctx, emit, child, random, event, staff, la_code } = w
  const { asOf } = ctx.period
  // A plan cut short at 18 may have started on or after the birthday: it ends the day it starts.
  const plan = { ...e.plan!, end: e.plan!.end === null ? null : Math.max(e.plan!.start, e.plan!.end) }
  const planId = childRecordId(child, caseworkTables.protectionPlan, i)
  const chair = staff.withRole(random, 'iro')
  const worker = staff.caseholder(random, 'child_protection')
  const initial = categoryOf(plan)
  let latest = initial
  const endReason: PlanEndReason | null = plan.end === null ? null
    : plan.end >= eighteenthBirthday(child) ? 'reached_18' : random.chance(0.03) ? 'transferred' : 'no_continuing_risk'
  // Reviews: the first within 3 months of the initial conference, then every 6 months; the last ends the plan.
  const reviews: Array<{ day: Day; decision: 'continue' | 'end'; category: CategoryOfAbuse | null }> = []
  const until = plan.end ?? asOf + 1
  for (let day = plan.start + random.between(75, 91); day < until && day <= asOf; day += random.between(160, 182)) {
    if (random.chance(0.08)) latest = otherCategories.pick(random)
    reviews.push({ day, decision: 'continue', category: latest })
  }
  if (plan.end !== null && endReason === 'no_continuing_risk') reviews.push({ day: Math.max(plan.end, plan.start + 1), decision: 'end', category: null })
  emit(plansTable, {
    id: planId, la_code, child_id: child.id, referral_id: referralId, initial_conference_id: conferenceId, start_date: date(plan.start),
    initial_category: initial, latest_category: latest, previous_plans: previousPlans, end_date: date(plan.end), end_reason: endReason,
    transfer_conference_date: endReason === 'transferred' ? date(Math.max(plan.start, plan.end! - random.below(10))) : null,
    ended_by: endReason === null ? null : endReason === 'no_continuing_risk' ? chair.id : worker.id,
  })
  event({
    type: 'cp_plan.started', day: plan.start, recordedBy: chair.id, significant: true,
    summary: `Child protection plan started: ${categoriesOfAbuse[initial].toLowerCase()}${previousPlans > 0 ? ` (second or subsequent plan: ${previousPlans} before)` : ''}`,
    data: { planId, category: initial, previousPlans, secondOrSubsequent: previousPlans > 0 },
  }, 41)
  reviews.forEach((review, n) => {
    const conferenceId = childRecordId(child, caseworkTables.reviewConference, i * 64 + n)
    emit(reviewConferencesTable, {
      id: conferenceId, la_code, child_id: child.id, kind: 'review', section47_id: null, plan_id: planId, conference_date: date(review.day),
      decision: review.decision, category: review.category, chair_id: chair.id, recorded_at: onDay(review.day),
    })
    event({
      type: 'child_protection.review_conference', day: review.day, recordedBy: chair.id,
      summary: `Child protection review conference: ${review.category ? `plan continues, ${categoriesOfAbuse[review.category].toLowerCase()}` : 'plan ends'}`,
      data: { conferenceId, planId, decision: review.decision, category: review.category },
    }, 42)
  })
  if (plan.end !== null && endReason) {
    event({
      type: 'cp_plan.ended', day: Math.max(plan.end, plan.start), recordedBy: endReason === 'no_continuing_risk' ? chair.id : worker.id, significant: true,
      summary: `Child protection plan ended: ${lowerFirst(planEndReasons[endReason])}`, data: { planId, reason: endReason },
    }, 43)
  } else {
    emit(involvementsTable, {
      id: childRecordId(child, caseworkTables.involvement, i), la_code, child_id: child.id, user_id: chair.id, kind: 'conference_chair',
      started_at: onDay(plan.start), ended_at: null,
    })
  }
  coreGroupsAndVisits(w, plan, planId, worker.id, i)
}

/** Core groups in the last year of the plan (the first within 10 working days, then about monthly) and, for an open plan, the last 12 weeks' visits. */
function coreGroupsAndVisits(w: ChildWork, plan: ProtectionPlan, planId: string, workerId: string, i: number): void {
  const { ctx, emit, child, random, event, la_code } = w
  const { asOf } = ctx.period
  const until = Math.min(plan.end ?? asOf, asOf)
  if (until < asOf - 365) return
  let n = 0
  for (let day = plan.start + random.between(5, 14); day <= until; day += random.between(21, 35)) {
    if (day < asOf - 365) continue
    const meetingId = childRecordId(child, caseworkTables.coreGroup, i * 256 + n++)
    emit(coreGroupsTable, { id: meetingId, la_code, child_id: child.id, plan_id: planId, meeting_date: date(day), recorded_by: workerId, recorded_at: onDay(day) })
    event({ type: 'meeting.core_group', day, recordedBy: workerId, summary: 'Core group meeting', data: { planId, meetingId } }, 50)
  }
  if (plan.end !== null) return
  n = 0
  for (let day = Math.max(plan.start, asOf - 84) + random.between(3, 12); day <= asOf; day += random.between(7, 16)) {
    const noteId = childRecordId(child, caseworkTables.caseNote, i * 256 + n++)
    const alone = random.chance(0.7)
    emit(caseNotesTable, {
      id: noteId, la_code, child_id: child.id, kind: 'visit', occurred_on: date(day), visit_type: 'child_protection', seen: true, seen_alone: alone,
      others_present: alone ? null : random.pick(['Mother', 'Father', 'Mother and her partner', 'Grandmother']),
      body: alone ? 'Saw the child alone in their bedroom. They talked about school and said things at home were calmer.'
        : 'Visited the family at home. The child was seen with a parent present; the home was warm and there was food in the kitchen.',
      recorded_by: workerId, recorded_at: onDay(day),
    })
    event({
      type: 'visit.recorded', day, recordedBy: workerId, summary: `Child protection visit: child ${alone ? 'seen alone' : 'seen, not alone'}`,
      data: { noteId, visitType: 'child_protection', seen: true, seenAlone: alone },
    }, 55)
  }
}

function writeChild(ctx: SeedContext, emit: Emit, child: SeedChild, random: Random): void {
  const w: ChildWork = {
    ctx, emit, child, random, event: eventWriter(ctx, emit, child), staff: caseworkStaff(ctx.organisation), la_code: ctx.plan.authority.code,
  }
  const endings = episodeEndings(ctx.seed, child, ctx.period.asOf)
  let plans = 0
  child.episodes.forEach((e, i) => {
    const referralId = childRecordId(child, caseworkTables.referral, i)
    if (e.assessment) assessment(w, e, i, referralId, endings[i]!.familyHelp !== null)
    const conferenceId = e.section47 ? enquiry(w, e, i, referralId) : null
    if (conferenceId && e.plan) protectionPlan(w, e, i, referralId, conferenceId, plans++)
  })
}

export const childProtectionSeedPart: SeedPart = {
  name: 'child-protection',
  tables: [assessmentsTable, strategyDiscussionsTable, section47Table, initialConferencesTable, plansTable, reviewConferencesTable,
    coreGroupsTable, caseNotesTable, involvementsTable],
  families(ctx, families, emit) {
    for (const family of families) {
      const random = ctx.random('child-protection', family.index)
      for (const child of family.children) writeChild(ctx, emit, child, random)
    }
  },
}
