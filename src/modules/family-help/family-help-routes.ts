// The family help plan and its forms: start Family Help, add a goal, change a goal's progress, record a
// review, end the help. Family help practitioners, social workers and team managers linked to the child.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow, caseworkLinks } from '../../platform/access/policy.js'
import type { FormErrors, FormBody } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { getChildSummary } from '../people/service.js'
import { goalProgress } from './codes.js'
import { answer, badRequest, blankForm, formContext, readForm, withDates, type FormState } from './forms.js'
import { recordedMessage } from './messages.js'
import { familyHelpHref, settingsFor } from './outcomes.js'
import {
  addGoal, endFamilyHelp, familyHelpPlan, findGoal, leadPractitionerOptions, leadRoles, recordFamilyHelpReview, startFamilyHelp,
  updateGoalProgress,
} from './service.js'

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
    const plan = await familyHelpPlan(db, request.user!.laCode, childId, todayInEngland(), await settingsFor(db))
    return reply.view(view('plan'), {
      pageTitle: `Family help plan: ${name}`, childName: name, childId, plan, href: familyHelpHref(childId),
      recordedMessage: recordedMessage(request.query), goalProgress,
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

  // Goals ---------------------------------------------------------------------------------------------
  async function showGoal(request: FastifyRequest, reply: FastifyReply, form: FormState, errors?: FormErrors, status = 200) {
    const { childId } = request.params as ChildParams
    const name = await childName(request)
    if (!name) return errorPage(reply, 404)
    return reply.code(status).view(view('goal-new'), {
      pageTitle: 'Add a goal to the plan', childName: name, backHref: familyHelpHref(childId), action: `${familyHelpHref(childId)}/goals/new`,
      ...formContext(form, errors),
    })
  }

  app.get('/children/:childId/family-help/goals/new', familyHelpAccess, async (request, reply) => showGoal(request, reply, blankForm()))

  app.post('/children/:childId/family-help/goals/new', familyHelpAccess, async (request, reply) => {
    const { childId } = request.params as ChildParams
    const read = readForm(request.body as FormBody, ['description'])
    if (!read.token) return badRequest(reply)
    const result = await addGoal(db, request.user!, childId, 'family-help', { token: read.token }, read.form.values.description!)
    return answer(reply, result, read, (errors, status) => showGoal(request, reply, read.form, errors, status), {
      'no-plan': { field: 'description', message: 'This child does not have Family Help now. Start Family Help first' },
    })
  })

  async function showProgress(request: FastifyRequest, reply: FastifyReply, form: FormState | null, errors?: FormErrors, status = 200) {
    const { childId, goalId } = request.params as ChildParams & { goalId: string }
    const goal = await findGoal(db, request.user!, childId, 'family-help', goalId)
    if (!goal) return errorPage(reply, 404)
    return reply.code(status).view(view('goal-progress'), {
      pageTitle: 'How is the goal going?', goal, backHref: familyHelpHref(childId), action: `${familyHelpHref(childId)}/goals/${goal.id}`,
      goalProgress, ...formContext(form ?? blankForm({ progress: goal.progress }), errors),
    })
  }

  app.get('/children/:childId/family-help/goals/:goalId', familyHelpAccess, async (request, reply) => showProgress(request, reply, null))

  app.post('/children/:childId/family-help/goals/:goalId', familyHelpAccess, async (request, reply) => {
    const { childId, goalId } = request.params as ChildParams & { goalId: string }
    const read = readForm(request.body as FormBody, ['progress'])
    if (!read.token) return badRequest(reply)
    const result = await updateGoalProgress(db, request.user!, childId, 'family-help', goalId, { token: read.token }, read.form.values.progress!)
    if (result.outcome === 'not-found') return errorPage(reply, 404)
    return answer(reply, result, read, (errors, status) => showProgress(request, reply, read.form, errors, status), {})
  })

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
}
