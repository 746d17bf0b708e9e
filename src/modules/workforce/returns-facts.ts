// Who has been allocated these children, with team and worker names, for the inspection lists and the DfE payload.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

export interface AllocationSpan { childId: string; workerId: string; worker: string; team: string; startedOn: LocalDate; endedOn: LocalDate | null }

export async function allocationSpans(db: Kysely<DB>, laCode: string, childIds: readonly string[]): Promise<AllocationSpan[]> {
  if (childIds.length === 0) return []
  const rows = await db.selectFrom('allocations as a').innerJoin('users as u', 'u.id', 'a.worker_id').innerJoin('teams as t', 't.id', 'a.team_id')
    .where('a.la_code', '=', laCode).where('a.child_id', 'in', childIds)
    .select(['a.child_id', 'a.worker_id', 'u.display_name', 't.name', 'a.started_on', 'a.ended_on']).orderBy('a.started_on').execute()
  return rows.map((r) => ({ childId: r.child_id, workerId: r.worker_id, worker: r.display_name, team: r.name, startedOn: r.started_on, endedOn: r.ended_on }))
}

/** The allocation in force on the date (the latest started, if two overlap). */
export const allocatedOn = (spans: readonly AllocationSpan[], childId: string, date: LocalDate): AllocationSpan | undefined =>
  spans.filter((s) => s.childId === childId && s.startedOn <= date && (s.endedOn === null || s.endedOn >= date)).at(-1)
