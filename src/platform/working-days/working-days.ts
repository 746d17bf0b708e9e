// Working days in England: any day other than Saturday, Sunday, Christmas Day, Good Friday or a bank holiday in
// England and Wales (Care Planning, Placement and Case Review (England) Regulations 2010 reg 2(1); FOIA 2000 s10(6)).
import type { HolidayCalendar } from './bank-holidays.js'
import { addCountedDays, countedDaysBetween, type DayKind } from './day-counting.js'
import { isoWeekday, toDayNumber, type LocalDate } from './local-date.js'

export { addMonths } from './local-date.js'

/** The working-day test on day numbers, for other day kinds built on working days. */
export function workingDayKind(calendar: HolidayCalendar): DayKind {
  return (day) => isoWeekday(day) <= 5 && !calendar.isHolidayDayNumber(day)
}

export function isWorkingDay(date: LocalDate, calendar: HolidayCalendar): boolean {
  return workingDayKind(calendar)(toDayNumber(date))
}

/**
 * "Within n working days of `date`": the n-th working day strictly after it (`date` is day 0, working day or not).
 * Negative n counts back: addWorkingDays(d, -3) is the third working day before d.
 */
export function addWorkingDays(date: LocalDate, n: number, calendar: HolidayCalendar): LocalDate {
  return addCountedDays(date, n, workingDayKind(calendar))
}

/** Working days after `from` up to and including `to`; negative when `to` is earlier. */
export function workingDaysBetween(from: LocalDate, to: LocalDate, calendar: HolidayCalendar): number {
  return countedDaysBetween(from, to, workingDayKind(calendar))
}
