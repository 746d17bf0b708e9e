// Dates in messages and the checks every dated step shares.
import type { LocalDate } from '../../platform/working-days/local-date.js'
import type { FieldErrors } from './submissions.js'

const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** 5 May 2026, for messages and event summaries. */
export const ukDate = (date: LocalDate): string => format.format(new Date(`${date}T00:00:00Z`))

/**
 * Checks a date the form read (null when the form already reported it) is not in the future and not before
 * `earliest`, whose words finish "must be on or after ...". Adds the message to the date's day box.
 */
export function checkDate(errors: FieldErrors, field: string, date: LocalDate | null, today: LocalDate, what: string,
  earliest?: { date: LocalDate; words: string }): date is LocalDate {
  if (!date) return false
  if (date > today) errors[`${field}-day`] = `${what} must be today or in the past`
  else if (earliest && date < earliest.date) errors[`${field}-day`] = `${what} must be on or after ${earliest.words} (${ukDate(earliest.date)})`
  else return true
  return false
}
