// Kinship pages: the child's possible carers (marked and unmarked here), viability assessments of them and
// the kinship arrangements the child lives in. Social workers and team managers linked to the child.
import type { FastifyInstance } from 'fastify'
import { text, type FormBody } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { getChildSummary } from '../people/service.js'
import { arrangementTypes, labelFor, viabilityOutcomes } from './codes.js'
import { isUuid } from './forms.js'
import { formRoutes, view } from './page-kit.js'
import { practitionerAccess } from './proceedings-routes.js'
import {
  completeViabilityAssessment, endKinshipArrangement, kinshipHref, kinshipState, markPossibleCarer, startArrangement, startViability,
} from './service.js'

const recordedMessages: Record<string, string> = {
  'carer-marked': 'The possible carers are updated', 'viability-started': 'The viability assessment has started',
  'viability-completed': 'The viability assessment’s outcome is recorded', 'arrangement-started': 'The kinship arrangement is recorded',
  'arrangement-ended': 'The end of the kinship arrangement is recorded',
}

export async function registerKinshipPages(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  const base = kinshipHref(':childId')
  const back = (childId: string) => ({ backHref: kinshipHref(childId) })

  app.get(base, practitionerAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const child = await getChildSummary(db, request.user!.laCode, childId)
    if (!child) return errorPage(reply, 404)
    const query = request.query as Record<string, string | undefined>
    return reply.view(view('kinship'), {
      pageTitle: `Kinship: ${child.name}`, child, href: kinshipHref(childId), state: await kinshipState(db, request.user!, childId),
      recordedMessage: query.recorded ? recordedMessages[query.recorded] : undefined,
      childSideProblem: query.problem === 'child-side',
      labels: { outcome: (c: string) => labelFor(viabilityOutcomes, c), arrangement: (c: string) => labelFor(arrangementTypes, c) },
    })
  })

  // A button per person: marking is idempotent, so a second click changes nothing.
  app.post(`${base}/possible-carers`, practitionerAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const body = (request.body ?? {}) as FormBody
    const relationshipId = text(body, 'relationshipId')
    const possibleCarer = text(body, 'possibleCarer')
    if (!isUuid(relationshipId) || !['yes', 'no'].includes(possibleCarer)) return errorPage(reply, 400)
    const outcome = await markPossibleCarer(db, request.user!, childId, relationshipId, possibleCarer === 'yes')
    if (outcome === 'not-found') return errorPage(reply, 404)
    const query = outcome === 'changed' ? 'recorded=carer-marked' : 'problem=child-side'
    return reply.redirect(`${kinshipHref(childId)}?${query}#possible-carers`, 303)
  })

  formRoutes(app, {
    path: `${base}/viability/new`, access: practitionerAccess, template: 'viability-start',
    spec: { fields: ['personId'], dates: { startedOn: 'the date the assessment started' } },
    page: async (request, childId) => ({
      pageTitle: 'Start a viability assessment', carers: (await kinshipState(db, request.user!, childId)).possibleCarers, ...back(childId),
    }),
    submit: (step, read) => startViability(step, { personId: read.form.values.personId!, startedOn: read.dates.startedOn ?? null }),
  })

  formRoutes(app, {
    path: `${base}/viability/:assessmentId`, access: practitionerAccess, template: 'viability-complete',
    spec: { fields: ['outcome', 'recommendation'], dates: { completedOn: 'the date the assessment finished' } },
    page: async (request, childId) => {
      const { assessmentId } = request.params as { assessmentId: string }
      const assessment = (await kinshipState(db, request.user!, childId)).assessments.find((a) => a.id === assessmentId)
      return assessment ? { pageTitle: `Outcome of the viability assessment of ${assessment.person_name}`, assessment, outcomes: viabilityOutcomes, ...back(childId) } : null
    },
    submit: (step, read, params) => completeViabilityAssessment(step, params.assessmentId!, {
      completedOn: read.dates.completedOn ?? null, outcome: read.form.values.outcome!, recommendation: read.form.values.recommendation!,
    }),
  })

  formRoutes(app, {
    path: `${base}/arrangements/new`, access: practitionerAccess, template: 'arrangement-start',
    spec: { fields: ['carerId', 'arrangementType'], dates: { startedOn: 'the start date' } },
    page: async (request, childId) => {
      const state = await kinshipState(db, request.user!, childId)
      // Possible carers first: they are who an arrangement is usually with.
      const carers = [...state.possibleCarers, ...state.members.filter((m) => !m.possibleCarer)]
      return { pageTitle: 'Record a kinship arrangement', carers, arrangementTypes, ...back(childId) }
    },
    submit: (step, read) => startArrangement(step, {
      carerId: read.form.values.carerId!, arrangementType: read.form.values.arrangementType!, startedOn: read.dates.startedOn ?? null,
    }),
  })

  formRoutes(app, {
    path: `${base}/arrangements/:arrangementId/end`, access: practitionerAccess, template: 'date-form',
    spec: { dates: { endedOn: 'the end date' } },
    page: async (request, childId) => {
      const { arrangementId } = request.params as { arrangementId: string }
      const arrangement = (await kinshipState(db, request.user!, childId)).arrangements.find((a) => a.id === arrangementId)
      if (!arrangement) return null
      const question = `When did the arrangement with ${arrangement.carer_name} end?`
      return { pageTitle: question, question, hint: 'For example, 27 3 2026', button: 'End the arrangement', dateName: 'endedOn', ...back(childId) }
    },
    submit: (step, read, params) => endKinshipArrangement(step, params.arrangementId!, read.dates.endedOn ?? null),
  })
}
