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

/** A row of the 903 SWEpisodes table before the return's child id and dates are applied. */
export interface SocialWorkerEpisode903 {
  CHILD: string
  /**
   * The worker's Social Work England registration number; XX and their user id's first characters for a worker who is
   * not a social worker (a Family Help lead); null for a social worker or manager whose staff record has no number.
   */
  SW_ID: string | null
  SW_DECOM: LocalDate
  SW_DEC: LocalDate | null
  SW_REASON: string | null
}

/**
 * The children's allocations as 903 social worker episodes: the worker's registration number from the staff
 * records and the reason the manager gave for the change. An allocation that began and ended on the same day is
 * left out: the 903 counts an episode from a day (rule SW09STG2).
 */
/** Roles held by registered social workers: their episodes need the registration number. */
const socialWorkRoles: ReadonlySet<string> = new Set(['social_worker', 'team_manager', 'iro'])

export async function socialWorkerEpisodes(db: Kysely<DB>, laCode: string, childIds: readonly string[]): Promise<SocialWorkerEpisode903[]> {
  if (childIds.length === 0) return []
  const rows = await db.selectFrom('allocations as a').innerJoin('users as u', 'u.id', 'a.worker_id')
    .leftJoin((eb) => eb.selectFrom('staff').where('la_code', '=', laCode).where('user_id', 'is not', null).where('registration_number', 'is not', null)
      .distinctOn('user_id').select(['user_id', 'registration_number']).orderBy('user_id').orderBy('started_on', 'desc').as('s'),
    (join) => join.onRef('s.user_id', '=', 'a.worker_id'))
    .where('a.la_code', '=', laCode).where('a.child_id', 'in', childIds)
    .select(['a.child_id', 'a.worker_id', 'u.role', 's.registration_number', 'a.started_on', 'a.ended_on', 'a.change_reason'])
    .orderBy('a.child_id').orderBy('a.started_on').orderBy('a.ended_on').execute()
  return rows.filter((r) => r.ended_on !== r.started_on).map((r) => ({
    CHILD: r.child_id, SW_ID: r.registration_number ?? (socialWorkRoles.has(r.role) ? null : `XX${r.worker_id.slice(0, 8).toUpperCase()}`), SW_DECOM: r.started_on, SW_DEC: r.ended_on, SW_REASON: r.change_reason,
  }))
}
