// Dates in this module's messages, and birthdays.
import { addYears, type LocalDate } from '../../platform/working-days/local-date.js'

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
export const ukDate = (date: LocalDate): string => dateFormat.format(new Date(`${date}T00:00:00Z`))

export const birthday = (dateOfBirth: LocalDate, age: number): LocalDate => addYears(dateOfBirth, age)

/** Whole years of age on `on`. */
export function ageOn(dateOfBirth: LocalDate, on: LocalDate): number {
  let age = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  while (age > 0 && birthday(dateOfBirth, age) > on) age -= 1
  return age
}

const ordinals: Record<number, string> = { 16: '16th', 17: '17th', 18: '18th', 19: '19th', 20: '20th', 21: '21st', 25: '25th' }
export const ordinal = (age: number): string => ordinals[age] ?? `${age}th`
