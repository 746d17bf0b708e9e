// Reading this module's forms and answering them: the one-time token, the answers kept as typed, GOV.UK
// errors from the form and from the service together, and where each outcome sends the user.
import { randomUUID } from 'node:crypto'
import type { FastifyReply } from 'fastify'
import { dateAnswer, dateInputItems, FormErrors, text, type DateAnswer, type FormBody } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import type { Outcome } from './outcomes.js'
import { isUuid } from './repository.js'

export interface FormState {
  token: string
  values: Record<string, string>
  dates: Record<string, DateAnswer['raw']>
}

export const blankForm = (values: Record<string, string> = {}): FormState => ({ token: randomUUID(), values, dates: {} })

export interface DateField { name: string; label: string; required?: boolean }

export interface ReadForm {
  form: FormState
  errors: FormErrors
  dates: Record<string, LocalDate | null>
  /** Null when the token is missing or not a UUID: answer 400. */
  token: string | null
}

export function readForm(body: FormBody, fields: readonly string[], dateFields: readonly DateField[] = []): ReadForm {
  const errors = new FormErrors()
  const values = Object.fromEntries(fields.map((f) => [f, text(body, f)]))
  const dates: Record<string, LocalDate | null> = {}
  const raw: FormState['dates'] = {}
  for (const field of dateFields) {
    const answer = dateAnswer(body, field.name, field.label, errors, { required: field.required ?? true })
    dates[field.name] = answer.value
    raw[field.name] = answer.raw
  }
  const token = text(body, 'formToken')
  return { form: { token, values, dates: raw }, errors, dates, token: isUuid(token) ? token : null }
}

/** What every form view needs: the token, the answers, the date boxes and the errors. */
export function formContext(form: FormState, errors?: FormErrors) {
  const fieldErrors = errors?.fields ?? {}
  const dateItems = Object.fromEntries(Object.entries(form.dates).map(([name, raw]) =>
    [name, dateInputItems(raw, [`${name}-day`, `${name}-month`, `${name}-year`].some((k) => k in fieldErrors))]))
  return { formToken: form.token, values: form.values, dateItems, ...(errors ? errors.forView() : { errors: [], fieldErrors: {} }) }
}

/** Date boxes for a blank form (so the macro always has items). */
export function withDates(form: FormState, names: readonly string[]): FormState {
  return { ...form, dates: { ...Object.fromEntries(names.map((n) => [n, { day: '', month: '', year: '' }])), ...form.dates } }
}

/**
 * Answers a service outcome: `done` redirects, `invalid` shows the form again with the service's errors after
 * the form's own, and a refusal shows the form again with its message against `refusalField`.
 */
export function answer<R extends { outcome: string }>(
  reply: FastifyReply, result: Outcome<R>, read: ReadForm,
  show: (errors: FormErrors, status: number) => Promise<FastifyReply>,
  refusals: Record<string, { field: string; message: string }>,
): FastifyReply | Promise<FastifyReply> {
  if (result.outcome === 'done') return reply.redirect((result as { redirectTo: string }).redirectTo, 303)
  if (result.outcome === 'invalid') {
    for (const [field, message] of Object.entries((result as { errors: Record<string, string> }).errors)) read.errors.add(field, message)
    return show(read.errors, 400)
  }
  const refusal = refusals[result.outcome] ??
    { field: Object.keys(read.form.values)[0] ?? 'main-content', message: 'Someone else changed this record at the same time. Check the record, then try again' }
  read.errors.add(refusal.field, refusal.message)
  return show(read.errors, 409)
}

export const badRequest = (reply: FastifyReply): FastifyReply => errorPage(reply, 400)
