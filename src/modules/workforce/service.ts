// Allocation of children to workers (history kept) and the work that follows from it: "my work",
// the team's work and caseloads.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { deadlinesFor, type ChildDeadline } from '../../platform/casework/deadlines.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { deadlineStatus } from '../../platform/timescales/engine.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'

/** Roles whose allocation makes them the child's allocated worker (a family help lead is allocated separately). */
const allocatedWorkerRoles = ['social_worker', 'team_manager']

export async function allocatableWorkers(db: Kysely<DB>, laCode: string) {
  return db.selectFrom('users as u').innerJoin('teams as t', 't.id', 'u.team_id')
    .where('u.la_code', '=', laCode).where('u.active', '=', true).where('u.role', 'in', allocatedWorkerRoles)
    .select(['u.id', 'u.display_name', 't.name as team']).orderBy('u.display_name').execute()
}

export type AllocationResult = { outcome: 'allocated' } | { outcome: 'invalid'; message: string }

export async function allocateChild(db: Kysely<DB>, manager: SessionUser, childId: string, workerId: string): Promise<AllocationResult> {
  const workers = await allocatableWorkers(db, manager.laCode)
  const worker = workers.find((w) => w.id === workerId)
  if (!worker) return { outcome: 'invalid', message: 'Select a social worker or team manager in this authority' }
  const today = todayInEngland()
  const team = await db.selectFrom('users').where('id', '=', workerId).select('team_id').executeTakeFirstOrThrow()
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('allocations as a').innerJoin('users as u', 'u.id', 'a.worker_id')
      .where('a.child_id', '=', childId).where('a.ended_on', 'is', null).where('u.role', 'in', allocatedWorkerRoles)
      .select(['a.id', 'a.worker_id']).execute()
    if (current.some((a) => a.worker_id === workerId)) return { outcome: 'invalid' as const, message: `${worker.display_name} is already the allocated worker` }
    if (current.length > 0) {
      await trx.updateTable('allocations').set({ ended_on: today }).where('id', 'in', current.map((a) => a.id)).execute()
    }
    await trx.insertInto('allocations').values({ la_code: manager.laCode, child_id: childId, worker_id: workerId, team_id: team.team_id!, started_on: today, ended_on: null }).execute()
    await appendChildEvent(trx, {
      laCode: manager.laCode, childId, type: 'allocation.changed', occurredAt: new Date(), recordedBy: manager.id, significant: current.length === 0,
      summary: `Allocated to ${worker.display_name} (${worker.team})`, data: { workerId, previous: current.map((a) => a.worker_id) },
    })
    return { outcome: 'allocated' as const }
  })
}

export function allocationHistory(db: Kysely<DB>, laCode: string, childId: string) {
  return db.selectFrom('allocations as a').innerJoin('users as u', 'u.id', 'a.worker_id').innerJoin('teams as t', 't.id', 'a.team_id')
    .where('a.la_code', '=', laCode).where('a.child_id', '=', childId)
    .select(['u.display_name as worker', 't.name as team', 'a.started_on', 'a.ended_on']).orderBy('a.started_on', 'desc').orderBy('a.ended_on', 'asc').execute()
}

export interface WorkItem {
  childId: string
  childName: string
  workerName: string
  workerId: string
  next: (ChildDeadline & { daysLeft: number; rag: 'red' | 'amber' | 'green' }) | null
  overdue: number
}

async function workFor(db: Kysely<DB>, laCode: string, filter: { workerId?: string; teamId?: string }, today: LocalDate): Promise<WorkItem[]> {
  let query = db.selectFrom('allocations as a').innerJoin('people as p', 'p.id', 'a.child_id').innerJoin('users as u', 'u.id', 'a.worker_id')
    .where('a.la_code', '=', laCode).where('a.ended_on', 'is', null)
    .select(['a.child_id', 'p.first_name', 'p.last_name', 'u.display_name', 'u.id as worker_id']).orderBy('p.last_name').orderBy('p.first_name')
  if (filter.workerId) query = query.where('a.worker_id', '=', filter.workerId)
  if (filter.teamId) query = query.where('a.team_id', '=', filter.teamId)
  const rows = await query.execute()
  const deadlines = await deadlinesFor(db, [...new Set(rows.map((r) => r.child_id))], today)
  return rows.map((row) => {
    const mine = deadlines.filter((d) => d.childId === row.child_id).map((d) => ({ ...d, ...deadlineStatus(d.due, today, { amberWithinDays: 5 }) }))
    return {
      childId: row.child_id, childName: `${row.first_name} ${row.last_name}`, workerName: row.display_name, workerId: row.worker_id,
      next: mine[0] ?? null, overdue: mine.filter((d) => d.rag === 'red').length,
    }
  })
}

export function myWork(db: Kysely<DB>, user: SessionUser, today: LocalDate = todayInEngland()) {
  return workFor(db, user.laCode, { workerId: user.id }, today)
}

export async function teamWork(db: Kysely<DB>, user: SessionUser, today: LocalDate = todayInEngland()) {
  if (!user.teamId) return { items: [], caseloads: [] }
  const items = await workFor(db, user.laCode, { teamId: user.teamId }, today)
  const byWorker = new Map<string, { worker: string; children: number; overdue: number }>()
  for (const item of items) {
    const entry = byWorker.get(item.workerId) ?? { worker: item.workerName, children: 0, overdue: 0 }
    entry.children++
    entry.overdue += item.overdue
    byWorker.set(item.workerId, entry)
  }
  return { items, caseloads: [...byWorker.values()].sort((a, b) => b.children - a.children) }
}
