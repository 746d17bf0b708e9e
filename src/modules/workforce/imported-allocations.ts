// Social worker episodes loaded from the 903's SWEpisodes table as allocations: the worker is the authority's staff
// member holding that Social Work England number, through their Kindred account, in their team. A worker Kindred
// does not know cannot be made from a number alone, so such an episode is left for the caller to report. An
// episode is the same allocation again when the child had that worker from the same day, brought up to date, so
// importing the same return again changes nothing.
import type { Executor } from '../../platform/audit/audit.js'
import { appendImportedEvent, endAsKnown, onDay, type ImportSource } from '../../platform/events/imported-history.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

export interface ImportedSocialWorkerEpisode {
  childId: string
  registrationNumber: string
  startedOn: LocalDate
  endedOn: LocalDate | null
  /** The 903's SW_REASON for the change of worker. */
  reason: string | null
}

/** False when no current staff member with a Kindred account and a team holds the registration number. */
export async function importSocialWorkerEpisode(trx: Executor, source: ImportSource, e: ImportedSocialWorkerEpisode): Promise<boolean> {
  const worker = await trx.selectFrom('staff as s').innerJoin('users as u', 'u.id', 's.user_id').where('s.la_code', '=', source.laCode)
    .where('s.registration_number', '=', e.registrationNumber).where('s.left_on', 'is', null)
    .select(['u.id', 'u.display_name', (eb) => eb.fn.coalesce('u.team_id', 's.team_id').as('teamId')]).executeTakeFirst()
  if (!worker?.teamId) return false
  const held = await trx.selectFrom('allocations').where('child_id', '=', e.childId).where('worker_id', '=', worker.id).where('started_on', '=', e.startedOn)
    .select(['id', 'ended_on', 'change_reason']).executeTakeFirst()
  const endedOn = endAsKnown(source, e.endedOn, held?.ended_on)
  if (held) {
    if (held.ended_on !== endedOn || held.change_reason !== e.reason) {
      await trx.updateTable('allocations').set({ ended_on: endedOn, change_reason: e.reason }).where('id', '=', held.id).execute()
    }
    return true
  }
  await trx.insertInto('allocations').values({
    la_code: source.laCode, child_id: e.childId, worker_id: worker.id, team_id: worker.teamId, started_on: e.startedOn, ended_on: endedOn, change_reason: e.reason,
  }).execute()
  await appendImportedEvent(trx, source, {
    childId: e.childId, type: 'allocation.changed', occurredAt: onDay(e.startedOn), significant: true,
    summary: `Allocated to ${worker.display_name}`, data: { workerId: worker.id, teamId: worker.teamId, reason: e.reason },
  })
  return true
}
