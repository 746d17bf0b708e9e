// Children in need: the child in need page, starting and ending CIN plans, their reviews and goals, closing
// the CIN episode and stepping down to Family Help. Social workers and team managers linked to the child;
// family help practitioners linked to the child may read the page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow, caseworkLinks } from '../../platform/access/policy.js'
import type { FormBody, FormErrors } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { getChildSummary } from '../people/service.js'
import { cinReviewOutcomes, closureReasons, stepDownClosureReason } from './codes.js'
import { answer, badRequest, blankForm, formContext, readForm, withDates, type FormState, type ReadForm } from './forms.js'
import { registerGoalPages } from './goal-routes.js'
import { recordedMessage } from './messages.js'
import { childInNeedHref, familyHelpHref, type Outcome } from './outcomes.js'
import { childInNeed } from './read-models.js'
import {
  closeCinEpisode, endCinPlan, leadPractitionerOptions, leadRoles, recordCinPlanReview, socialWorkerRoles, startCinPlan, stepDown,
} from './service.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'

const child = { param: 'childId', links: caseworkLinks, purpose: 'child in need' }
export const readAccess = allow({ roles: leadRoles, child })
export const changeAccess = allow({ roles: socialWorkerRoles, child })

type Params = { childId: string; planId?: string }
const view = (name: string) => `modules/family-help/views/${name}.njk`

const refusals = {
  'no-open-referral': { field: 'main-form', message: 'This child does not have an open child in need episode' },
  'plan-open': { field: 'startDate-day', message: 'This child already has a child in need plan. End it before starting another' },
  'child-protection-plan-open': { field: 'closureDate-day', message: 'This child has a child protection plan. End the child protection plan before closing the case' },
  'already-open': { field: 'leadPractitionerId', message: 'This child already has Family Help' },
}

