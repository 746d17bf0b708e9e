// Bank holidays in England and Wales. One-off holidays are declared at short notice, so the list always comes from
// data (the shipped GOV.UK snapshot, later a table an administrator keeps up to date) and is never computed.
// Christmas Day and Good Friday are the exception: the statutory definition of a working day names them separately
// from bank holidays (they are common-law holidays, not bank holidays under the 1971 Act), so a calendar excludes
// them even when the list it was given leaves them out.
import shipped from './bank-holidays-england-and-wales.json' with { type: 'json' }
import { civilFromDayNumber, parseLocalDate, toDayNumber, type LocalDate } from './local-date.js'

export interface Holiday {
  date: LocalDate
  title: string
}

/** The GOV.UK bank-holidays feed: either one division (`{ division, events }`) or the whole feed keyed by division. */
export type GovUkBankHolidays =
  | { division?: string; events: { date: string; title: string }[] }
  | { 'england-and-wales': { events: { date: string; title: string }[] } }

export class HolidayCalendar {
  /** The holidays given, in date order. */
  readonly holidays: readonly Holiday[]
  private readonly dayNumbers: Set<number>
  private readonly years: Set<number>
  private readonly goodFridays = new Map<number, number>()

  constructor(holidays: Iterable<Holiday | LocalDate>) {
    const byDate = new Map<LocalDate, Holiday>()
    for (const entry of holidays) {
      const holiday = typeof entry === 'string' ? { date: entry, title: 'Bank holiday' } : entry
      if (parseLocalDate(holiday.date) === null) throw new RangeError(`Holiday date is not yyyy-mm-dd: "${holiday.date}"`)
      byDate.set(holiday.date, holiday)
    }
    this.holidays = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1))
    this.dayNumbers = new Set(this.holidays.map((holiday) => toDayNumber(holiday.date)))
    this.years = new Set(this.holidays.map((holiday) => Number(holiday.date.slice(0, 4))))
  }

  static fromGovUk(feed: GovUkBankHolidays): HolidayCalendar {
    const division = 'england-and-wales' in feed ? feed['england-and-wales'] : feed
    return new HolidayCalendar(division.events.map(({ date, title }) => ({ date, title })))
  }

  /** True for a listed holiday, Christmas Day or Good Friday. */
  isHoliday(date: LocalDate): boolean {
    return this.isHolidayDayNumber(toDayNumber(date))
  }

  /** isHoliday on a day number, for counting loops. */
  isHolidayDayNumber(day: number): boolean {
    if (this.dayNumbers.has(day)) return true
    const { year, month, day: dayOfMonth } = civilFromDayNumber(day)
    if (month === 12 && dayOfMonth === 25) return true
    return month >= 3 && month <= 4 && day === this.goodFriday(year)
  }

  /**
   * Whether the list has any holiday in the date's year. Outside those years only weekends, Christmas Day and Good
   * Friday are known, so callers can warn that deadlines there may be too early.
   */
  covers(date: LocalDate): boolean {
    return this.years.has(Number(date.slice(0, 4)))
  }

  private goodFriday(year: number): number {
    let day = this.goodFridays.get(year)
    if (day === undefined) {
      day = easterSunday(year) - 2
      this.goodFridays.set(year, day)
    }
    return day
  }
}

/** Easter Sunday as a day number (Anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
function easterSunday(year: number): number {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return Date.UTC(year, month - 1, day) / 86_400_000
}

/** England and Wales bank holidays shipped with Kindred (GOV.UK snapshot, 2020-2027). */
export function shippedHolidayCalendar(): HolidayCalendar {
  return HolidayCalendar.fromGovUk(shipped)
}
