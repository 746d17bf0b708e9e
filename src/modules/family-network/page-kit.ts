// A form page about a child, as a GET and POST pair: GET shows the blank form; POST reads it, calls the
// service with the user and the one-time token, and redirects, or shows the form again with the answers
// as typed and the errors. Every page has the child's name as its caption and a way back.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { allow } from '../../platform/access/policy.js'
import type { FormErrors, FormBody } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { getChildSummary } from '../people/service.js'
import { answer, blankForm, formContext, readForm, type FormSpec, type FormState, type ReadForm } from './forms.js'
import type { Outcome, Step } from './submissions.js'

export type Params = Record<string, string> & { childId: string }

export interface FormPage {
  path: string
  access: ReturnType<typeof allow>
  template: string
  spec: FormSpec
  /** The page's own context (title, choices, back link), or null when what the URL names is not there (404). */
  page(request: FastifyRequest, childId: string): Promise<Record<string, unknown> | null>
  /** Answers a blank form starts with. */
  initial?: (context: Record<string, unknown>) => Pick<FormState, 'values' | 'lists'>
  submit(step: Step, read: ReadForm, params: Params): Promise<Outcome>
}

export const view = (name: string) => `modules/family-network/views/${name}.njk`

export function formRoutes(app: FastifyInstance, form: FormPage): void {
  const { db } = app.database

  async function render(request: FastifyRequest, reply: FastifyReply, state: FormState | null, errors?: FormErrors, status = 200) {
    const { childId } = request.params as Params
    const [child, context] = await Promise.all([getChildSummary(db, request.user!.laCode, childId), form.page(request, childId)])
    if (!child || !context) return errorPage(reply, 404)
    const initial = form.initial?.(context)
    const shown = state ?? blankForm(form.spec, initial?.values, initial?.lists)
    return reply.code(status).view(view(form.template), { childName: child.name, childId, ...context, ...formContext(shown, errors) })
  }

  app.get(form.path, form.access, async (request, reply) => render(request, reply, null))

  app.post(form.path, form.access, async (request, reply) => {
    const read = readForm(request.body as FormBody | undefined, form.spec)
    if (!read.submission) return errorPage(reply, 400)
    const params = request.params as Params
    const step: Step = { db, actor: request.user!, childId: params.childId, submission: read.submission, today: todayInEngland() }
    const result = await form.submit(step, read, params)
    return answer(reply, result, read, (errors, status) => render(request, reply, read.form, errors, status))
  })
}
