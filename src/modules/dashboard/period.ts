// The period a figure describes: a year ending 31 March (as the CIN census and the 903 count), or the 12 months
// to today. Workforce figures are at the census date inside it: 30 September, or today.
import { addDays, addYears, todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { ukDateText } from './format.js'

export interface Period {
  /** `2026` for the year ending 31 March 2026, or `today`. */
  key: string
  label: string
  start: LocalDate
  end: LocalDate
  /** The workforce census date within the period. */
  census: LocalDate
}

export function yearEnding(year: number): Period {
  return { key: String(year), label: `Year ending 31 March ${year}`, start: `${year - 1}-04-01`, end: `${year}-03-31`, census: `${year - 1}-09-30` }
}

export function toDate(today: LocalDate = todayInEngland()): Period {
  return { key: 'today', label: `12 months to today (${ukDateText(today)})`, start: addDays(addYears(today, -1), 1), end: today, census: today }
}

/** The latest year ending 31 March that has ended. */
export function latestYear(today: LocalDate = todayInEngland()): number {
  const year = Number(today.slice(0, 4))
  return today.slice(5) >= '03-31' ? year : year - 1
}

/** The years a trend shows: the five years ending 31 March up to the latest. */
export function trendYears(today: LocalDate = todayInEngland()): number[] {
  const latest = latestYear(today)
  return [latest - 4, latest - 3, latest - 2, latest - 1, latest]
}

/** The period a `?period=` asks for: a year ending 31 March among the trend years, or today (the default). */
export function periodFrom(query: string | undefined, today: LocalDate = todayInEngland()): Period {
  if (query && /^[0-9]{4}$/.test(query) && trendYears(today).includes(Number(query))) return yearEnding(Number(query))
  return toDate(today)
}
