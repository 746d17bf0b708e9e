// The family-help module's SQL (Kysely). Every query filters by authority.
import type { Insertable, Kysely, Selectable } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import type {
  CinPlanReviewsTable, CinPlansTable, FamilyHelpEpisodesTable, FamilyHelpReviewsTable, GoalProgress, PlanGoalsTable,
} from './tables.js'

export type EpisodeRow = Selectable<FamilyHelpEpisodesTable>
export type CinPlanRow = Selectable<CinPlansTable>
export type GoalRow = Selectable<PlanGoalsTable>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: string): boolean => UUID.test(value)

// Submissions --------------------------------------------------------------------------------------

export async function earlierSubmission(db: Executor, laCode: string, token: string): Promise<string | undefined> {
  const row = await db.selectFrom('family_help_submissions').where('token', '=', token).where('la_code', '=', laCode)
    .select('redirect_to').executeTakeFirst()
  return row?.redirect_to
}

/** False when another request with the same token got there first. */
export async function recordSubmission(trx: Executor, values: { token: string; laCode: string; childId: string; redirectTo: string }): Promise<boolean> {
  const row = await trx.insertInto('family_help_submissions')
    .values({ token: values.token, la_code: values.laCode, child_id: values.childId, redirect_to: values.redirectTo })
    .onConflict((oc) => oc.column('token').doNothing()).returning('token').executeTakeFirst()
  return row !== undefined
}

// Users ---------------------------------------------------------------------------------------------

export interface Practitioner { id: string; name: string; role: string; teamId: string | null; teamName: string | null }

/** Active users of the authority with one of these roles, by name. */
export async function practitioners(db: Executor, laCode: string, roles: readonly string[]): Promise<Practitioner[]> {
  const rows = await db.selectFrom('users').leftJoin('teams', 'teams.id', 'users.team_id')
    .where('users.la_code', '=', laCode).where('users.active', '=', true).where('users.role', 'in', [...roles])
    .select(['users.id', 'users.display_name', 'users.role', 'users.team_id', 'teams.name as team_name'])
    .orderBy('users.display_name').execute()
  return rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role, teamId: r.team_id, teamName: r.team_name }))
}

export async function practitioner(db: Executor, laCode: string, id: string): Promise<Practitioner | undefined> {
  if (!isUuid(id)) return undefined
  const found = await db.selectFrom('users').leftJoin('teams', 'teams.id', 'users.team_id')
    .where('users.la_code', '=', laCode).where('users.active', '=', true).where('users.id', '=', id)
    .select(['users.id', 'users.display_name', 'users.role', 'users.team_id', 'teams.name as team_name']).executeTakeFirst()
  return found && { id: found.id, name: found.display_name, role: found.role, teamId: found.team_id, teamName: found.team_name }
}

// Family help episodes ------------------------------------------------------------------------------

export async function openEpisode(db: Executor, laCode: string, childId: string): Promise<EpisodeRow | undefined> {
  return db.selectFrom('family_help_episodes').selectAll()
    .where('la_code', '=', laCode).where('child_id', '=', childId).where('end_date', 'is', null).executeTakeFirst()
}

export async function episodesOf(db: Executor, laCode: string, childId: string): Promise<EpisodeRow[]> {
  return db.selectFrom('family_help_episodes').selectAll()
    .where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('start_date', 'desc').orderBy('created_at', 'desc').execute()
}

