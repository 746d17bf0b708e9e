// The one place this module reads periods of care: the looked-after module's 903-shaped periods, cut down to what
// eligibility needs. Everything else in the module works on `CarePeriod`, so the source can change here alone.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { periodsOfCare } from '../looked-after/service.js'

export interface CareEpisode {
  start: LocalDate
  /** The day the episode ended (903 DEC); null while it is open. */
  end: LocalDate | null
  /** 903 LS: V3 and V4 (agreed series of short breaks) do not count towards leaving care duties. */
  legalStatus: string
  /** 903 PLACE: U1 to U6 are foster placements (Staying Put). */
  placement: string
}

export interface CarePeriod {
  start: LocalDate
  end: LocalDate | null
  /** 903 REC of the period's last episode once it has ended. */
  reasonEnded: string | null
  episodes: CareEpisode[]
}

/** Each child's periods of care, oldest first (children with none are absent). */
export async function careHistories(db: Kysely<DB>, laCode: string, childIds: readonly string[]): Promise<Map<string, CarePeriod[]>> {
  const histories = new Map<string, CarePeriod[]>()
  if (childIds.length === 0) return histories
  for (const p of await periodsOfCare(db, laCode, childIds)) {
    const period: CarePeriod = {
      start: p.start, end: p.end, reasonEnded: p.reasonEnded,
      episodes: p.episodes.map((e) => ({ start: e.DECOM, end: e.DEC, legalStatus: e.LS, placement: e.PLACE })),
    }
    histories.set(p.childId, [...(histories.get(p.childId) ?? []), period])
  }
  return histories
}
