// What happens while a seeded child is looked after, on the statutory cadence with some of it late (so "my work"
// shows things overdue as well as coming up): reviews (20 working days, 3 months, then 6-monthly) with the
// child's participation, reg 28 visits (within a week of each placement, then 6-weekly; 3-monthly in a long-term
// foster placement after its first year), health assessments (20 working days, then 6-monthly under 5 and yearly
// after), dental checks, personal education plan meetings (20 school days, then termly), the OC2 wellbeing record
// of a child looked after for a year (with the intervention for a substance misuse problem) and their convictions
// or youth cautions, and missing episodes with return interviews. Pure: dates in, dates out.
import type { Day } from '../../platform/seed/facts.js'
import { Weighted, type Random } from '../../platform/seed/random.js'
import type { SeededPeriod } from './seed-care.js'

const YEAR = 365.25
const participation = new Weighted([['PN1', 45], ['PN2', 8], ['PN3', 4], ['PN4', 3], ['PN5', 12], ['PN6', 20], ['PN7', 8]])
const noSdq = new Weighted([['SDQ2', 30], ['SDQ4', 45], ['SDQ5', 25]])

export interface Window {
  /** Records before this day are not written (history older than two years adds rows, not meaning). */
  from: Day
  asOf: Day
}

/** Dates from `first` on, each `next` after the one before, while they fall before `until` (and on or before `asOf`). */
function cadence(first: Day, next: (previous: Day) => Day, until: Day): Day[] {
  const days: Day[] = []
  for (let day = first; day < until; day = next(day)) days.push(day)
  return days
}

/** Usually on time, now and then late: `late` is the chance a step slips by up to `slip` days. */
const step = (random: Random, low: number, high: number, late = 0.1, slip = 30) =>
  random.between(low, high) + (random.chance(late) ? random.between(1, slip) : 0)

const lastDay = (period: SeededPeriod, w: Window) => Math.min(period.end ?? w.asOf, w.asOf) + 1
const inWindow = (w: Window) => (day: Day) => day >= w.from

export function reviews(random: Random, period: SeededPeriod, dateOfBirth: Day, w: Window): Array<{ day: Day; participation: string }> {
  let held = 0
  const days = cadence(period.start + step(random, 8, 26), (d) => d + (++held === 1 ? step(random, 60, 88) : step(random, 150, 178)), lastDay(period, w))
  return days.filter(inWindow(w)).map((day) => ({ day, participation: day - dateOfBirth < 4 * YEAR ? 'PN0' : participation.pick(random) }))
}

export function visits(random: Random, period: SeededPeriod, dateOfBirth: Day, w: Window): Array<{ day: Day; seenAlone: boolean }> {
  const until = lastDay(period, w)
  return period.placements.flatMap((p, i) => {
    const ends = Math.min(period.placements[i + 1]?.start ?? until, until)
    const longTerm = p.type === 'U1' || p.type === 'U4'
    const days = cadence(p.start + step(random, 1, 6, 0.1, 10), (d) => d + (longTerm && d - p.start > YEAR ? step(random, 70, 88) : step(random, 28, 40, 0.1, 20)), ends)
    return days.filter(inWindow(w)).map((day) => ({ day, seenAlone: day - dateOfBirth >= 5 * YEAR && random.chance(0.7) }))
  })
}

export function healthChecks(random: Random, period: SeededPeriod, dateOfBirth: Day, w: Window): Array<{ day: Day; kind: 'health_assessment' | 'dental_check' }> {
  const until = lastDay(period, w)
  const under5 = (day: Day) => day - dateOfBirth < 5 * YEAR
  const assessments = cadence(period.start + step(random, 10, 27, 0.15), (d) => d + (under5(d) ? step(random, 150, 180) : step(random, 300, 362)), until)
  const dental = dateOfBirth + YEAR < until ? cadence(Math.max(period.start, dateOfBirth + Math.round(YEAR)) + step(random, 30, 120), (d) => d + step(random, 250, 360, 0.15), until) : []
  return [
    ...assessments.map((day) => ({ day, kind: 'health_assessment' as const })),
    ...dental.map((day) => ({ day, kind: 'dental_check' as const })),
  ].filter((c) => inWindow(w)(c.day))
}

