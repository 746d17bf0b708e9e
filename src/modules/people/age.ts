// A child's age as practitioners say it: "7 years", "10 months", "3 weeks", or "Unborn".
import { addMonths, daysBetween, type LocalDate } from '../../platform/working-days/local-date.js'

/** Whole years from the date of birth to `today` (birthdays on 29 February fall on 28 February). */
export function ageInYears(dateOfBirth: LocalDate, today: LocalDate): number {
  let years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  if (addMonths(dateOfBirth, years * 12) > today) years--
  return years
}

export function ageText(dateOfBirth: LocalDate | null, today: LocalDate): string {
  if (!dateOfBirth) return 'Unborn'
  const years = ageInYears(dateOfBirth, today)
  if (years >= 2) return `${years} years`
  let months = 0
  while (addMonths(dateOfBirth, months + 1) <= today) months++
  if (months >= 1) return `${months} ${months === 1 ? 'month' : 'months'}`
  const weeks = Math.floor(daysBetween(dateOfBirth, today) / 7)
  if (weeks >= 1) return `${weeks} ${weeks === 1 ? 'week' : 'weeks'}`
  const days = daysBetween(dateOfBirth, today)
  return `${days} ${days === 1 ? 'day' : 'days'}`
}
