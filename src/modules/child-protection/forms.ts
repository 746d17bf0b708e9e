// Reading this module's forms: dates that must not be in the future, choices from a list, text with a
// limit, and what a page needs to show the answers back with each error beside its field.
import { dateAnswer, dateInputItems, list, text, type FormBody, FormErrors } from '../../platform/forms/form.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

export { FormErrors, list, text, type FormBody }

export type WriteResult = { outcome: 'done'; id: string } | { outcome: 'invalid'; errors: FormErrors } | { outcome: 'not-found' }

export const invalid = (errors: FormErrors): WriteResult => ({ outcome: 'invalid', errors })

/** One error, for a refusal found once the answers were read. */
export function refusal(field: string, message: string): WriteResult {
  const errors = new FormErrors()
  errors.add(field, message)
  return invalid(errors)
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
/** 5 May 2025, for messages and event summaries. */
export const ukDate = (date: LocalDate): string => dateFormat.format(new Date(`${date}T00:00:00Z`))

/** A date that has happened: required, real, and not after today. Null (with an error) otherwise. */
export function pastDate(body: FormBody, name: string, label: string, errors: FormErrors, today: LocalDate): LocalDate | null {
  const { value } = dateAnswer(body, name, label, errors)
  if (!value) return null
  if (value > today) {
    errors.add(`${name}-day`, `${label.charAt(0).toUpperCase()}${label.slice(1)} must be today or in the past`)
    return null
  }
  return value
}

/** Adds `message` to the date field when `date` is before `earliest`. */
export function notBefore(errors: FormErrors, name: string, date: LocalDate | null, earliest: LocalDate, message: string): void {
  if (date && date < earliest) errors.add(`${name}-day`, message)
}

/** A radio answer from a list of codes; an error when missing or not in the list. */
export function choice<T extends string>(body: FormBody, name: string, codes: Record<T, unknown> | readonly T[], message: string, errors: FormErrors): T | null {
  const value = text(body, name)
  const allowed = Array.isArray(codes) ? (codes as readonly string[]).includes(value) : Object.hasOwn(codes, value)
  if (!allowed) {
    errors.add(name, message)
    return null
  }
  return value as T
}

/** Text with a length limit; required unless `required` is false. */
export function words(body: FormBody, name: string, errors: FormErrors, options: { missing?: string; label: string; max?: number }): string {
  const value = text(body, name)
  if (!value && options.missing) errors.add(name, options.missing)
  else if (value.length > (options.max ?? 5000)) errors.add(name, `${options.label} must be ${options.max ?? 5000} characters or fewer`)
  return value
}

/** What a form page shows: the answers as typed, the date boxes, and the errors. */
export function formContext(body: FormBody, dateNames: readonly string[], errors?: FormErrors, listNames: readonly string[] = []) {
  const fieldErrors = errors?.fields ?? {}
  const values: Record<string, string | string[]> = {}
  for (const key of Object.keys(body)) {
    if (key !== '_csrf') values[key] = listNames.includes(key) ? list(body, key) : text(body, key)
  }
  const dateItems = Object.fromEntries(dateNames.map((name) => {
    const raw = { day: text(body, `${name}-day`), month: text(body, `${name}-month`), year: text(body, `${name}-year`) }
    const hasError = [`${name}-day`, `${name}-month`, `${name}-year`].some((f) => f in fieldErrors)
    return [name, dateInputItems(raw, hasError)]
  }))
  return { values, dateItems, fieldErrors, errors: errors?.summary() ?? [] }
}

/** Date boxes filled with a date, for a form that starts from one (today, say). */
export function dateBody(name: string, date: LocalDate): FormBody {
  return { [`${name}-day`]: String(Number(date.slice(8, 10))), [`${name}-month`]: String(Number(date.slice(5, 7))), [`${name}-year`]: date.slice(0, 4) }
}

/** A day, not a moment, for the event stream: midnight in England, which the chronology shows as the day alone. */
export const onDay = (date: LocalDate): string => `${date} 00:00 Europe/London`
