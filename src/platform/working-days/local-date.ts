// Calendar dates without a time or time zone, written `yyyy-mm-dd`. Statutory timescales count whole days in
// England, so arithmetic runs on day numbers (days since 1970-01-01) and never on local-time Date objects.
// yyyy-mm-dd strings sort and compare correctly as plain strings.

/** A calendar date as `yyyy-mm-dd`. */
export type LocalDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

/** The date when the text is exactly a real `yyyy-mm-dd` date, else null. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = ISO_DATE.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? text : null
}

/** Days since 1970-01-01. Throws on anything that is not a real `yyyy-mm-dd` date (a programming error). */
export function toDayNumber(date: LocalDate): number {
  if (parseLocalDate(date) === null) throw new RangeError(`Not a yyyy-mm-dd date: "${date}"`)
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY
}

export function fromDayNumber(day: number): LocalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** Year, month (1-12) and day of a day number, in integer arithmetic (H. Hinnant's civil_from_days). */
export function civilFromDayNumber(day: number): { year: number; month: number; day: number } {
  const z = day + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** ISO day of the week: 1 = Monday ... 7 = Sunday. */
export function dayOfWeek(date: LocalDate): number {
  return isoWeekday(toDayNumber(date))
}

export function isoWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1
}

/**
 * The same calendar day `months` later (or earlier when negative); where that month is shorter, its last day:
 * 2025-01-31 + 1 month = 2025-02-28; 2024-08-31 + 6 months = 2025-02-28.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths needs a whole number of months, got ${months}`)
  const { year, month, day } = civilFromDayNumber(toDayNumber(date))
  const monthIndex = year * 12 + (month - 1) + months
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = monthIndex - targetYear * 12 + 1
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth))
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`
}

export function addYears(date: LocalDate, years: number): LocalDate {
  return addMonths(date, years * 12)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Today's date in England (Europe/London), whatever time zone the server runs in. */
export function todayInEngland(now: Date = new Date()): LocalDate {
  // en-CA formats dates as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
}