export async function insertEpisode(trx: Executor, values: Insertable<FamilyHelpEpisodesTable>): Promise<string> {
  return (await trx.insertInto('family_help_episodes').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export async function setAssessmentCompleted(trx: Executor, episodeId: string, completedOn: LocalDate): Promise<void> {
  await trx.updateTable('family_help_episodes').set({ assessment_completed_on: completedOn }).where('id', '=', episodeId).execute()
}

export async function endEpisode(trx: Executor, episode: EpisodeRow, endDate: LocalDate, endReason: string, steppedUpTo: string | null = null): Promise<void> {
  await trx.updateTable('family_help_episodes')
    .set({ end_date: endDate, end_reason: endReason, ...(steppedUpTo ? { stepped_up_to_referral_id: steppedUpTo } : {}) })
    .where('id', '=', episode.id).execute()
  if (episode.allocation_id) {
    await trx.updateTable('allocations').set({ ended_on: endDate }).where('id', '=', episode.allocation_id).where('ended_on', 'is', null).execute()
  }
  if (episode.supervising_social_worker_id) {
    await trx.updateTable('involvements').set({ ended_at: new Date() })
      .where('child_id', '=', episode.child_id).where('user_id', '=', episode.supervising_social_worker_id)
      .where('kind', '=', 'family_help_supervisor').where('ended_at', 'is', null).execute()
  }
}

/** The lead practitioner's allocation (so the access policy links them) and the supervisor's involvement. */
export async function linkPractitioners(trx: Executor, laCode: string, childId: string, lead: Practitioner, supervisorId: string | null, from: LocalDate): Promise<string> {
  // The 903 reason for the worker (SW_REASON): the first for this child, or a move to Family Help as usual.
  const before = await trx.selectFrom('allocations').where('child_id', '=', childId).where('la_code', '=', laCode).select('id').limit(1).executeTakeFirst()
  const allocation = await trx.insertInto('allocations').values({
    la_code: laCode, child_id: childId, worker_id: lead.id, team_id: lead.teamId!, started_on: from, ended_on: null, change_reason: before ? 'TSPROC' : 'FCONTA',
  }).returning('id').executeTakeFirstOrThrow()
  if (supervisorId) {
    await trx.insertInto('involvements').values({
      la_code: laCode, child_id: childId, user_id: supervisorId, agency_id: null, kind: 'family_help_supervisor', ended_at: null,
    }).execute()
  }
  return allocation.id
}

export async function latestFamilyHelpReviews(db: Executor, episodeIds: readonly string[]): Promise<Map<string, { review_date: string; next_review_due: string }>> {
  if (episodeIds.length === 0) return new Map()
  const rows = await db.selectFrom('family_help_reviews').where('episode_id', 'in', [...episodeIds])
    .distinctOn('episode_id').select(['episode_id', 'review_date', 'next_review_due'])
    .orderBy('episode_id').orderBy('review_date', 'desc').orderBy('recorded_at', 'desc').execute()
  return new Map(rows.map((r) => [r.episode_id, r]))
}

export async function insertFamilyHelpReview(trx: Executor, values: Insertable<FamilyHelpReviewsTable>): Promise<void> {
  await trx.insertInto('family_help_reviews').values(values).execute()
}

export async function familyHelpReviews(db: Executor, episodeId: string) {
  return db.selectFrom('family_help_reviews').leftJoin('users', 'users.id', 'family_help_reviews.recorded_by')
    .where('episode_id', '=', episodeId)
    .select(['family_help_reviews.id', 'review_date', 'notes', 'next_review_due', 'users.display_name as recorded_by_name'])
    .orderBy('review_date', 'desc').orderBy('recorded_at', 'desc').execute()
}

// Goals ---------------------------------------------------------------------------------------------

export type GoalOwner = { familyHelpEpisodeId: string } | { cinPlanId: string }

const ownerColumns = (owner: GoalOwner) => 'familyHelpEpisodeId' in owner
  ? { family_help_episode_id: owner.familyHelpEpisodeId, cin_plan_id: null }
  : { family_help_episode_id: null, cin_plan_id: owner.cinPlanId }

export async function goalsOf(db: Executor, owner: GoalOwner): Promise<GoalRow[]> {
  const query = db.selectFrom('plan_goals').selectAll()
  const filtered = 'familyHelpEpisodeId' in owner
    ? query.where('family_help_episode_id', '=', owner.familyHelpEpisodeId)
    : query.where('cin_plan_id', '=', owner.cinPlanId)
  return filtered.orderBy('position').execute()
}

export async function goalById(db: Executor, owner: GoalOwner, goalId: string): Promise<GoalRow | undefined> {
  if (!isUuid(goalId)) return undefined
  return (await goalsOf(db, owner)).find((g) => g.id === goalId)
}

export async function insertGoal(trx: Executor, laCode: string, childId: string, owner: GoalOwner, goal: { description: string; progress?: GoalProgress; carriedOverFrom?: string }): Promise<string> {
  const { max } = await (('familyHelpEpisodeId' in owner)
    ? trx.selectFrom('plan_goals').where('family_help_episode_id', '=', owner.familyHelpEpisodeId)
    : trx.selectFrom('plan_goals').where('cin_plan_id', '=', owner.cinPlanId))
    .select((eb) => eb.fn.max<number | null>('position').as('max')).executeTakeFirstOrThrow()
  return (await trx.insertInto('plan_goals').values({
    la_code: laCode, child_id: childId, ...ownerColumns(owner), description: goal.description,
    progress: goal.progress ?? 'not_started', position: Number(max ?? 0) + 1, carried_over_from: goal.carriedOverFrom ?? null,
  }).returning('id').executeTakeFirstOrThrow()).id
}

export async function setGoalProgress(trx: Executor, goalId: string, progress: GoalProgress): Promise<void> {
  await trx.updateTable('plan_goals').set({ progress, updated_at: new Date() }).where('id', '=', goalId).execute()
}

/** Copies the goals still being worked on to another plan, keeping their progress. */
export async function carryOverGoals(trx: Executor, laCode: string, childId: string, from: GoalOwner, to: GoalOwner): Promise<number> {
  const unfinished = (await goalsOf(trx, from)).filter((g) => g.progress === 'not_started' || g.progress === 'in_progress')
  for (const goal of unfinished) {
    await insertGoal(trx, laCode, childId, to, { description: goal.description, progress: goal.progress, carriedOverFrom: goal.id })
  }
  return unfinished.length
}

// Child in need plans --------------------------------------------------------------------------------

export async function cinPlansOf(db: Executor, laCode: string, referralId: string): Promise<CinPlanRow[]> {
  return db.selectFrom('cin_plans').selectAll().where('la_code', '=', laCode).where('referral_id', '=', referralId)
    .orderBy('start_date', 'desc').execute()
}

export async function cinPlan(db: Executor, laCode: string, childId: string, planId: string): Promise<CinPlanRow | undefined> {
  if (!isUuid(planId)) return undefined
  return db.selectFrom('cin_plans').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).where('id', '=', planId).executeTakeFirst()
}

export async function openCinPlan(db: Executor, laCode: string, childId: string): Promise<CinPlanRow | undefined> {
  return db.selectFrom('cin_plans').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).where('end_date', 'is', null).executeTakeFirst()
}

