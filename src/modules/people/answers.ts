// Answers the child and person forms share: names, NHS number, an address. Each reader reports
// problems in the GOV.UK Design System's words against the field that has them.
import { dateAnswer, text, type DateAnswer, type FormBody, type FormErrors } from '../../platform/forms/form.js'
import { isValidNhsNumber, normaliseNhsNumber } from '../../platform/identifiers/nhs-number.js'
import { normalisePostcode } from '../../platform/identifiers/postcode.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

export const maxNameLength = 100

/** What a form shows back: the answers as typed, and each date input's three boxes. */
export interface FormValues {
  values: Record<string, string | string[]>
  dates: Record<string, DateAnswer['raw']>
}

/** A required name: `whose` is "the child’s" or "their"; `field` is "first name" or "last name". */
export function nameAnswer(body: FormBody, name: string, whose: string, field: string, errors: FormErrors): string {
  const value = text(body, name).replace(/\s+/g, ' ')
  if (!value) errors.add(name, `Enter ${whose} ${field}`)
  else if (value.length > maxNameLength) errors.add(name, `${capitalise(field)} must be ${maxNameLength} characters or fewer`)
  else if (/[<>{}\d]/.test(value)) errors.add(name, `${capitalise(field)} must only include letters, spaces, hyphens and apostrophes`)
  return value
}

/** "Jo, Joanne Smith" -> ['Jo', 'Joanne Smith']: other names, aliases and previous names. */
export function listAnswer(body: FormBody, name: string): string[] {
  return text(body, name).split(',').map((part) => part.trim().replace(/\s+/g, ' ')).filter((part) => part !== '')
}

export function optionalText(body: FormBody, name: string, label: string, errors: FormErrors, maxLength = 200): string | null {
  const value = text(body, name)
  if (value.length > maxLength) errors.add(name, `${capitalise(label)} must be ${maxLength} characters or fewer`)
  return value || null
}

/** The NHS number's ten digits, or null when none was given. */
export function nhsNumberAnswer(body: FormBody, name: string, errors: FormErrors): string | null {
  const typed = text(body, name)
  if (!typed) return null
  const digits = normaliseNhsNumber(typed)
  if (!/^\d+$/.test(digits)) errors.add(name, 'NHS number must only include numbers and spaces')
  else if (digits.length !== 10) errors.add(name, 'NHS number must be 10 digits')
  else if (!isValidNhsNumber(digits)) errors.add(name, 'Enter a valid NHS number – check you have typed it correctly')
  return digits
}

/** A date that must not be after today; null when not given (or not required and left blank). */
export function pastDateAnswer(body: FormBody, name: string, label: string, errors: FormErrors, today: LocalDate,
  { required, earliest }: { required: boolean; earliest: LocalDate }): DateAnswer {
  const answer = dateAnswer(body, name, label, errors, { required })
  if (answer.value && answer.value > today) errors.add(`${name}-day`, `${capitalise(label)} must be today or in the past`)
  else if (answer.value && answer.value < earliest) errors.add(`${name}-day`, `${capitalise(label)} must be after ${earliestText(earliest)}`)
  return answer
}

export interface AddressAnswer { line1: string; town: string | null; postcode: string; movedIn: LocalDate | null }

/**
 * The address fields `addressLine1`, `addressTown`, `addressPostcode` and the date `movedIn`.
 * Optional unless `required`: left wholly blank it gives null.
 */
export function addressAnswer(body: FormBody, errors: FormErrors, today: LocalDate, { required = false } = {}): { address: AddressAnswer | null; movedIn: DateAnswer } {
  const line1 = text(body, 'addressLine1').replace(/\s+/g, ' ')
  const town = text(body, 'addressTown').replace(/\s+/g, ' ')
  const typedPostcode = text(body, 'addressPostcode')
  const movedIn = pastDateAnswer(body, 'movedIn', 'the date they moved in', errors, today, { required: false, earliest: '1900-01-01' })
  if (!required && !line1 && !town && !typedPostcode) return { address: null, movedIn }
  if (!line1) errors.add('addressLine1', 'Enter the first line of the address')
  else if (line1.length > 200) errors.add('addressLine1', 'Address line 1 must be 200 characters or fewer')
  if (town.length > 100) errors.add('addressTown', 'Town or city must be 100 characters or fewer')
  const postcode = normalisePostcode(typedPostcode)
  if (!typedPostcode) errors.add('addressPostcode', 'Enter a postcode')
  else if (!postcode) errors.add('addressPostcode', 'Enter a real postcode, like ME14 1XQ')
  if (!line1 || !postcode) return { address: null, movedIn }
  return { address: { line1, town: town || null, postcode, movedIn: movedIn.value }, movedIn }
}

export function capitalise(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1)
}

function earliestText(date: LocalDate): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`))
}
