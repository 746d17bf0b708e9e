// Day numbers as the text the database takes.
import { fromDayNumber } from '../../working-days/local-date.js'
import type { Day } from '../facts.js'

export const date = (day: Day | null): string | null => (day === null ? null : fromDayNumber(day))

/** A time in the working day, so events on the same day keep the order they happened in. */
export const at = (day: Day, minutes = 0): string => {
  const m = 9 * 60 + Math.min(minutes, 8 * 60)
  return `${fromDayNumber(day)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z`
}