export async function registerChildInNeedPages(app: FastifyInstance): Promise<void> {
  const { db } = app.database

  /** Renders one of the module's form pages about a child, or 404 if the child is not found. */
  async function show(request: FastifyRequest, reply: FastifyReply, template: string, page: Record<string, unknown>,
    form: FormState, dates: string[], errors?: FormErrors, status = 200) {
    const { childId } = request.params as Params
    const summary = await getChildSummary(db, request.user!.laCode, childId)
    if (!summary) return errorPage(reply, 404)
    return reply.code(status).view(view(template), {
      childName: summary.name, childId, backHref: childInNeedHref(childId), ...page, ...formContext(withDates(form, dates), errors),
    })
  }

  /** A form route pair: GET shows the blank form, POST reads it, calls the service and answers. */
  function formRoutes(path: string, access: ReturnType<typeof allow>, page: (request: FastifyRequest) => Promise<Record<string, unknown> | null> | Record<string, unknown> | null,
    template: string, dates: string[], fields: string[], submit: (request: FastifyRequest, read: ReadForm) => Promise<{ outcome: string }>) {
    const render = async (request: FastifyRequest, reply: FastifyReply, form: FormState, errors?: FormErrors, status = 200) => {
      const context = await page(request)
      if (!context) return errorPage(reply, 404)
      return show(request, reply, template, context, form, dates, errors, status)
    }
    app.get(path, access, async (request, reply) => render(request, reply, blankForm()))
    app.post(path, access, async (request, reply) => {
      const read = readForm(request.body as FormBody, fields, dates.map((name) => ({ name, label: dateLabels[name]!, required: name !== 'nextReviewDue' })))
      if (!read.token) return badRequest(reply)
      if (!(await page(request))) return errorPage(reply, 404)
      const result = await submit(request, read) as Outcome<{ outcome: string }>
      if (result.outcome === 'not-found') return errorPage(reply, 404)
      return answer(reply, result, read, (errors, status) => render(request, reply, read.form, errors, status), refusals)
    })
  }

  const dateLabels: Record<string, string> = {
    startDate: 'the date the plan started', endDate: 'the date the plan ended', reviewDate: 'the date of the review',
    nextReviewDue: 'the date of the next review', closureDate: 'the date the case closed',
  }
  const submission = (read: ReadForm) => ({ token: read.token!, formHasErrors: read.errors.any })
  const ids = (request: FastifyRequest) => request.params as Params
  const base = childInNeedHref(':childId')

  app.get(base, readAccess, async (request, reply) => {
    const { childId } = ids(request)
    const summary = await getChildSummary(db, request.user!.laCode, childId)
    if (!summary) return errorPage(reply, 404)
    const cin = await childInNeed(db, request.user!.laCode, childId, todayInEngland(), await timescaleSettingsFor(db, request.user!.laCode))
    return reply.view(view('child-in-need'), {
      pageTitle: `Child in need: ${summary.name}`, childName: summary.name, childId, cin, href: childInNeedHref(childId),
      familyHelpHref: familyHelpHref(childId), canChange: socialWorkerRoles.includes(request.user!.role),
      openPlan: cin.plans.find((p) => !p.plan.end_date) ?? null, recordedMessage: recordedMessage(request.query),
    })
  })

  formRoutes(`${base}/plans/new`, changeAccess, () => ({ pageTitle: 'Start a child in need plan' }), 'cin-plan-start', ['startDate'], [],
    (request, read) => startCinPlan(db, request.user!, ids(request).childId, submission(read), read.dates.startDate ?? null, todayInEngland()))

  formRoutes(`${base}/plans/:planId/end`, changeAccess, () => ({ pageTitle: 'End the child in need plan' }), 'cin-plan-end', ['endDate'], [],
    (request, read) => endCinPlan(db, request.user!, ids(request).childId, ids(request).planId ?? '', submission(read), read.dates.endDate ?? null, todayInEngland()))

  formRoutes(`${base}/plans/:planId/reviews/new`, changeAccess, () => ({ pageTitle: 'Record a review of the child in need plan', outcomes: cinReviewOutcomes }),
    'review', ['reviewDate', 'nextReviewDue'], ['notes', 'outcome'],
    (request, read) => recordCinPlanReview(db, request.user!, ids(request).childId, ids(request).planId ?? '', submission(read), {
      reviewDate: read.dates.reviewDate ?? null, nextReviewDue: read.dates.nextReviewDue ?? null,
      notes: read.form.values.notes!, outcome: read.form.values.outcome!,
    }, todayInEngland()))

  formRoutes(`${base}/close`, changeAccess, () => ({ pageTitle: 'Close the child in need episode', closureReasons }), 'cin-close', ['closureDate'], ['reason'],
    (request, read) => closeCinEpisode(db, request.user!, ids(request).childId, submission(read), {
      closureDate: read.dates.closureDate ?? null, reason: read.form.values.reason!,
    }, todayInEngland()))

  formRoutes(`${base}/step-down`, changeAccess, async (request) => {
    const cin = await childInNeed(db, request.user!.laCode, ids(request).childId, todayInEngland(), await timescaleSettingsFor(db, request.user!.laCode))
    return {
      pageTitle: 'Step down to Family Help', ...(await leadPractitionerOptions(db, request.user!.laCode)),
      closureReason: closureReasons.find((r) => r.code === stepDownClosureReason(cin.plans.length > 0)),
      goalsToCarry: cin.plans[0]?.goals.filter((g) => g.progress === 'not_started' || g.progress === 'in_progress') ?? [],
    }
  }, 'step-down', ['closureDate'], ['reason', 'leadPractitionerId', 'supervisingSocialWorkerId'],
  (request, read) => stepDown(db, request.user!, ids(request).childId, submission(read), {
    closureDate: read.dates.closureDate ?? null, reason: read.form.values.reason!,
    leadPractitionerId: read.form.values.leadPractitionerId!, supervisingSocialWorkerId: read.form.values.supervisingSocialWorkerId!,
  }, todayInEngland()))

  await registerGoalPages(app, 'child-in-need', changeAccess)
}
