// Synthetic child in need and Family Help work for `kindred seed`: a child in need plan for each child found in
// need (from the assessment, or from the end of a child protection plan, until the episode closes or care
// begins) with its reviews, and Family Help after the step-downs the episode endings record, with a lead
// practitioner (allocated, and supervised when not a social worker) and reviews. Goals on the plans still
// open. Rows and events are the ones this module's service writes.
import { caseworkTables, childRecordId } from '../../platform/seed/casework-ids.js'
import { caseworkStaff, eventWriter, involvementsTable, onDay, ukDate, ukDay } from '../../platform/seed/casework-kit.js'
import { episodeEndings, type EpisodeEnding } from '../../platform/seed/episode-endings.js'
import type { Day, Episode, SeedChild } from '../../platform/seed/facts.js'
import type { Emit, SeedContext, SeedPart, SeedTable } from '../../platform/seed/part.js'
import { allocationsTable } from '../../platform/seed/parts/allocations.js'
import { date } from '../../platform/seed/parts/dates.js'
import type { Random } from '../../platform/seed/random.js'
import { addMonths } from '../../platform/working-days/local-date.js'
import { cinReviewOutcomes, labelFor } from './codes.js'

export const cinPlansTable: SeedTable = {
  name: 'cin_plans',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['referral_id', 'uuid'], ['start_date', 'date'], ['end_date', 'date'],
    ['created_by', 'uuid'], ['created_at', 'timestamptz']],
}
export const cinPlanReviewsTable: SeedTable = {
  name: 'cin_plan_reviews',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['cin_plan_id', 'uuid'], ['review_date', 'date'], ['outcome', 'text'],
    ['notes', 'text'], ['next_review_due', 'date'], ['recorded_by', 'uuid'], ['recorded_at', 'timestamptz']],
}
export const familyHelpEpisodesTable: SeedTable = {
  name: 'family_help_episodes',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['start_date', 'date'], ['end_date', 'date'], ['reason', 'text'], ['end_reason', 'text'],
    ['lead_practitioner_id', 'uuid'], ['supervising_social_worker_id', 'uuid'], ['allocation_id', 'uuid'], ['stepped_down_from_referral_id', 'uuid'],
    ['assessment_completed_on', 'date'], ['created_by', 'uuid'], ['created_at', 'timestamptz']],
}
export const familyHelpReviewsTable: SeedTable = {
  name: 'family_help_reviews',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['episode_id', 'uuid'], ['review_date', 'date'], ['notes', 'text'],
    ['next_review_due', 'date'], ['recorded_by', 'uuid'], ['recorded_at', 'timestamptz']],
}
export const planGoalsTable: SeedTable = {
  name: 'plan_goals',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['family_help_episode_id', 'uuid'], ['cin_plan_id', 'uuid'], ['description', 'text'],
    ['progress', 'text'], ['position', 'int'], ['updated_at', 'timestamptz']],
}

const goals = [
  'The children go to school every day and arrive on time', 'Mum gets support with her mental health from her GP and talking therapies',
  'The home is kept clean and warm, with food in the cupboards', 'The family know who to call when things get difficult at home',
  'Dad completes the domestic abuse perpetrator programme', 'The children have a regular bedtime routine',
  'The family’s debts are managed with help from the welfare rights service', 'The young person spends time safely with friends and is home by 9pm',
]
const familyHelpReasons = ['The family asked for help with routines and school attendance after the assessment',
  'Continuing support for the parents after the child protection plan ended', 'Help with debt, housing and the children’s behaviour at home']
const familyHelpEndReasons = ['The family’s goals were met', 'The family no longer wanted help', 'The family moved out of the area']

/**
 * The day the Family Help assessment was completed: for most families 3 to 9 weeks after the help started (before
 * it ended); for some, not yet or never recorded. From its own stream, so the rest of the family's work is unchanged.
 */
function assessmentCompleted(random: Random, start: Day, end: Day | null, asOf: Day): Day | null {
  if (!random.chance(0.85)) return null
  const day = Math.min(start + random.between(20, 60), end ?? Infinity)
  return day <= asOf ? day : null
}

/** Reviews of a plan: the first about 3 months after it starts, then about every 3 months (now and then late). */
function reviewDays(random: Random, start: Day, end: Day | null, asOf: Day): Day[] {
  const days: Day[] = []
  for (let day = start + random.between(80, 92); day < (end ?? asOf + 1) && day <= asOf; day += random.between(80, 96)) days.push(day)
  // Older reviews are not written: the pages and deadlines read the recent ones.
  return days.filter((day) => day >= asOf - 730)
}

