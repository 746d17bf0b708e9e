// What the pages, the child page section and the deadline providers read: the family help plan, "My
// families" and when each plan's next review is due.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { TimescaleSettings } from '../../platform/timescales/engine.js'
import { deadlineStatus, type DeadlineStatus } from '../../platform/timescales/engine.js'
import { familyHelpPlanReviews, nextDue } from '../../platform/timescales/sequences.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { goalProgress, labelFor } from './codes.js'
import {
  episodesOf, familyHelpReviews, goalsOf, latestFamilyHelpReviews, openEpisodesFor, practitioner,
  type EpisodeRow,
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
