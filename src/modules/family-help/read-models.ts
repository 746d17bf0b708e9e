// What the pages, the child page section and the deadline providers read: the family help plan, "My
// families" and when each plan's next review is due.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { TimescaleSettings } from '../../platform/timescales/engine.js'
import { deadlineStatus, type DeadlineStatus } from '../../platform/timescales/engine.js'
import { childInNeedPlanReviews, familyHelpPlanReviews, nextDue } from '../../platform/timescales/sequences.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { cinReviewOutcomes, goalProgress, labelFor } from './codes.js'
import { openReferralOf, type OpenReferral } from './referrals.js'
import {
  cinPlanReviews, cinPlansOf, episodesOf, familyHelpReviews, goalsOf, latestFamilyHelpReviews, openEpisodesFor, practitioner,
  type CinPlanRow, type EpisodeRow,
} from './repository.js'

/** The latest review's "next review", or the authority's interval from the start of the help. */
export function nextFamilyHelpReview(start: LocalDate, latest: { next_review_due: LocalDate } | undefined, settings: TimescaleSettings): LocalDate {
  return latest?.next_review_due ?? nextDue(familyHelpPlanReviews, { helpStart: start, reviews: [] }, settings)!.due
}

export interface GoalView { id: string; description: string; progress: string; progressLabel: string; carriedOver: boolean }

export const goalViews = (goals: Awaited<ReturnType<typeof goalsOf>>): GoalView[] => goals.map((g) => ({
  id: g.id, description: g.description, progress: g.progress, progressLabel: labelFor(goalProgress, g.progress), carriedOver: g.carried_over_from !== null,
}))

export interface FamilyHelpPlan {
  open: null | {
    episode: EpisodeRow
    leadName: string
    leadRole: string
    supervisorName: string | null
    goals: GoalView[]
    reviews: Awaited<ReturnType<typeof familyHelpReviews>>
    nextReview: DeadlineStatus
  }
  past: EpisodeRow[]
}

export async function familyHelpPlan(db: Kysely<DB>, laCode: string, childId: string, today: LocalDate, settings: TimescaleSettings): Promise<FamilyHelpPlan> {
  const episodes = await episodesOf(db, laCode, childId)
  const episode = episodes.find((e) => e.end_date === null)
  const past = episodes.filter((e) => e.end_date !== null)
  if (!episode) return { open: null, past }
  const [lead, supervisor, goals, reviews] = await Promise.all([
    practitioner(db, laCode, episode.lead_practitioner_id),
    episode.supervising_social_worker_id ? practitioner(db, laCode, episode.supervising_social_worker_id) : undefined,
    goalsOf(db, { familyHelpEpisodeId: episode.id }),
    familyHelpReviews(db, episode.id),
  ])
  return {
    open: {
      episode,
      leadName: lead?.name ?? 'Not known',
      leadRole: lead?.role ?? '',
      supervisorName: supervisor?.name ?? null,
      goals: goalViews(goals),
      reviews,
      nextReview: deadlineStatus(nextFamilyHelpReview(episode.start_date, reviews[0], settings), today),
    },
    past,
  }
}

export interface MyFamily {
  childId: string
  childName: string
  startDate: LocalDate
  role: 'lead' | 'supervisor'
  leadName: string
  supervisorName: string | null
  nextReview: DeadlineStatus
}

/** Open Family Help the user leads or supervises, soonest review first. */
export async function myFamilies(db: Kysely<DB>, user: { id: string; laCode: string }, today: LocalDate, settings: TimescaleSettings): Promise<MyFamily[]> {
  const episodes = await openEpisodesFor(db, { laCode: user.laCode, userId: user.id })
  const latest = await latestFamilyHelpReviews(db, episodes.map((e) => e.id))
  return episodes.map((e) => ({
    childId: e.child_id,
    childName: `${e.first_name} ${e.last_name}`,
    startDate: e.start_date,
    role: e.lead_practitioner_id === user.id ? 'lead' as const : 'supervisor' as const,
    leadName: e.lead_name,
    supervisorName: e.supervisor_name,
    nextReview: deadlineStatus(nextFamilyHelpReview(e.start_date, latest.get(e.id), settings), today),
  })).sort((a, b) => (a.nextReview.due < b.nextReview.due ? -1 : a.nextReview.due > b.nextReview.due ? 1 : 0))
}

/** The latest review's "next review", or the authority's interval from the start of the plan. */
export function nextCinPlanReview(start: LocalDate, latest: { review_date: LocalDate; next_review_due: LocalDate | null } | undefined, settings: TimescaleSettings): LocalDate {
  return latest?.next_review_due ?? nextDue(childInNeedPlanReviews, { planStart: start, reviews: latest ? [latest.review_date] : [] }, settings)!.due
}

export interface ChildInNeedView {
  referral: OpenReferral | null
  plans: Array<{
    plan: CinPlanRow
    goals: GoalView[]
    reviews: Array<Awaited<ReturnType<typeof cinPlanReviews>>[number] & { outcome_label: string }>
    nextReview: DeadlineStatus | null
  }>
}

/** The open CIN episode and its plans, newest first, with goals, reviews and when the next review is due. */
export async function childInNeed(db: Kysely<DB>, laCode: string, childId: string, today: LocalDate, settings: TimescaleSettings): Promise<ChildInNeedView> {
  const referral = await openReferralOf(db, laCode, childId)
  if (!referral) return { referral: null, plans: [] }
  const plans = await cinPlansOf(db, laCode, referral.id)
  const reviews = await cinPlanReviews(db, plans.map((p) => p.id))
  return {
    referral,
    plans: await Promise.all(plans.map(async (plan) => {
      const own = reviews.filter((r) => r.cin_plan_id === plan.id)
      return {
        plan, reviews: own.map((r) => ({ ...r, outcome_label: labelFor(cinReviewOutcomes, r.outcome) })), goals: goalViews(await goalsOf(db, { cinPlanId: plan.id })),
        nextReview: plan.end_date ? null : deadlineStatus(nextCinPlanReview(plan.start_date, own[0], settings), today),
      }
    })),
  }
}