/** Spans of the episode under a child in need plan: from the assessment, around a protection plan, until care or closure. */
function cinPlanSpans(random: Random, e: Episode, asOf: Day): Array<{ start: Day; end: Day | null }> {
  if (e.outcome !== 'in_need' || !e.assessment || e.assessment.end === null) return []
  const stop = Math.min(e.end ?? Infinity, e.care?.start ?? Infinity)
  const spans: Array<{ start: Day; end: Day | null }> = []
  let from = Math.max(e.assessment.start, e.assessment.end) + random.below(8)
  const add = (start: Day, end: Day) => {
    if (start <= asOf && start <= end) spans.push({ start, end: end === Infinity ? null : end })
  }
  if (e.plan) {
    if (e.plan.start > from) add(from, Math.min(e.plan.start, stop))
    from = e.plan.end ?? Infinity
  }
  if (from < stop) add(from, stop)
  return spans
}

interface ChildWork {
  ctx: SeedContext
  emit: Emit
  child: SeedChild
  random: Random
  event: ReturnType<typeof eventWriter>
  staff: ReturnType<typeof caseworkStaff>
  la_code: string
}

function writeGoals(w: ChildWork, owner: { cin_plan_id?: string; family_help_episode_id?: string }, since: Day, base: number): void {
  const { child, random, emit, la_code } = w
  const count = 2 + random.below(2)
  for (let position = 0; position < count; position++) {
    emit(planGoalsTable, {
      id: childRecordId(child, caseworkTables.planGoal, base + position), la_code, child_id: child.id, ...owner,
      description: random.pick(goals), progress: random.pick(['not_started', 'in_progress', 'in_progress', 'achieved']), position, updated_at: onDay(since),
    })
  }
}

function cinPlans(w: ChildWork, e: Episode, i: number): void {
  const { ctx, emit, child, random, event, staff, la_code } = w
  const { asOf } = ctx.period
  const referralId = childRecordId(child, caseworkTables.referral, i)
  cinPlanSpans(random, e, asOf).forEach((span, n) => {
    const planId = childRecordId(child, caseworkTables.cinPlan, i * 16 + n)
    const worker = staff.caseholder(random, 'family_help')
    emit(cinPlansTable, {
      id: planId, la_code, child_id: child.id, referral_id: referralId, start_date: date(span.start), end_date: date(span.end),
      created_by: worker.id, created_at: onDay(span.start),
    })
    event({
      type: 'cin_plan.started', day: span.start, recordedBy: worker.id, significant: true, summary: `Child in need plan started on ${ukDay(span.start)}`,
      data: { cinPlanId: planId, referralId, startDate: date(span.start), goalsCarriedOver: 0 },
    }, 100)
    reviewDays(random, span.start, span.end, asOf).forEach((day, r) => {
      const outcome = random.chance(0.75) ? 'continue' : 'change'
      const nextReviewDue = addMonths(date(day)!, 3)
      emit(cinPlanReviewsTable, {
        id: childRecordId(child, caseworkTables.cinPlanReview, (i * 16 + n) * 64 + r), la_code, child_id: child.id, cin_plan_id: planId,
        review_date: date(day), outcome, notes: 'Reviewed with the family and the professionals working with them.', next_review_due: nextReviewDue,
        recorded_by: worker.id, recorded_at: onDay(day),
      })
      event({
        type: 'cin_plan.reviewed', day, recordedBy: worker.id,
        summary: `The child in need plan was reviewed on ${ukDay(day)}: ${labelFor(cinReviewOutcomes, outcome).toLowerCase()}`,
        data: { cinPlanId: planId, reviewDate: date(day), outcome, nextReviewDue },
      }, 101)
    })
    if (span.end === null) {
      writeGoals(w, { cin_plan_id: planId }, span.start, (i * 16 + n) * 8)
      return
    }
    event({
      type: 'cin_plan.ended', day: span.end, recordedBy: worker.id, significant: true,
      summary: `Child in need plan ended on ${ukDay(span.end)}${span.end === e.end ? ' when the case closed' : ''}`,
      data: { cinPlanId: planId, endDate: date(span.end) },
    }, 300)
  })
}

const socialWorkerRoles = new Set(['social_worker', 'team_manager'])

