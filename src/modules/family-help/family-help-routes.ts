// The family help plan and its forms: start Family Help, add a goal, change a goal's progress, record a
// review, end the help. Family help practitioners, social workers and team managers linked to the child.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow, caseworkLinks } from '../../platform/access/policy.js'
import type { FormErrors, FormBody } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { getChildSummary } from '../people/service.js'
import { goalProgress } from './codes.js'
import { registerAssessmentPages } from './assessment-routes.js'
import { registerGoalPages } from './goal-routes.js'
import { answer, badRequest, blankForm, formContext, readForm, withDates, type FormState } from './forms.js'
import { recordedMessage } from './messages.js'
import { familyHelpHref } from './outcomes.js'
import {
  endFamilyHelp, familyHelpPlan, getOpenCinEpisode, leadPractitionerOptions, leadRoles, recordFamilyHelpReview, startFamilyHelp, stepUp,
} from './service.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'

export const familyHelpAccess = allow({ roles: leadRoles, child: { param: 'childId', links: caseworkLinks, purpose: 'family help' } })

type ChildParams = { childId: string }
const view = (name: string) => `modules/family-help/views/${name}.njk`

export async function registerFamilyHelpPages(app: FastifyInstance): Promise<void> {
  const { db } = app.database

  async function childName(request: FastifyRequest): Promise<string | null> {
    const { childId } = request.params as ChildParams
    return (await getChildSummary(db, request.user!.laCode, childId))?.name ?? null
  }

  app.get('/children/:childId/family-help', familyHelpAccess, async (request, reply) => {
    const { childId } = request.params as ChildParams
    const name = await childName(request)
    if (!name) return errorPage(reply, 404)
    const plan = await familyHelpPlan(db, request.user!.laCode, childId, todayInEngland(), await timescaleSettingsFor(db, request.user!.laCode))
    return reply.view(view('plan'), {
      pageTitle: `Family help plan: ${name}`, childName: name, childId, plan, href: familyHelpHref(childId),
      recordedMessage: recordedMessage(request.query), goalProgress, canStepUp: true,
    })
  })

  // Starting Family Help ---------------------------------------------------------------------------------
  const leadFields = ['reason', 'leadPractitionerId', 'supervisingSocialWorkerId']

  async function showStart(request: FastifyRequest, reply: FastifyReply, form: FormState, errors?: FormErrors, status = 200) {
    const { childId } = request.params as ChildParams
    const name = await childName(request)
    if (!name) return errorPage(reply, 404)
    return reply.code(status).view(view('start'), {
      pageTitle: `Start Family Help for ${name}`, childName: name, backHref: familyHelpHref(childId),
      action: `${familyHelpHref(childId)}/start`, ...(await leadPractitionerOptions(db, request.user!.laCode)),
      ...formContext(withDates(form, ['startDate']), errors),
    })
  }

  app.get('/children/:childId/family-help/start', familyHelpAccess, async (request, reply) => showStart(request, reply, blankForm()))

  app.post('/children/:childId/family-help/start', familyHelpAccess, async (request, reply) => {
    const { childId } = request.params as ChildParams
    const read = readForm(request.body as FormBody, leadFields, [{ name: 'startDate', label: 'the date Family Help started' }])
    if (!read.token) return badRequest(reply)
    const v = read.form.values
    const result = await startFamilyHelp(db, request.user!, childId, { token: read.token, formHasErrors: read.errors.any }, {
      startDate: read.dates.startDate ?? null, reason: v.reason!, leadPractitionerId: v.leadPractitionerId!, supervisingSocialWorkerId: v.supervisingSocialWorkerId!,
    }, todayInEngland())
    return answer(reply, result, read, (errors, status) => showStart(request, reply, read.form, errors, status), {
      'already-open': { field: 'startDate-day', message: 'This child already has Family Help. Go back to the family help plan to change it' },
    })
  })

  await registerAssessmentPages(app, familyHelpAccess)
  await registerGoalPages(app, 'family-help', familyHelpAccess)

  // Reviews -------------------------------------------------------------------------------------------
  async function showReview(request: FastifyRequest, reply: FastifyReply, form: FormState, errors?: FormErrors, status = 200) {
    const { childId } = request.params as ChildParams
    const name = await childName(request)
    if (!name) return errorPage(reply, 404)
    return reply.code(status).view(view('review'), {
      pageTitle: 'Record a review of the family help plan', childName: name, backHref: familyHelpHref(childId),
      action: `${familyHelpHref(childId)}/reviews/new`, notesRequired: true,
      ...formContext(withDates(form, ['reviewDate', 'nextReviewDue']), errors),
    })
  }

  app.get('/children/:childId/family-help/reviews/new', familyHelpAccess, async (request, reply) => showReview(request, reply, blankForm()))

  app.post('/children/:childId/family-help/reviews/new', familyHelpAccess, async (request, reply) => {
    const { childId } = request.params as ChildParams
    const read = readForm(request.body as FormBody, ['notes'], [
      { name: 'reviewDate', label: 'the date of the review' }, { name: 'nextReviewDue', label: 'the date of the next review', required: false },
    ])
    if (!read.token) return badRequest(reply)
    const result = await recordFamilyHelpReview(db, request.user!, childId, { token: read.token, formHasErrors: read.errors.any }, {
      reviewDate: read.dates.reviewDate ?? null, notes: read.form.values.notes!, nextReviewDue: read.dates.nextReviewDue ?? null,
    }, todayInEngland())
    return answer(reply, result, read, (errors, status) => showReview(request, reply, read.form, errors, status), {
      'not-open': { field: 'reviewDate-day', message: 'This child does not have Family Help now, so there is no plan to review' },
    })
  })

  // Ending ----------------------------------------------------------------------------------------------
  async function showEnd(request: FastifyRequest, reply: FastifyReply, form: FormState, errors?: FormErrors, status = 200) {
    const { childId } = request.params as ChildParams
    const name = await childName(request)
    if (!name) return errorPage(reply, 404)
    return reply.code(status).view(view('end'), {
      pageTitle: `End Family Help for ${name}`, childName: name, backHref: familyHelpHref(childId), action: `${familyHelpHref(childId)}/end`,
      ...formContext(withDates(form, ['endDate']), errors),
    })
  }

  app.get('/children/:childId/family-help/end', familyHelpAccess, async (request, reply) => showEnd(request, reply, blankForm()))

  app.post('/children/:childId/family-help/end', familyHelpAccess, async (request, reply) => {
    const { childId } = request.params as ChildParams
    const read = readForm(request.body as FormBody, ['endReason'], [{ name: 'endDate', label: 'the date Family Help ended' }])
    if (!read.token) return badRequest(reply)
    const result = await endFamilyHelp(db, request.user!, childId, { token: read.token, formHasErrors: read.errors.any }, {
      endDate: read.dates.endDate ?? null, endReason: read.form.values.endReason!,
    }, todayInEngland())
    return answer(reply, result, read, (errors, status) => showEnd(request, reply, read.form, errors, status), {
      'not-open': { field: 'endDate-day', message: 'This child does not have Family Help now' },
    })
  })

  // Stepping up ---------------------------------------------------------------------------------------
  async function showStepUp(request: FastifyRequest, reply: FastifyReply, form: FormState, errors?: FormErrors, status = 200) {
    const { childId } = request.params as ChildParams
    const name = await childName(request)
    if (!name) return errorPage(reply, 404)
    return reply.code(status).view(view('step-up'), {
      pageTitle: `Step up ${name} to children’s social care`, childName: name, backHref: familyHelpHref(childId),
      openReferral: await getOpenCinEpisode(db, request.user!.laCode, childId), ...formContext(withDates(form, ['referralDate']), errors),
    })
  }

  app.get('/children/:childId/family-help/step-up', familyHelpAccess, async (request, reply) => showStepUp(request, reply, blankForm()))

  app.post('/children/:childId/family-help/step-up', familyHelpAccess, async (request, reply) => {
    const { childId } = request.params as ChildParams
    const read = readForm(request.body as FormBody, ['reason'], [{ name: 'referralDate', label: 'the date of the referral' }])
    if (!read.token) return badRequest(reply)
    const result = await stepUp(db, request.user!, childId, { token: read.token, formHasErrors: read.errors.any }, {
      referralDate: read.dates.referralDate ?? null, reason: read.form.values.reason!,
    }, todayInEngland())
    return answer(reply, result, read, (errors, status) => showStepUp(request, reply, read.form, errors, status), {
      'not-open': { field: 'referralDate-day', message: 'This child does not have Family Help now, so there is nothing to step up from' },
      'referral-refused': { field: 'referralDate-day', message: 'The front door could not take the referral. Contact the front door (MASH) team' },
      'referral-open': { field: 'referralDate-day', message: 'This child already has an open referral to children’s social care. Work with the allocated social worker instead of stepping up again' },
    })
  })
}
