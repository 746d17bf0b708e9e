// Times typed on the front door's forms (14:30, 2:30pm, 9am) on a date in England, as instants, so
// British Summer Time is handled and "before the contact was received" compares real moments.
import { FormErrors, text, type DateAnswer, type FormBody } from '../../platform/forms/form.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'

interface TimeOfDay { hours: number; minutes: number }

function parseTime(value: string): TimeOfDay | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(value.trim())
  if (!match) return null
  let hours = Number(match[1])
  const minutes = Number(match[2] ?? 0)
  const meridiem = match[3]?.toLowerCase()
  if (meridiem) {
    if (hours < 1 || hours > 12) return null
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0)
  } else if (match[2] === undefined) {
    return null // "9" alone could be morning or evening
  }
  return hours < 24 && minutes < 60 ? { hours, minutes } : null
}

/** The instant a wall-clock time in England falls on that date. */
function englandInstant(date: LocalDate, time: TimeOfDay): Date {
  const asUtc = new Date(`${date}T${String(time.hours).padStart(2, '0')}:${String(time.minutes).padStart(2, '0')}:00Z`)
  const londonWallClock = new Date(asUtc.toLocaleString('en-US', { timeZone: 'Europe/London' }))
  const utcWallClock = new Date(asUtc.toLocaleString('en-US', { timeZone: 'UTC' }))
  return new Date(asUtc.getTime() - (londonWallClock.getTime() - utcWallClock.getTime()))
}

export interface MomentAnswer { time: string; value: Date | null }

/**
 * Reads a time box next to a GOV.UK date input and combines them. Reports a missing or unreadable
 * time, and a moment in the future, against the field that needs changing.
 */
export function momentAnswer(body: FormBody, date: DateAnswer & { field: string }, timeField: string, label: string, errors: FormErrors, now = new Date()): MomentAnswer {
  const typed = text(body, timeField)
  const time = parseTime(typed)
  if (!typed) errors.add(timeField, `Enter the time ${label}`)
  else if (!time) errors.add(timeField, 'Enter the time as, for example, 14:30 or 2:30pm')
  const value = date.value && time ? englandInstant(date.value, time) : null
  if (value && value > now) {
    if (date.value! > todayInEngland(now)) errors.add(`${date.field}-day`, `The date ${label} must be today or in the past`)
    else errors.add(timeField, `The time ${label} must be in the past`)
    return { time: typed, value: null }
  }
  return { time: typed, value }
}
