// Counting days of one kind (working days, school days) forwards and backwards from a date.
import { fromDayNumber, toDayNumber, type LocalDate } from './local-date.js'

/** Whether a day (as a day number, see local-date.ts) is one of the days being counted. */
export type DayKind = (dayNumber: number) => boolean

// A calendar that counts no day for ten years is misconfigured; fail loudly rather than loop for ever.
const LONGEST_GAP = 3660

/**
 * The n-th counted day strictly after `date` (day 0), or strictly before it when n is negative; `date` itself when
 * n is 0. "Within 15 working days of D" is addCountedDays(D, 15, workingDay).
 */
export function addCountedDays(date: LocalDate, n: number, counts: DayKind): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Need a whole number of days, got ${n}`)
  const step = n < 0 ? -1 : 1
  let day = toDayNumber(date)
  for (let remaining = Math.abs(n); remaining > 0; remaining--) {
    let gap = 0
    do {
      day += step
      if (++gap > LONGEST_GAP) throw new RangeError(`No counted day within ten years of ${fromDayNumber(day)}`)
    } while (!counts(day))
  }
  return fromDayNumber(day)
}

/**
 * Counted days after `from` up to and including `to` (negative when `to` is earlier), so that
 * addCountedDays(from, countedDaysBetween(from, to)) is `to` whenever `to` is itself a counted day.
 */
export function countedDaysBetween(from: LocalDate, to: LocalDate, counts: DayKind): number {
  const start = toDayNumber(from)
  const end = toDayNumber(to)
  const [low, high, sign] = end >= start ? [start, end, 1] : [end, start, -1]
  let count = 0
  for (let day = low + 1; day <= high; day++) if (counts(day)) count++
  return sign * count
}