function familyHelp(w: ChildWork, ending: EpisodeEnding, i: number): void {
  const { ctx, emit, child, random, event, staff, la_code } = w
  const help = ending.familyHelp
  if (!help || help.start > ctx.period.asOf) return
  const lead = staff.caseholder(random, 'family_help')
  const supervisor = socialWorkerRoles.has(lead.role) ? null : staff.caseholder(random, 'assessment')
  const episodeId = childRecordId(child, caseworkTables.familyHelpEpisode, i)
  const allocationId = childRecordId(child, caseworkTables.familyHelpAllocation, i)
  const referralId = childRecordId(child, caseworkTables.referral, i)
  const assessed = assessmentCompleted(random.derive('assessment', i), help.start, help.end, ctx.period.asOf)
  emit(allocationsTable, {
    id: allocationId, la_code, child_id: child.id, worker_id: lead.id, team_id: lead.teamId, started_on: date(help.start), ended_on: date(help.end),
    change_reason: 'TSPROC', // stepped down from the CIN episode: a move to the Family Help team as usual
  })
  if (supervisor) {
    emit(involvementsTable, {
      id: childRecordId(child, caseworkTables.involvement, 0x8000 + i), la_code, child_id: child.id, user_id: supervisor.id, kind: 'family_help_supervisor',
      started_at: onDay(help.start), ended_at: help.end === null ? null : onDay(help.end),
    })
  }
  emit(familyHelpEpisodesTable, {
    id: episodeId, la_code, child_id: child.id, start_date: date(help.start), end_date: date(help.end), reason: random.pick(familyHelpReasons),
    end_reason: help.end === null ? null : random.pick(familyHelpEndReasons), lead_practitioner_id: lead.id,
    supervising_social_worker_id: supervisor?.id ?? null, allocation_id: allocationId, stepped_down_from_referral_id: referralId,
    assessment_completed_on: date(assessed), created_by: lead.id, created_at: onDay(help.start),
  })
  event({
    type: 'family_help.started', day: help.start, recordedBy: lead.id, significant: true,
    summary: `Family Help started on ${ukDay(help.start)} with ${lead.displayName} as lead practitioner`,
    data: { episodeId, startDate: date(help.start), leadPractitionerId: lead.id, supervisingSocialWorkerId: supervisor?.id ?? null, via: 'stepped down' },
  }, 410)
  event({
    type: 'family_help.stepped_down', day: help.start, recordedBy: lead.id, significant: true,
    summary: `Stepped down from children’s social care to Family Help on ${ukDay(help.start)}`,
    data: { referralId, reasonForClosure: ending.reasonForClosure, episodeId, goalsCarriedOver: 0 },
  }, 411)
  if (assessed !== null) {
    event({
      type: 'family_help.assessment_completed', day: assessed, recordedBy: lead.id,
      summary: `The Family Help assessment was completed on ${ukDay(assessed)}`, data: { episodeId, completedOn: date(assessed), corrects: null },
    }, 414)
  }
  reviewDays(random, help.start, help.end, ctx.period.asOf).forEach((day, r) => {
    const nextReviewDue = addMonths(date(day)!, 3)
    emit(familyHelpReviewsTable, {
      id: childRecordId(child, caseworkTables.familyHelpReview, i * 64 + r), la_code, child_id: child.id, episode_id: episodeId, review_date: date(day),
      notes: 'The family and their lead practitioner went through the plan’s goals together.', next_review_due: nextReviewDue,
      recorded_by: lead.id, recorded_at: onDay(day),
    })
    event({
      type: 'family_help.reviewed', day, recordedBy: lead.id,
      summary: `The family help plan was reviewed on ${ukDay(day)}; next review due ${ukDate(nextReviewDue)}`,
      data: { episodeId, reviewDate: date(day), nextReviewDue },
    }, 412)
  })
  if (help.end === null) {
    writeGoals(w, { family_help_episode_id: episodeId }, help.start, 0x4000 + i * 8)
    return
  }
  event({
    type: 'family_help.ended', day: help.end, recordedBy: lead.id, significant: true, summary: `Family Help ended on ${ukDay(help.end)}`,
    data: { episodeId, endDate: date(help.end) },
  }, 413)
}

export const familyHelpSeedPart: SeedPart = {
  name: 'family-help',
  tables: [allocationsTable, cinPlansTable, cinPlanReviewsTable, familyHelpEpisodesTable, familyHelpReviewsTable, planGoalsTable, involvementsTable],
  families(ctx, families, emit) {
    for (const family of families) {
      const random = ctx.random('family-help', family.index)
      for (const child of family.children) {
        const w: ChildWork = {
          ctx, emit, child, random, event: eventWriter(ctx, emit, child), staff: caseworkStaff(ctx.organisation), la_code: ctx.plan.authority.code,
        }
        const endings = episodeEndings(ctx.seed, child, ctx.period.asOf)
        child.episodes.forEach((e, i) => {
          cinPlans(w, e, i)
          familyHelp(w, endings[i]!, i)
        })
      }
    }
  },
}
