// The goals of a plan (a family help plan or a child in need plan) and how each is going.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { goalProgress, isCode, labelFor } from './codes.js'
import { childInNeedHref, familyHelpHref, invalid, type Outcome } from './outcomes.js'
import { goalById, insertGoal, openCinPlan, openEpisode, setGoalProgress, type GoalOwner } from './repository.js'
import { once, type Actor, type Submission } from './submissions.js'

export type GoalPlan = 'family-help' | 'child-in-need'

/** The open plan of that kind, whose goals a form changes. */
async function goalOwner(trx: Executor, actor: Actor, childId: string, plan: GoalPlan): Promise<GoalOwner | null> {
  if (plan === 'family-help') {
    const episode = await openEpisode(trx, actor.laCode, childId)
    return episode ? { familyHelpEpisodeId: episode.id } : null
  }
  const open = await openCinPlan(trx, actor.laCode, childId)
  return open ? { cinPlanId: open.id } : null
}

const planEvent = (plan: GoalPlan) => (plan === 'family-help' ? 'family_help.plan_updated' : 'cin_plan.updated')
export const planHref = (plan: GoalPlan, childId: string): string => (plan === 'family-help' ? familyHelpHref(childId) : childInNeedHref(childId))

export async function addGoal(db: Kysely<DB>, actor: Actor, childId: string, plan: GoalPlan, submission: Submission, description: string):
  Promise<Outcome<{ outcome: 'no-plan' }>> {
  return once(db, actor, childId, submission, async (trx) => {
    const owner = await goalOwner(trx, actor, childId, plan)
    if (!owner) return { outcome: 'no-plan' }
    if (!description) return invalid({ description: 'Enter the goal' })
    if (description.length > 500) return invalid({ description: 'The goal must be 500 characters or fewer' })
    const goalId = await insertGoal(trx, actor.laCode, childId, owner, { description })
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: planEvent(plan), occurredAt: new Date(), recordedBy: actor.id,
      summary: 'A goal was added to the plan', data: { ...owner, goalId, change: 'goal_added' },
    })
    return { outcome: 'done', redirectTo: `${planHref(plan, childId)}?recorded=goal` }
  })
}

export async function updateGoalProgress(db: Kysely<DB>, actor: Actor, childId: string, plan: GoalPlan, goalId: string, submission: Submission, progress: string):
  Promise<Outcome<{ outcome: 'not-found' }>> {
  return once(db, actor, childId, submission, async (trx) => {
    const owner = await goalOwner(trx, actor, childId, plan)
    const goal = owner ? await goalById(trx, owner, goalId) : undefined
    if (!owner || !goal) return { outcome: 'not-found' }
    if (!isCode(goalProgress, progress)) return invalid({ progress: 'Select how the goal is going' })
    if (goal.progress !== progress) {
      await setGoalProgress(trx, goal.id, progress)
      await appendChildEvent(trx, {
        laCode: actor.laCode, childId, type: planEvent(plan), occurredAt: new Date(), recordedBy: actor.id,
        summary: `A goal’s progress changed to “${labelFor(goalProgress, progress)}”`,
        data: { ...owner, goalId: goal.id, change: 'goal_progress', from: goal.progress, to: progress },
      })
    }
    return { outcome: 'done', redirectTo: `${planHref(plan, childId)}?recorded=progress` }
  })
}

/** For a goal's page: the goal, if it belongs to the child's open plan of that kind. */
export async function findGoal(db: Executor, actor: Actor, childId: string, plan: GoalPlan, goalId: string) {
  const owner = await goalOwner(db, actor, childId, plan)
  return owner ? goalById(db, owner, goalId) : undefined
}