/** Personal education plans from early years (3) to 18. */
export function pepMeetings(random: Random, period: SeededPeriod, dateOfBirth: Day, w: Window): Day[] {
  const from = Math.max(period.start, dateOfBirth + Math.round(3 * YEAR))
  const until = Math.min(lastDay(period, w), dateOfBirth + Math.round(18 * YEAR))
  return cadence(from + step(random, 14, 30), (d) => d + step(random, 90, 120), until).filter(inWindow(w))
}

export interface Wellbeing { day: Day; immunisationsUpToDate: boolean; sdqScore: number | null; sdqReason: string | null; substanceMisuse: boolean }

/** Looked after for the 12 months to the reporting date, and still: the 903's OC2 children. */
const lookedAfterForTheYear = (period: SeededPeriod, w: Window) => period.start <= w.asOf - 365 && (period.end === null || period.end > w.asOf)

/** The OC2 record, once a year, for a child looked after for 12 months by the reporting date. */
export function wellbeing(random: Random, period: SeededPeriod, dateOfBirth: Day, w: Window): Wellbeing | null {
  if (!lookedAfterForTheYear(period, w)) return null
  const day = w.asOf - random.between(0, 200)
  const age = (day - dateOfBirth) / YEAR
  const scored = age >= 4 && age < 17 && random.chance(0.8)
  return {
    day, immunisationsUpToDate: random.chance(age < 5 ? 0.8 : 0.86),
    sdqScore: scored ? Math.max(0, Math.min(40, Math.round(random.normal(13.5, 6.5)))) : null,
    sdqReason: scored ? null : age < 4 || age >= 17 ? 'SDQ1' : noSdq.pick(random),
    // About 4% of the OC2 children have a substance misuse problem identified: 7% of those aged 11 or over.
    substanceMisuse: age >= 11 && random.chance(0.07),
  }
}

/** About half of the children with a substance misuse problem receive an intervention; a quarter refuse one. */
const interventions = new Weighted([['received', 55], ['offered', 25], ['not_offered', 20]])
export const substanceMisuseIntervention = (random: Random): string => interventions.pick(random)

const convictionKinds = new Weighted([['conviction', 40], ['youth_caution', 35], ['youth_conditional_caution', 25]])

/**
 * A conviction or youth caution in the year to the reporting date, for about 3% of the OC2 children aged 10 or
 * over (plausible, not published locally), never before their 10th birthday.
 */
export function conviction(random: Random, period: SeededPeriod, dateOfBirth: Day, w: Window): { day: Day; kind: string } | null {
  const from = Math.max(w.asOf - 364, dateOfBirth + Math.ceil(10 * YEAR) + 1)
  if (!lookedAfterForTheYear(period, w) || from > w.asOf || !random.chance(0.03)) return null
  return { day: random.between(from, w.asOf), kind: convictionKinds.pick(random) }
}

export interface Missing { kind: 'M' | 'A'; start: Day; end: Day; offered: boolean; taken: boolean }

/**
 * Missing or away episodes of children from 11, about one in seven of them: short, never across a move or the
 * end of care (903 rules 575, 577), never overlapping (574).
 */
export function missingEpisodes(random: Random, period: SeededPeriod, dateOfBirth: Day, w: Window): Missing[] {
  const from = Math.max(period.start + 1, w.from, dateOfBirth + Math.round(11 * YEAR))
  const until = lastDay(period, w) - 2
  if (until <= from || !random.chance(0.15)) return []
  const moves = period.placements.map((p) => p.start)
  const starts = Array.from({ length: Math.min(12, 1 + Math.floor(random.exponential(3))) }, () => random.between(from, until)).sort((a, b) => a - b)
  const episodes: Missing[] = []
  for (const start of starts) {
    const end = start + (random.chance(0.6) ? 0 : random.between(1, 2))
    if (end >= until + 1 || moves.some((m) => m > start && m <= end) || episodes.some((e) => e.end >= start)) continue
    const offered = random.chance(0.92)
    episodes.push({ kind: random.chance(0.85) ? 'M' : 'A', start, end, offered, taken: offered && random.chance(0.7) })
  }
  return episodes
}
