// Dates as a spreadsheet leaves them after someone opens and saves a 903 CSV: 5/3/2025, 2025-03-05 00:00:00,
// 05/03/2025 00:00, 05-03-2025, or Excel's serial day number 45721. Each is read back to dd/mm/yyyy, saying how, so
// the analyst can fix the export; anything else is left as it was for the date rules to flag.

export interface RepairedDate {
  value: string
  /** How the date had been changed, for the warning. */
  how: string
}

const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/
const YEAR_MONTH_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/
const SERIAL = /^\d{4,5}(?:\.0+)?$/
const TWO_DIGIT_YEAR = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/

/** Excel counts days from 30 December 1899 (its 1900 leap-year bug makes that the working epoch). */
const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30) / 86_400_000

/** The repaired date, null when the text is already dd/mm/yyyy or cannot be read as a date. */
export function repairDate(text: string): RepairedDate | null {
  if (isWellFormed(text)) return null
  const dmy = DAY_MONTH_YEAR.exec(text)
  if (dmy) return dated(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), dayMonthYearHow(text))
  const ymd = YEAR_MONTH_DAY.exec(text)
  if (ymd) return dated(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), 'written year first (yyyy-mm-dd)')
  if (SERIAL.test(text)) {
    const day = EXCEL_EPOCH_DAY + Number.parseInt(text, 10)
    const date = new Date(day * 86_400_000)
    // Serial numbers from 1910 to 2099 only: a bare number outside that is not a date anyone meant.
    if (date.getUTCFullYear() < 1910 || date.getUTCFullYear() > 2099) return null
    return dated(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), 'an Excel serial day number')
  }
  return null
}

/** dd/mm/yyyy, checked a character at a time: nearly every date cell is, so this runs for each. */
function isWellFormed(text: string): boolean {
  if (text.length !== 10) return false
  for (let i = 0; i < 10; i++) {
    const code = text.charCodeAt(i)
    if (i === 2 || i === 5 ? code !== SLASH : code < DIGIT_0 || code > DIGIT_9) return false
  }
  return true
}

const SLASH = 47
const DIGIT_0 = 48
const DIGIT_9 = 57

/** Whether the text is a date with a two-digit year, which cannot be read safely (1925 or 2025?). */
export function hasTwoDigitYear(text: string): boolean {
  return text.length <= 8 && TWO_DIGIT_YEAR.test(text)
}

function dayMonthYearHow(text: string): string {
  if (/[ T]/.test(text)) return 'given with a time'
  if (!text.includes('/')) return 'written with - or . between day, month and year'
  return 'written without leading zeros'
}

function dated(year: number, month: number, day: number, how: string): RepairedDate | null {
  const time = Date.UTC(year, month - 1, day)
  const check = new Date(time)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return { value: `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`, how }
}
