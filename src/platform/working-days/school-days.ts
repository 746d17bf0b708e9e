// School days, the unit some education timescales (personal education plans) count in. Term dates differ between
// authorities and schools, so they are supplied: either the terms themselves, or (the default) working days less
// a configurable list of school holidays.
import type { HolidayCalendar } from './bank-holidays.js'
import { addCountedDays, countedDaysBetween, type DayKind } from './day-counting.js'
import { toDayNumber, type LocalDate } from './local-date.js'
import { workingDayKind } from './working-days.js'

/** A run of dates, both ends included. */
export interface DateRange {
  start: LocalDate
  end: LocalDate
}

export interface SchoolCalendarOptions {
  /** Term dates. Where given, only working days inside a term are school days, up to the end of the last term. */
  terms?: readonly DateRange[]
  /** School holidays and closures (half terms, training days): never school days. */
  closures?: readonly DateRange[]
}

export class SchoolCalendar {
  readonly terms: readonly DateRange[]
  private readonly termDays: [number, number][]
  private readonly closureDays: [number, number][]
  private readonly workingDay: DayKind

  constructor(holidays: HolidayCalendar, options: SchoolCalendarOptions = {}) {
    const toDays = ({ start, end }: DateRange): [number, number] => {
      const range: [number, number] = [toDayNumber(start), toDayNumber(end)]
      if (range[1] < range[0]) throw new RangeError(`Date range ends before it starts: ${start} to ${end}`)
      return range
    }
    this.terms = [...(options.terms ?? [])].sort((a, b) => (a.start < b.start ? -1 : 1))
    this.termDays = this.terms.map(toDays)
    this.closureDays = (options.closures ?? []).map(toDays)
    this.workingDay = workingDayKind(holidays)
  }

  /** The school-day test on day numbers (see day-counting.ts). */
  readonly kind: DayKind = (day) => {
    if (!this.workingDay(day) || this.closureDays.some(([start, end]) => day >= start && day <= end)) return false
    // Beyond the last term entered, fall back to working days rather than finding no school day at all.
    const lastTerm = this.termDays.at(-1)
    if (!lastTerm || day > lastTerm[1]) return true
    return this.termDays.some(([start, end]) => day >= start && day <= end)
  }

  isSchoolDay(date: LocalDate): boolean {
    return this.kind(toDayNumber(date))
  }

  /** The last day of the n-th term that starts strictly after `date`, or null when the terms entered run out. */
  endOfTermAfter(date: LocalDate, n = 1): LocalDate | null {
    const later = this.terms.filter((term) => term.start > date)
    return later[n - 1]?.end ?? null
  }
}

/** The n-th school day strictly after `date` (negative n counts back). */
export function addSchoolDays(date: LocalDate, n: number, calendar: SchoolCalendar): LocalDate {
  return addCountedDays(date, n, calendar.kind)
}

/** School days after `from` up to and including `to`; negative when `to` is earlier. */
export function schoolDaysBetween(from: LocalDate, to: LocalDate, calendar: SchoolCalendar): number {
  return countedDaysBetween(from, to, calendar.kind)
}
