// Recording when the Family Help assessment was completed: the lead practitioner and the others who work the case.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify'
import type { FormBody, FormErrors } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { getChildSummary } from '../people/service.js'
import { answer, badRequest, blankForm, formContext, readForm, withDates, type FormState } from './forms.js'
import { familyHelpHref } from './outcomes.js'
import { recordAssessmentCompleted } from './service.js'

type ChildParams = { childId: string }

export async function registerAssessmentPages(app: FastifyInstance, access: RouteShorthandOptions): Promise<void> {
  const { db } = app.database

  async function show(request: FastifyRequest, reply: FastifyReply, form: FormState, errors?: FormErrors, status = 200) {
    const { childId } = request.params as ChildParams
    const child = await getChildSummary(db, request.user!.laCode, childId)
    if (!child) return errorPage(reply, 404)
    return reply.code(status).view('modules/family-help/views/assessment.njk', {
      pageTitle: 'When was the Family Help assessment completed?', childName: child.name, backHref: familyHelpHref(childId),
      action: `${familyHelpHref(childId)}/assessment`, ...formContext(withDates(form, ['completedOn']), errors),
    })
  }

  app.get('/children/:childId/family-help/assessment', access, async (request, reply) => show(request, reply, blankForm()))

  app.post('/children/:childId/family-help/assessment', access, async (request, reply) => {
    const { childId } = request.params as ChildParams
    const read = readForm(request.body as FormBody, [], [{ name: 'completedOn', label: 'the date the assessment was completed' }])
    if (!read.token) return badRequest(reply)
    const result = await recordAssessmentCompleted(db, request.user!, childId, { token: read.token, formHasErrors: read.errors.any },
      read.dates.completedOn ?? null, todayInEngland())
    return answer(reply, result, read, (errors, status) => show(request, reply, read.form, errors, status), {
      'not-open': { field: 'completedOn-day', message: 'This child does not have Family Help now' },
    })
  })
}
