// A collection year of the statutory returns: 1 April to 31 March, named by the year it ends in (`--year 2026` is
// 2025/26, as DfE names the returns by their census date).
import { todayInEngland, type LocalDate } from '../../../platform/working-days/local-date.js'

export interface CollectionYear {
  /** The year the collection ends in: 2026 for 1 April 2025 to 31 March 2026. */
  year: number
  start: LocalDate
  end: LocalDate
  /** `2025/26`. */
  label: string
}

export function collectionYear(year: number): CollectionYear {
  return { year, start: `${year - 1}-04-01`, end: `${year}-03-31`, label: `${year - 1}/${String(year % 100).padStart(2, '0')}` }
}

/** The collection year a date falls in: 22 November 2026 is in 2026/27. */
export function collectionYearOn(date: LocalDate = todayInEngland()): CollectionYear {
  const year = Number(date.slice(0, 4))
  return collectionYear(date.slice(5) >= '04-01' ? year + 1 : year)
}

/** Whether a record running from `start` to `end` (null: still open) was open at any time in the year. */
export function overlapsYear(start: LocalDate, end: LocalDate | null, year: CollectionYear): boolean {
  return start <= year.end && (end === null || end >= year.start)
}

/** A date after the census date is not yet known to the return: the record is still open at 31 March. */
export function byCensusDate(date: LocalDate | null, year: CollectionYear): LocalDate | null {
  return date !== null && date <= year.end ? date : null
}
