// Reading this module's forms and answering them: the one-time token, the answers kept as typed, the GOV.UK
// errors of the form and of the service together, and where each outcome sends the user.
import { randomUUID } from 'node:crypto'
import type { FastifyReply } from 'fastify'
import { dateAnswer, dateInputItems, FormErrors, list, text, type DateAnswer, type FormBody } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import type { Outcome, Submission } from './submissions.js'

export interface FormSpec {
  /** Single answers (text, radios, selects). */
  fields?: readonly string[]
  /** Checkbox answers. */
  lists?: readonly string[]
  /** Date inputs, with the words for their messages ("the date of the meeting"). */
  dates?: Readonly<Record<string, string>>
}

export interface FormState {
  token: string
  values: Record<string, string>
  lists: Record<string, string[]>
  dates: Record<string, DateAnswer['raw']>
}

export interface ReadForm {
  form: FormState
  errors: FormErrors
  dates: Record<string, LocalDate | null>
  /** Null when the token is missing or not a UUID: answer 400. */
  submission: Submission | null
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: string): boolean => uuid.test(value)

export function blankForm(spec: FormSpec, values: Record<string, string> = {}, lists: Record<string, string[]> = {}): FormState {
  const empty = { day: '', month: '', year: '' }
  return {
    token: randomUUID(), values, lists,
    dates: Object.fromEntries(Object.keys(spec.dates ?? {}).map((name) => [name, empty])),
  }
}

export function readForm(body: FormBody | undefined, spec: FormSpec): ReadForm {
  const answers = body ?? {}
  const errors = new FormErrors()
  const values = Object.fromEntries((spec.fields ?? []).map((f) => [f, text(answers, f)]))
  const lists = Object.fromEntries((spec.lists ?? []).map((f) => [f, list(answers, f)]))
  const dates: Record<string, LocalDate | null> = {}
  const raw: FormState['dates'] = {}
  for (const [name, label] of Object.entries(spec.dates ?? {})) {
    const answer = dateAnswer(answers, name, label, errors)
    dates[name] = answer.value
    raw[name] = answer.raw
  }
  const token = text(answers, 'formToken')
  return {
    form: { token, values, lists, dates: raw }, errors, dates,
    submission: isUuid(token) ? { token, formHasErrors: errors.any } : null,
  }
}

/** What every form view needs: the token, the answers, the date boxes and the errors. */
export function formContext(form: FormState, errors?: FormErrors) {
  const fieldErrors = errors?.fields ?? {}
  const dateItems = Object.fromEntries(Object.entries(form.dates).map(([name, raw]) =>
    [name, dateInputItems(raw, [`${name}-day`, `${name}-month`, `${name}-year`].some((k) => k in fieldErrors))]))
  return {
    formToken: form.token, values: form.values, lists: form.lists, dateItems,
    ...(errors ? errors.forView() : { errors: [], fieldErrors: {} }),
  }
}

/**
 * Answers a service outcome: `done` redirects; `invalid` shows the form again with the service's errors after the
 * form's own (400); a refusal shows it again with the message at the top (409).
 */
export function answer(reply: FastifyReply, result: Outcome, read: ReadForm,
  show: (errors: FormErrors, status: number) => Promise<FastifyReply> | FastifyReply): Promise<FastifyReply> | FastifyReply {
  switch (result.outcome) {
    case 'done': return reply.redirect(result.redirectTo, 303)
    case 'not-found': return errorPage(reply, 404)
    case 'invalid':
      for (const [field, message] of Object.entries(result.errors)) read.errors.add(field, message)
      return show(read.errors, 400)
    case 'refused':
      read.errors.add(result.field ?? 'main-form', result.message)
      return show(read.errors, 409)
  }
}
