// The child and family assessment's pages: start it on the open referral, complete and submit it, and the
// manager's decision.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { dueDate } from '../../platform/timescales/engine.js'
import { getOpenReferral } from '../front-door/service.js'
import { decideAssessment, getAssessment, startAssessment, submitAssessment, type Assessment } from './assessments.js'
import { caseworkAccess, managerAccess } from './access.js'
import { assessmentFactorGroups, assessmentFactors, assessmentOutcomes, assessmentStatuses } from './codes.js'
import { paramsOf, registerFormPage } from './form-pages.js'
import { dateBody, type FormBody } from './forms.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'
import { recordedMessage } from './messages.js'

const assessmentHref = (childId: string, id: string) => `/children/${childId}/assessments/${id}`

export async function registerAssessmentRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  const user = (request: FastifyRequest) => request.user!

  async function loadAssessment(request: FastifyRequest): Promise<Assessment | undefined> {
    const { childId, assessmentId } = paramsOf(request)
    return getAssessment(db, user(request).laCode, childId!, assessmentId!)
  }

  registerFormPage(app, {
    path: '/children/:childId/assessments/new', access: caseworkAccess, template: 'assessment-start', title: 'Start a child and family assessment',
    dates: ['startDate'],
    async context(request) {
      const referral = await getOpenReferral(db, user(request).laCode, paramsOf(request).childId!)
      const due = referral ? dueDate('CP-02', referral.referralDate, await timescaleSettingsFor(db, user(request).laCode)) : null
      return { referral: referral ?? null, due }
    },
    initial: (_context, today) => dateBody('startDate', today),
    submit: (request, body, today) => startAssessment(db, user(request), paramsOf(request).childId!, body, today),
    done: (request, id) => `${assessmentHref(paramsOf(request).childId!, id)}?recorded=assessment-started`,
  })

  const factorTexts = (a: Assessment) => a.factors.map((code) => `${assessmentFactors.get(code) ?? code} (${code})`)

  registerFormPage(app, {
    path: '/children/:childId/assessments/:assessmentId', access: caseworkAccess, template: 'assessment', title: 'Child and family assessment',
    dates: ['completedOn'], lists: ['factors'],
    async context(request) {
      const a = await loadAssessment(request)
      if (!a) return null
      const authorisedBy = a.authorised_by
        ? (await db.selectFrom('users').where('id', '=', a.authorised_by).select('display_name').executeTakeFirstOrThrow()).display_name : null
      return {
        a, statusText: assessmentStatuses[a.status], factorGroups: assessmentFactorGroups, outcomes: assessmentOutcomes, factorTexts: factorTexts(a),
        authorisedBy, canSubmit: a.status === 'in_progress' || a.status === 'returned',
        canDecide: a.status === 'submitted' && user(request).role === 'team_manager' && a.submitted_by !== user(request).id,
        decisionHref: `${assessmentHref(paramsOf(request).childId!, a.id)}/decision`, recordedMessage: recordedMessage(request.query),
      }
    },
    initial(context, today): FormBody {
      const a = context.a as Assessment
      return { factors: a.factors, outcome: a.outcome ?? '', analysis: a.analysis ?? '', lateReason: a.late_reason ?? '', ...dateBody('completedOn', a.completed_on ?? today) }
    },
    submit: (request, body, today) => submitAssessment(db, user(request), paramsOf(request).childId!, paramsOf(request).assessmentId!, body, today),
    done: (request, id) => `${assessmentHref(paramsOf(request).childId!, id)}?recorded=assessment-submitted`,
  })

  registerFormPage(app, {
    path: '/children/:childId/assessments/:assessmentId/decision', access: managerAccess, template: 'assessment-decision', title: 'Authorise the assessment',
    dates: ['authorisedOn'],
    async context(request) {
      const a = await loadAssessment(request)
      return a && a.outcome ? { a, outcomes: assessmentOutcomes, factorTexts: factorTexts(a) } : null
    },
    initial: (_context, today) => dateBody('authorisedOn', today),
    submit: (request, body, today) => decideAssessment(db, user(request), paramsOf(request).childId!, paramsOf(request).assessmentId!, body, today),
    done: (request, id) => `${assessmentHref(paramsOf(request).childId!, id)}?recorded=assessment-decided`,
  })
}
