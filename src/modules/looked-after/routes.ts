// The looked-after module's pages: the child's looked-after record and the forms that change it (who may use
// which is in access.ts), and the reviewing officer's list of children in care.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { allow } from '../../platform/access/policy.js'
import { dateAnswer, dateInputItems, FormErrors, text, type FormBody } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { getChildSummary } from '../people/service.js'
import { registerCasework } from './casework.js'
import { careChanges, records, reviewPage, type FormPage, type Read } from './pages.js'
import { iroContactPage, permanencePlanPage } from './care-planning-pages.js'
import { overview } from './overview.js'
import { iroContactFormHref, lookedAfterHref, placementChangeFormHref, reviewFormHref } from './outcomes.js'
import { caseAccess, placementAccess, reviewingAccess } from './access.js'
import { registerReviewListRoutes } from './review-list-routes.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'
import { newFormToken, postedFormToken } from './submissions.js'


const recordedMessages: Record<string, string> = {
  started: 'The child’s period of care has started', placement: 'The placement change has been recorded', 'legal-status': 'The new legal status has been recorded',
  ended: 'The child has left care', review: 'The review has been recorded', visit: 'The visit has been recorded', health: 'The health check has been recorded',
  wellbeing: 'The health and wellbeing information has been recorded', education: 'The education record has been saved', missing: 'The missing episode has been recorded',
  'missing-return': 'The child’s return has been recorded', uasc: 'The UASC status has been saved', adoption: 'The adoption milestone has been recorded',
  'permanence-plan': 'The permanence plan has been recorded', 'iro-contact': 'Your contact with the child has been recorded',
  'youth-justice': 'The conviction or youth caution has been recorded',
}

export async function registerLookedAfterRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  registerCasework()

  app.get('/children/:childId/looked-after', caseAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const summary = await getChildSummary(db, request.user!.laCode, childId)
    if (!summary) return errorPage(reply, 404)
    const recorded = (request.query as Record<string, unknown>).recorded
    return reply.view('modules/looked-after/views/looked-after.njk', {
      pageTitle: `Looked after: ${summary.name}`, childName: summary.name, childId, href: lookedAfterHref(childId),
      ...(await overview(db, request.user!.laCode, childId, todayInEngland(), await timescaleSettingsFor(db, request.user!.laCode))),
      recordedMessage: typeof recorded === 'string' ? recordedMessages[recorded] : undefined,
    })
  })

  /** GET shows the blank form; POST reads it, asks the service, and redirects or shows the errors with the answers kept. */
  function formRoutes(path: string, page: FormPage, access: ReturnType<typeof allow>, doneHref: (childId: string) => string,
    backHref: (childId: string) => string = doneHref) {
    const show = async (request: FastifyRequest, reply: FastifyReply, formToken: string, values: Record<string, string>, raw: Record<string, { day: string; month: string; year: string }>, errors?: FormErrors) => {
      const { childId } = request.params as { childId: string }
      const summary = await getChildSummary(db, request.user!.laCode, childId)
      if (!summary) return errorPage(reply, 404)
      const fieldErrors = errors?.fields ?? {}
      const fields = page.fields.map((f) => ({
        ...f, value: values[f.name] ?? '', error: f.kind === 'date' ? (fieldErrors[`${f.name}-day`] ?? fieldErrors[`${f.name}-month`] ?? fieldErrors[`${f.name}-year`]) : fieldErrors[f.name],
        dateItems: f.kind === 'date' ? dateInputItems(raw[f.name], [`${f.name}-day`, `${f.name}-month`, `${f.name}-year`].some((k) => k in fieldErrors)) : undefined,
      }))
      return reply.code(errors?.any ? 400 : 200).view('modules/looked-after/views/form.njk', {
        pageTitle: page.title, page, fields, formToken, childName: summary.name, backHref: backHref(childId), mainError: fieldErrors['main-form'],
        recordedMessage: recordedMessages[String((request.query as Record<string, unknown>).recorded ?? '')],
        ...(errors ? errors.forView() : { errors: [], fieldErrors: {} }),
      })
    }
    app.get(path, access, async (request, reply) => show(request, reply, newFormToken(), {}, {}))
    app.post(path, access, async (request, reply) => {
      const body = request.body as FormBody
      const token = postedFormToken(text(body, 'formToken'))
      if (!token) return errorPage(reply, 400)
      const errors = new FormErrors()
      const read: Read = { values: {}, dates: {} }
      const raw: Record<string, { day: string; month: string; year: string }> = {}
      for (const f of page.fields) {
        if (f.kind === 'date') {
          const answer = dateAnswer(body, f.name, 'the date', errors, { required: !f.optional })
          read.dates[f.name] = answer.value
          raw[f.name] = answer.raw
        } else read.values[f.name] = text(body, f.name).slice(0, 500)
      }
      const params = request.params as Record<string, string>
      const result = await page.submit(db, request.user!, params.childId ?? '', read, todayInEngland(), { token, formHasErrors: errors.any }, params)
      if (result.outcome === 'done') return reply.redirect(`${doneHref(params.childId ?? '')}?recorded=${page.recorded}`, 303)
      if (result.outcome === 'not-found') return errorPage(reply, 404)
      for (const [field, message] of Object.entries(result.errors)) errors.add(field, message)
      if (!errors.any) errors.add('main-form', 'Check the answers')
      return show(request, reply, token, read.values, raw, errors)
    })
  }

  for (const page of [...careChanges, reviewPage, ...records, permanencePlanPage]) {
    formRoutes(`/children/:childId/looked-after/${page.path}`, page, caseAccess, lookedAfterHref)
  }
  const placement = careChanges.find((p) => p.path === 'placement')!
  formRoutes('/placements/children/:childId/change', placement, placementAccess, placementChangeFormHref)
  // The reviewing officer comes to these from their list of children in care, and goes back to it.
  formRoutes('/reviewing/children/:childId/looked-after-review', reviewPage, reviewingAccess, reviewFormHref, () => '/reviews')
  formRoutes('/reviewing/children/:childId/iro-contacts/new', iroContactPage, reviewingAccess, iroContactFormHref, () => '/reviews')
  await registerReviewListRoutes(app)
}
