// Allocation of children to a worker and team (the history kept), and the work that follows from it:
// "my work", the team's work and caseloads, each with the children's next statutory deadlines.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { deadlinesFor, type ChildDeadline } from '../../platform/casework/deadlines.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { FormErrors } from '../../platform/forms/form.js'
import { deadlineStatus, type DeadlineStatus } from '../../platform/timescales/engine.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { changeReasons, firstContact } from './change-reasons.js'
import { allocatedWorkerRoles } from './roles.js'

export { censusDate, censusFigures, censusRates, type CensusFigures } from './census.js'
export { socialWorkerAllocationRows } from './figures.js'

/** Roles that hold a caseload in a team's figures. */
const caseloadRoles = ['social_worker', 'team_manager', 'family_help'] as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface Worker { id: string; name: string; teamId: string; team: string }

/** Social workers and team managers of the authority who can take a child, with their teams. */
export async function allocatableWorkers(db: Kysely<DB>, laCode: string): Promise<Worker[]> {
  const rows = await db.selectFrom('users as u').innerJoin('teams as t', 't.id', 'u.team_id')
    .where('u.la_code', '=', laCode).where('t.la_code', '=', laCode).where('u.active', '=', true).where('u.role', 'in', allocatedWorkerRoles)
    .select(['u.id', 'u.display_name', 't.id as team_id', 't.name as team']).orderBy('u.display_name').execute()
  return rows.map((r) => ({ id: r.id, name: r.display_name, teamId: r.team_id, team: r.team }))
}

/** The teams a child can be allocated to: those with someone who can take the child. */
export async function allocationTeams(db: Kysely<DB>, laCode: string): Promise<Array<{ id: string; name: string }>> {
  const workers = await allocatableWorkers(db, laCode)
  const teams = new Map(workers.map((w) => [w.teamId, { id: w.teamId, name: w.team }]))
  return [...teams.values()].sort((a, b) => a.name.localeCompare(b.name))
}

export type AllocationResult = { outcome: 'allocated'; worker: Worker } | { outcome: 'invalid'; errors: FormErrors }

/**
 * Allocates the child to a worker in a team: the current allocation ends today and the new one starts
 * today, in one transaction with the `allocation.changed` event. The child's row is locked so two
 * managers allocating at once cannot leave two current allocations.
 */
export async function allocateChild(db: Kysely<DB>, manager: SessionUser, childId: string,
  choice: { teamId: string; workerId: string; reason?: string }): Promise<AllocationResult> {
  const errors = new FormErrors()
  const workers = await allocatableWorkers(db, manager.laCode)
  const worker = workers.find((w) => UUID.test(choice.workerId) && w.id === choice.workerId)
  const team = UUID.test(choice.teamId)
    ? await db.selectFrom('teams').where('id', '=', choice.teamId).where('la_code', '=', manager.laCode).select(['id', 'name']).executeTakeFirst()
    : undefined
  if (!choice.teamId) errors.add('teamId', 'Select a team')
  else if (!team) errors.add('teamId', 'Select a team in this authority')
  if (!choice.workerId) errors.add('workerId', 'Select a worker')
  else if (!worker) errors.add('workerId', 'Select a social worker or team manager in this authority')
  else if (team && worker.teamId !== team.id) errors.add('workerId', `${worker.name} is not in the ${team.name} team. Select a worker in that team, or change the team`)
  if (errors.any || !worker || !team) return { outcome: 'invalid', errors }

  const today = todayInEngland()
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('people').where('id', '=', childId).where('la_code', '=', manager.laCode).select('id').forUpdate().executeTakeFirstOrThrow()
    const current = await trx.selectFrom('allocations as a').innerJoin('users as u', 'u.id', 'a.worker_id')
      .where('a.child_id', '=', childId).where('a.la_code', '=', manager.laCode).where('a.ended_on', 'is', null).where('u.role', 'in', allocatedWorkerRoles)
      .select(['a.id', 'a.worker_id', 'a.team_id', 'u.display_name']).execute()
    if (current.some((a) => a.worker_id === worker.id && a.team_id === team.id)) {
      errors.add('workerId', `${worker.name} is already the allocated worker`)
      return { outcome: 'invalid' as const, errors }
    }
    // The first worker needs no reason (903 FCONTA); a change of worker does (SW_REASON).
    const reason = current.length === 0 ? firstContact : changeReasons.find((r) => r.code === choice.reason)?.code
    if (!reason) {
      errors.add('reason', 'Select why the worker is changing')
      return { outcome: 'invalid' as const, errors }
    }
    if (current.length > 0) {
      await trx.updateTable('allocations').set({ ended_on: today }).where('id', 'in', current.map((a) => a.id)).execute()
    }
    await trx.insertInto('allocations').values({
      la_code: manager.laCode, child_id: childId, worker_id: worker.id, team_id: team.id, started_on: today, ended_on: null, change_reason: reason,
    }).execute()
    const previously = current.map((a) => a.display_name).join(' and ')
    await appendChildEvent(trx, {
      laCode: manager.laCode, childId, type: 'allocation.changed', occurredAt: new Date(), recordedBy: manager.id, significant: true,
      summary: `Allocated to ${worker.name} (${team.name})${previously ? `, previously ${previously}` : ''}`,
      data: { workerId: worker.id, teamId: team.id, previousWorkerIds: current.map((a) => a.worker_id), reason },
      purpose: 'allocation',
    })
    return { outcome: 'allocated' as const, worker }
  })
}

