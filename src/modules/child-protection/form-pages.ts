// One shape for every form about a child: GET shows it (404 when the record it is on is not the child's),
// POST reads it through the service, shows it again with the errors and the answers kept (400), or
// redirects (303) once the change is made.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { allow } from '../../platform/access/policy.js'
import { errorPage } from '../../platform/http/errors.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { getChildSummary, type ChildSummary } from '../people/service.js'
import { formContext, type FormBody, type FormErrors, type WriteResult } from './forms.js'

export type Params = Record<string, string>

export interface FormPage {
  path: string
  access: ReturnType<typeof allow>
  template: string
  title: string
  dates: readonly string[]
  lists?: readonly string[]
  /** What the page shows about the record the form is on; null when it is not there (404). */
  context(request: FastifyRequest, child: ChildSummary): Promise<Record<string, unknown> | null>
  /** The answers the form starts with. */
  initial?(context: Record<string, unknown>, today: LocalDate): FormBody
  submit(request: FastifyRequest, body: FormBody, today: LocalDate, child: ChildSummary): Promise<WriteResult>
  /** Where to go once recorded. */
  done(request: FastifyRequest, id: string): string
}

export const paramsOf = (request: FastifyRequest): Params => request.params as Params
export const moduleView = (name: string): string => `modules/child-protection/views/${name}.njk`
export const backToOverview = (childId: string): string => `/children/${childId}/child-protection`

export function registerFormPage(app: FastifyInstance, page: FormPage): void {
  const { db } = app.database
  async function render(request: FastifyRequest, reply: FastifyReply, body: FormBody | null, errors?: FormErrors) {
    const { childId } = paramsOf(request)
    const child = await getChildSummary(db, request.user!.laCode, childId!)
    if (!child) return errorPage(reply, 404)
    const context = await page.context(request, child)
    if (!context) return errorPage(reply, 404)
    const answers = body ?? page.initial?.(context, todayInEngland()) ?? {}
    return reply.code(errors ? 400 : 200).view(moduleView(page.template), {
      pageTitle: page.title, childName: child.name, childId, backHref: backToOverview(childId!),
      ...context, ...formContext(answers, page.dates, errors, page.lists),
    })
  }
  app.get(page.path, page.access, async (request, reply) => render(request, reply, null))
  app.post(page.path, page.access, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody
    const child = await getChildSummary(db, request.user!.laCode, paramsOf(request).childId!)
    if (!child) return errorPage(reply, 404)
    const result = await page.submit(request, body, todayInEngland(), child)
    if (result.outcome === 'not-found') return errorPage(reply, 404)
    if (result.outcome === 'invalid') return render(request, reply, body, result.errors)
    return reply.redirect(page.done(request, result.id), 303)
  })
}
