// Dates in returns arrive as dd/mm/yyyy (903 CSV) or yyyy-mm-dd (XML, normalised input).
// Rules compare them as whole days since 1970-01-01 (UTC), which is exact and fast.

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00:00(?:\.0+)?Z?)?$/

/**
 * Parsed dates by their text. A return holds a few thousand distinct dates in hundreds of thousands of cells, and
 * the rules read each date column many times, so a lookup saves the parse. Emptied when it grows past a limit so a
 * file full of distinct junk cannot grow it without end.
 */
const parsed = new Map<string, number | null>()
const PARSED_LIMIT = 200_000

/** Days since the epoch, or null when the text is blank or not a real calendar date. */
export function parseDay(text: string | null | undefined): number | null {
  if (!text) return null
  const known = parsed.get(text)
  if (known !== undefined) return known
  if (parsed.size >= PARSED_LIMIT) parsed.clear()
  const day = parse(text)
  parsed.set(text, day)
  return day
}

function parse(text: string): number | null {
  let year: number, month: number, day: number
  const dmy = DMY.exec(text)
  if (dmy) {
    day = Number(dmy[1]); month = Number(dmy[2]); year = Number(dmy[3])
  } else {
    const iso = ISO.exec(text)
    if (!iso) return null
    year = Number(iso[1]); month = Number(iso[2]); day = Number(iso[3])
  }
  const time = Date.UTC(year, month - 1, day)
  const check = new Date(time)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return time / 86_400_000
}

/**
 * The day number of a calendar date (month from 1), by arithmetic rather than a Date object: rules work out ages for
 * every row. The inverse of the working-days module's civilFromDayNumber.
 */
export function dayNumber(year: number, month: number, date: number): number {
  const marchYear = month <= 2 ? year - 1 : year
  const era = Math.floor(marchYear / 400)
  const yearOfEra = marchYear - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + date - 1
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

/** yyyy-mm-dd for a day number. */
export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}