export interface AllocationHistoryEntry { worker: string; team: string; startedOn: LocalDate; endedOn: LocalDate | null }

/** Every allocation of the child, current first, then newest. */
export async function allocationHistory(db: Kysely<DB>, laCode: string, childId: string): Promise<AllocationHistoryEntry[]> {
  const rows = await db.selectFrom('allocations as a').innerJoin('users as u', 'u.id', 'a.worker_id').innerJoin('teams as t', 't.id', 'a.team_id')
    .where('a.la_code', '=', laCode).where('a.child_id', '=', childId)
    .select(['u.display_name', 't.name', 'a.started_on', 'a.ended_on'])
    .orderBy((eb) => eb.case().when('a.ended_on', 'is', null).then(0).else(1).end())
    .orderBy('a.started_on', 'desc').orderBy('a.ended_on', 'desc').execute()
  return rows.map((r) => ({ worker: r.display_name, team: r.name, startedOn: r.started_on, endedOn: r.ended_on }))
}

export type DeadlineWithStatus = ChildDeadline & DeadlineStatus

export interface WorkItem {
  childId: string
  /** Null for a restricted record the viewer is not named on. */
  childName: string | null
  workerId: string
  workerName: string
  allocatedOn: LocalDate
  /** The next deadline not yet passed, or the most overdue one. */
  next: DeadlineWithStatus | null
  overdue: DeadlineWithStatus[]
  rag: 'red' | 'amber' | 'green' | null
}

async function workFor(db: Kysely<DB>, viewer: SessionUser, filter: { workerId: string } | { teamId: string }, today: LocalDate): Promise<WorkItem[]> {
  let query = db.selectFrom('allocations as a').innerJoin('people as p', 'p.id', 'a.child_id').innerJoin('users as u', 'u.id', 'a.worker_id')
    .where('a.la_code', '=', viewer.laCode).where('a.ended_on', 'is', null)
    .select((eb) => ['a.child_id', 'a.started_on', 'p.first_name', 'p.last_name', 'p.restricted', 'u.display_name', 'u.id as worker_id',
      eb.exists(eb.selectFrom('restricted_access as r').whereRef('r.child_id', '=', 'p.id').where('r.user_id', '=', viewer.id)).as('named')])
  query = 'workerId' in filter ? query.where('a.worker_id', '=', filter.workerId) : query.where('a.team_id', '=', filter.teamId)
  const rows = await query.execute()
  const deadlines = await deadlinesFor(db, [...new Set(rows.map((r) => r.child_id))], today)
  const byChild = new Map<string, DeadlineWithStatus[]>()
  for (const d of deadlines) byChild.set(d.childId, [...(byChild.get(d.childId) ?? []), { ...d, ...deadlineStatus(d.due, today) }])
  const items = rows.map((row): WorkItem => {
    const mine = byChild.get(row.child_id) ?? []
    const overdue = mine.filter((d) => d.rag === 'red')
    const next = overdue[0] ?? mine[0] ?? null
    return {
      childId: row.child_id, childName: row.restricted && !row.named ? null : `${row.first_name} ${row.last_name}`,
      workerId: row.worker_id, workerName: row.display_name, allocatedOn: row.started_on, next, overdue, rag: next?.rag ?? null,
    }
  })
  // Most urgent first: overdue, then the nearest deadline, then children with nothing due.
  return items.sort((a, b) => (a.next?.daysLeft ?? Infinity) - (b.next?.daysLeft ?? Infinity) || (a.childName ?? '').localeCompare(b.childName ?? ''))
}

