// Reading and checking form answers the GOV.UK way: each problem is tied to its field, the page
// shows an error summary linking to them, and what the user typed is handed back unchanged.
import { parseLocalDate, type LocalDate } from '../working-days/local-date.js'

export type FormBody = Record<string, unknown>

export class FormErrors {
  readonly fields: Record<string, string> = {}

  /** Records the first problem for a field; `href` defaults to the field's id. */
  add(field: string, message: string): void {
    if (!(field in this.fields)) this.fields[field] = message
  }

  get any(): boolean {
    return Object.keys(this.fields).length > 0
  }

  /** For the layout's error summary: `errors` in the view context. */
  summary(): Array<{ text: string; href: string }> {
    return Object.entries(this.fields).map(([field, text]) => ({ text, href: `#${field}` }))
  }

  /** What a view needs: `{ errors, fieldErrors }`. */
  forView(): { errors: Array<{ text: string; href: string }>; fieldErrors: Record<string, string> } {
    return { errors: this.summary(), fieldErrors: this.fields }
  }
}

export function text(body: FormBody, name: string): string {
  const value = body[name]
  return typeof value === 'string' ? value.trim() : ''
}

/** Checkbox answers arrive as a string for one box, an array for several, nothing for none. */
export function list(body: FormBody, name: string): string[] {
  const value = body[name]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '')
  return typeof value === 'string' && value !== '' ? [value] : []
}

export interface DateAnswer {
  /** The three boxes as typed, to show back. */
  raw: { day: string; month: string; year: string }
  value: LocalDate | null
}

/**
 * Reads a GOV.UK date input (`name-day`, `name-month`, `name-year`) and reports problems in the
 * Design System's words: "Enter date of birth", "Date of birth must include a year", "... must be a real date".
 */
export function dateAnswer(body: FormBody, name: string, label: string, errors: FormErrors, { required = true } = {}): DateAnswer {
  const raw = { day: text(body, `${name}-day`), month: text(body, `${name}-month`), year: text(body, `${name}-year`) }
  const sentence = label.charAt(0).toUpperCase() + label.slice(1)
  const missing = (['day', 'month', 'year'] as const).filter((part) => raw[part] === '')
  if (missing.length === 3) {
    if (required) errors.add(`${name}-day`, `Enter ${label}`)
    return { raw, value: null }
  }
  if (missing.length > 0) {
    errors.add(`${name}-${missing[0]}`, `${sentence} must include a ${missing.join(' and ')}`)
    return { raw, value: null }
  }
  if (!/^\d{1,2}$/.test(raw.day) || !/^\d{1,2}$/.test(raw.month) || !/^\d{4}$/.test(raw.year)) {
    errors.add(`${name}-day`, `${sentence} must be a real date`)
    return { raw, value: null }
  }
  const value = parseLocalDate(`${raw.year}-${raw.month.padStart(2, '0')}-${raw.day.padStart(2, '0')}`)
  if (!value) errors.add(`${name}-day`, `${sentence} must be a real date`)
  return { raw, value }
}

/** The items of a govukDateInput, with error classes on the boxes when the field has a problem. */
export function dateInputItems(raw: DateAnswer['raw'] | undefined, hasError: boolean) {
  const cls = (width: number) => `govuk-input--width-${width}${hasError ? ' govuk-input--error' : ''}`
  return [
    { name: 'day', classes: cls(2), value: raw?.day },
    { name: 'month', classes: cls(2), value: raw?.month },
    { name: 'year', classes: cls(4), value: raw?.year },
  ]
}
