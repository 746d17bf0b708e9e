// Which leaving care duties a young person is owed, derived from their periods of care and date of birth, never
// typed (Children Act 1989 Sch 2 para 19B, ss23A, 23C, 24; Care Leavers (England) Regulations 2010 regs 3 and 40).
// Days are counted as nights in care: a period from 1 January to 1 April is 91 days, 13 weeks. Agreed series of
// short breaks (903 legal statuses V3 and V4) are left out: reg 40 excludes them from the 13 weeks, so a child
// looked after only for short breaks is not owed these duties.
import { addDays, daysBetween, type LocalDate } from '../../platform/working-days/local-date.js'
import type { CareEpisode, CarePeriod } from './care-history.js'
import { ageOn, birthday, ukDate } from './dates.js'

export type CareLeaverStatus = 'eligible' | 'relevant' | 'former_relevant' | 'qualifying' | 'none'

export const statusNames: Record<CareLeaverStatus, string> = {
  eligible: 'Eligible child', relevant: 'Relevant child', former_relevant: 'Former relevant child',
  qualifying: 'Qualifying care leaver', none: 'Not a care leaver',
}

/** Care leaver statuses owed a pathway plan and a personal adviser. */
export const pathwayStatuses: ReadonlySet<CareLeaverStatus> = new Set(['eligible', 'relevant', 'former_relevant'])

export interface Eligibility {
  status: CareLeaverStatus
  /** Why, in plain English, naming the dates the status comes from. */
  reason: string
  /** The day the young person became an eligible child (CL-01 counts from here or the 16th birthday), if they have. */
  eligibleFrom: LocalDate | null
  /** Days looked after since the 14th birthday, short breaks left out. */
  daysSince14: number
  lookedAfterNow: boolean
  /** The day the young person last left care, if they are not looked after now. */
  leftCare: LocalDate | null
}

export const thirteenWeeks = 91
const shortBreaks = new Set(['V3', 'V4'])

/** Episodes that count, as [start, end) in nights, ignoring anything after `asOf` (an episode open then stays open). */
function countedEpisodes(periods: readonly CarePeriod[], asOf: LocalDate): CareEpisode[] {
  return periods.flatMap((p) => p.episodes)
    .filter((e) => !shortBreaks.has(e.legalStatus) && e.start <= asOf)
    .map((e) => ({ ...e, end: e.end !== null && e.end <= asOf ? e.end : null }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
}

const later = (a: LocalDate, b: LocalDate) => (a > b ? a : b)
const earlier = (a: LocalDate, b: LocalDate) => (a < b ? a : b)

/** The nights in care from `from` up to (not including) `until`, across all the episodes. */
function nightsBetween(episodes: readonly CareEpisode[], from: LocalDate, until: LocalDate): number {
  return episodes.reduce((sum, e) => {
    const a = later(e.start, from)
    const b = e.end === null ? until : earlier(e.end, until)
    return sum + Math.max(0, daysBetween(a, b))
  }, 0)
}

/** The day 13 weeks in care since the 14th birthday are complete (counting only before 18); null if never. */
function thirteenWeeksReached(episodes: readonly CareEpisode[], fourteenth: LocalDate, eighteenth: LocalDate): LocalDate | null {
  let nights = 0
  for (const e of episodes) {
    const a = later(e.start, fourteenth)
    const b = e.end === null ? eighteenth : earlier(e.end, eighteenth)
    const length = daysBetween(a, b)
    if (length <= 0) continue
    if (nights + length >= thirteenWeeks) return addDays(a, thirteenWeeks - nights)
    nights += length
  }
  return null
}

/**
 * The first day the young person was (or, still in care, will be) an eligible child: 16 or 17, 13 weeks in care since
 * 14, and looked after at 16 or later. Leaving care on the day the 13 weeks complete still counts.
 */
function eligibleFromDate(episodes: readonly CareEpisode[], dateOfBirth: LocalDate): LocalDate | null {
  const sixteenth = birthday(dateOfBirth, 16)
  const eighteenth = birthday(dateOfBirth, 18)
  const reached = thirteenWeeksReached(episodes, birthday(dateOfBirth, 14), eighteenth)
  if (!reached) return null
  for (const e of episodes) {
    const from = later(later(e.start, sixteenth), reached)
    if (from >= eighteenth) continue
    if (e.end === null || from < e.end || (from === e.end && e.end > sixteenth)) return from
  }
  return null
}

export function careLeaverStatus(dateOfBirth: LocalDate, periods: readonly CarePeriod[], asOf: LocalDate): Eligibility {
  const episodes = countedEpisodes(periods, asOf)
  const age = ageOn(dateOfBirth, asOf)
  const [sixteenth, eighteenth] = [birthday(dateOfBirth, 16), birthday(dateOfBirth, 18)]
  const daysSince14 = nightsBetween(episodes, birthday(dateOfBirth, 14), earlier(asOf, eighteenth))
  const weeks = `${Math.floor(daysSince14 / 7)} week${Math.floor(daysSince14 / 7) === 1 ? '' : 's'}`
  const lookedAfterNow = episodes.some((e) => e.end === null)
  const leftCare = lookedAfterNow ? null : (episodes.at(-1)?.end ?? null)
  const projected = eligibleFromDate(episodes, dateOfBirth)
  const eligibleFrom = projected !== null && projected <= asOf ? projected : null
  const lookedAfterAt16 = episodes.some((e) => (e.end === null || e.end > sixteenth) && e.start < eighteenth)
  const breaksNote = periods.some((p) => p.episodes.some((e) => shortBreaks.has(e.legalStatus))) ? ' Short breaks (V3, V4) are not counted.' : ''
  const result = (status: CareLeaverStatus, reason: string): Eligibility =>
    ({ status, reason: reason + breaksNote, eligibleFrom, daysSince14, lookedAfterNow, leftCare })

  if (age >= 25) return result('none', 'Aged 25 or over: leaving care duties have ended.')
  if (age < 16) {
    return result('none', lookedAfterNow
      ? `Looked after, aged ${age}: leaving care duties start at 16${projected ? ` (eligible from ${ukDate(projected)} if still looked after)` : ''}.`
      : `Aged ${age}: leaving care duties start at 16.`)
  }
  if (eligibleFrom && age < 18) {
    return lookedAfterNow
      ? result('eligible', `Looked after now, and for 13 weeks or more since the 14th birthday (${weeks}), aged 16 or 17: an eligible child since ${ukDate(eligibleFrom)}.`)
      : result('relevant', `An eligible child from ${ukDate(eligibleFrom)}, who left care on ${ukDate(leftCare!)} at ${ageOn(dateOfBirth, leftCare!)}: a relevant child until 18.`)
  }
  if (eligibleFrom) {
    return result('former_relevant', `Aged ${age}, and an eligible child from ${ukDate(eligibleFrom)} before turning 18: a former relevant child, with a personal adviser to 21 and on request to 25.`)
  }
  if (age < 18 && lookedAfterNow) {
    return result('none', `Looked after for ${weeks} since the 14th birthday: a child becomes eligible after 13 weeks${projected ? `, on ${ukDate(projected)} if still looked after` : ''}.`)
  }
  if (lookedAfterAt16 && age < 21) {
    return result('qualifying', `Looked after at 16 or 17 but for only ${weeks} since the 14th birthday (13 are needed to be eligible): qualifies for advice and assistance to 21.`)
  }
  return result('none', episodes.length === 0 ? 'Has not been looked after.' : 'Not looked after at 16 or 17, and not an eligible child.')
}