/** The children allocated to the user, with their deadlines. */
export function myWork(db: Kysely<DB>, user: SessionUser, today: LocalDate = todayInEngland()): Promise<WorkItem[]> {
  return workFor(db, user, { workerId: user.id }, today)
}

export interface Caseload { workerId: string; worker: string; role: string; children: number }

/** Open allocations per worker in a team, with everyone in the team who can hold cases (none is 0). */
export async function workerCaseloads(db: Kysely<DB>, laCode: string, teamId: string): Promise<Caseload[]> {
  const rows = await db.selectFrom('users as u')
    .leftJoin('allocations as a', (join) => join.onRef('a.worker_id', '=', 'u.id').on('a.team_id', '=', teamId).on('a.ended_on', 'is', null))
    .where('u.la_code', '=', laCode)
    .where((eb) => eb.or([
      eb.and([eb('u.team_id', '=', teamId), eb('u.active', '=', true), eb('u.role', 'in', caseloadRoles)]),
      eb.exists(eb.selectFrom('allocations as o').whereRef('o.worker_id', '=', 'u.id').where('o.team_id', '=', teamId).where('o.ended_on', 'is', null)),
    ]))
    .groupBy(['u.id', 'u.display_name', 'u.role'])
    .select((eb) => ['u.id', 'u.display_name', 'u.role', eb.fn.count<string>('a.id').as('children')])
    .execute()
  return rows.map((r) => ({ workerId: r.id, worker: r.display_name, role: r.role, children: Number(r.children) }))
    .sort((a, b) => b.children - a.children || a.worker.localeCompare(b.worker))
}

export interface TeamWork {
  team: { id: string; name: string } | null
  caseloads: Array<Caseload & { overdue: number }>
  items: WorkItem[]
}

/** The team manager's view: the team's children with their deadlines, and each worker's caseload. */
export async function teamWork(db: Kysely<DB>, user: SessionUser, today: LocalDate = todayInEngland()): Promise<TeamWork> {
  if (!user.teamId) return { team: null, caseloads: [], items: [] }
  const [team, items, caseloads] = await Promise.all([
    db.selectFrom('teams').where('id', '=', user.teamId).where('la_code', '=', user.laCode).select(['id', 'name']).executeTakeFirst(),
    workFor(db, user, { teamId: user.teamId }, today),
    workerCaseloads(db, user.laCode, user.teamId),
  ])
  const overdue = new Map<string, number>()
  for (const item of items) overdue.set(item.workerId, (overdue.get(item.workerId) ?? 0) + item.overdue.length)
  return { team: team ?? null, items, caseloads: caseloads.map((c) => ({ ...c, overdue: overdue.get(c.workerId) ?? 0 })) }
}
export { allocationSpans, allocatedOn, socialWorkerEpisodes, type AllocationSpan, type SocialWorkerEpisode903 } from './returns-facts.js'
export { importSocialWorkerEpisode, type ImportedSocialWorkerEpisode } from './imported-allocations.js'
