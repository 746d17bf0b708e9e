// Dates of birth as yyyymmdd integers (0 when missing): cheap to compare, and the digits are where typos happen.

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/

/** yyyy-mm-dd or dd/mm/yyyy to yyyymmdd; blank is 0; anything else (including impossible dates) is null. */
export function parseDateOfBirth(text: string | null | undefined): number | null {
  const trimmed = text?.trim()
  if (!trimmed) return 0
  let year: number, month: number, day: number
  const iso = ISO.exec(trimmed)
  const dmy = iso ? null : DMY.exec(trimmed)
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (dmy) [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])]
  else return null
  return isCalendarDate(year, month, day) ? year * 10_000 + month * 100 + day : null
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)
}

export function formatDateOfBirth(dob: number): string {
  const year = Math.floor(dob / 10_000)
  const month = Math.floor(dob / 100) % 100
  const day = dob % 100
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The same date with day and month exchanged (19 March 2014 becomes 3 of month 19, i.e. no date: returns 0). */
export function swapDayAndMonth(dob: number): number {
  const year = Math.floor(dob / 10_000)
  const month = Math.floor(dob / 100) % 100
  const day = dob % 100
  return isCalendarDate(year, day, month) ? year * 10_000 + day * 100 + month : 0
}

/** True when the two eight-digit forms differ in exactly one digit. */
export function oneDigitApart(a: number, b: number): boolean {
  let differing = 0
  for (let i = 0; i < 8; i++) {
    if (a % 10 !== b % 10 && ++differing > 1) return false
    a = Math.floor(a / 10)
    b = Math.floor(b / 10)
  }
  return differing === 1
}