export async function insertCinPlan(trx: Executor, values: Insertable<CinPlansTable>): Promise<string> {
  return (await trx.insertInto('cin_plans').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export async function endCinPlans(trx: Executor, referralId: string, endDate: LocalDate): Promise<CinPlanRow[]> {
  return trx.updateTable('cin_plans').set({ end_date: endDate }).where('referral_id', '=', referralId).where('end_date', 'is', null)
    .returningAll().execute()
}

export async function insertCinPlanReview(trx: Executor, values: Insertable<CinPlanReviewsTable>): Promise<void> {
  await trx.insertInto('cin_plan_reviews').values(values).execute()
}

export async function cinPlanReviews(db: Executor, planIds: readonly string[]) {
  if (planIds.length === 0) return []
  return db.selectFrom('cin_plan_reviews').leftJoin('users', 'users.id', 'cin_plan_reviews.recorded_by')
    .where('cin_plan_id', 'in', [...planIds])
    .select(['cin_plan_reviews.id', 'cin_plan_id', 'review_date', 'outcome', 'notes', 'next_review_due', 'users.display_name as recorded_by_name'])
    .orderBy('review_date', 'desc').orderBy('recorded_at', 'desc').execute()
}

export async function latestCinPlanReviews(db: Executor, planIds: readonly string[]): Promise<Map<string, { review_date: string; next_review_due: string | null }>> {
  if (planIds.length === 0) return new Map()
  const rows = await db.selectFrom('cin_plan_reviews').where('cin_plan_id', 'in', [...planIds])
    .distinctOn('cin_plan_id').select(['cin_plan_id', 'review_date', 'next_review_due'])
    .orderBy('cin_plan_id').orderBy('review_date', 'desc').orderBy('recorded_at', 'desc').execute()
  return new Map(rows.map((r) => [r.cin_plan_id, r]))
}

// Lists ---------------------------------------------------------------------------------------------

/** Open episodes for many children, or those a user leads or supervises. */
export async function openEpisodesFor(db: Kysely<DB> | Executor, filter: { childIds: readonly string[] } | { laCode: string; userId: string }) {
  let query = db.selectFrom('family_help_episodes as e')
    .innerJoin('people as c', 'c.id', 'e.child_id')
    .innerJoin('users as lead', 'lead.id', 'e.lead_practitioner_id')
    .leftJoin('users as sup', 'sup.id', 'e.supervising_social_worker_id')
    .where('e.end_date', 'is', null)
    .select(['e.id', 'e.child_id', 'e.start_date', 'e.reason', 'e.lead_practitioner_id', 'e.supervising_social_worker_id',
      'c.first_name', 'c.last_name', 'c.date_of_birth', 'c.restricted', 'lead.display_name as lead_name', 'sup.display_name as supervisor_name'])
  if ('childIds' in filter) {
    if (filter.childIds.length === 0) return []
    query = query.where('e.child_id', 'in', [...filter.childIds])
  } else {
    const { laCode, userId } = filter
    query = query.where('e.la_code', '=', laCode)
      .where((w) => w.or([w('e.lead_practitioner_id', '=', userId), w('e.supervising_social_worker_id', '=', userId)]))
      // A restricted record stays out of the list unless the user is named on it.
      .where((w) => w.or([w('c.restricted', '=', false), w.exists(w.selectFrom('restricted_access')
        .whereRef('restricted_access.child_id', '=', 'c.id').where('restricted_access.user_id', '=', userId))]))
  }
  return query.orderBy('c.last_name').orderBy('c.first_name').execute()
}

export async function openCinPlansFor(db: Kysely<DB> | Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('cin_plans').where('child_id', 'in', [...childIds]).where('end_date', 'is', null)
    .select(['id', 'child_id', 'start_date']).execute()
}
