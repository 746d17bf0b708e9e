// Adding a goal to a plan and changing how it is going: the same pages for a family help plan and a child
// in need plan.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { RouteAccess } from '../../platform/access/policy.js'
import type { FormBody, FormErrors } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { getChildSummary } from '../people/service.js'
import { goalProgress } from './codes.js'
import { answer, badRequest, blankForm, formContext, readForm, type FormState } from './forms.js'
import { addGoal, findGoal, planHref, updateGoalProgress, type GoalPlan } from './goals.js'

type Params = { childId: string; goalId?: string }
const view = (name: string) => `modules/family-help/views/${name}.njk`

export async function registerGoalPages(app: FastifyInstance, plan: GoalPlan, access: { config: { access: RouteAccess } }): Promise<void> {
  const { db } = app.database
  const base = (childId: string) => `${planHref(plan, childId)}/goals`
  const noPlan = plan === 'family-help'
    ? 'This child does not have Family Help now. Start Family Help first'
    : 'This child does not have a child in need plan now. Start a plan first'

  async function showNew(request: FastifyRequest, reply: FastifyReply, form: FormState, errors?: FormErrors, status = 200) {
    const { childId } = request.params as Params
    const child = await getChildSummary(db, request.user!.laCode, childId)
    if (!child) return errorPage(reply, 404)
    return reply.code(status).view(view('goal-new'), {
      pageTitle: 'Add a goal to the plan', childName: child.name, backHref: planHref(plan, childId), action: `${base(childId)}/new`,
      ...formContext(form, errors),
    })
  }

  app.get(`${planHref(plan, ':childId')}/goals/new`, access, async (request, reply) => showNew(request, reply, blankForm()))

  app.post(`${planHref(plan, ':childId')}/goals/new`, access, async (request, reply) => {
    const { childId } = request.params as Params
    const read = readForm(request.body as FormBody, ['description'])
    if (!read.token) return badRequest(reply)
    const result = await addGoal(db, request.user!, childId, plan, { token: read.token }, read.form.values.description!)
    return answer(reply, result, read, (errors, status) => showNew(request, reply, read.form, errors, status), {
      'no-plan': { field: 'description', message: noPlan },
    })
  })

  async function showProgress(request: FastifyRequest, reply: FastifyReply, form: FormState | null, errors?: FormErrors, status = 200) {
    const { childId, goalId } = request.params as Params
    const goal = await findGoal(db, request.user!, childId, plan, goalId ?? '')
    if (!goal) return errorPage(reply, 404)
    return reply.code(status).view(view('goal-progress'), {
      pageTitle: 'How is the goal going?', goal, backHref: planHref(plan, childId), action: `${base(childId)}/${goal.id}`,
      goalProgress, ...formContext(form ?? blankForm({ progress: goal.progress }), errors),
    })
  }

  app.get(`${planHref(plan, ':childId')}/goals/:goalId`, access, async (request, reply) => showProgress(request, reply, null))

  app.post(`${planHref(plan, ':childId')}/goals/:goalId`, access, async (request, reply) => {
    const { childId, goalId } = request.params as Params
    const read = readForm(request.body as FormBody, ['progress'])
    if (!read.token) return badRequest(reply)
    const result = await updateGoalProgress(db, request.user!, childId, plan, goalId ?? '', { token: read.token }, read.form.values.progress!)
    if (result.outcome === 'not-found') return errorPage(reply, 404)
    return answer(reply, result, read, (errors, status) => showProgress(request, reply, read.form, errors, status), {})
  })
}
