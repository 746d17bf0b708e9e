// Pages for pre-proceedings and family group decision making: the overview, each step's form, and the
// application, refused until the FGDM requirement is met. Social workers and team managers linked to the
// child; only a team manager in the allocated worker's line authorises a best-interests exemption.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { allow, caseworkLinks } from '../../platform/access/policy.js'
import { errorPage } from '../../platform/http/errors.js'
import { getChildSummary } from '../people/service.js'
import { fgdmResponses, labelFor, orderTypes, preProceedingsOutcomes } from './codes.js'
import { formRoutes, view, type FormPage } from './page-kit.js'
import {
  offerFgdm, practitionerRoles, proceedingsHref, proceedingsState, recordApplication, recordExemption, recordFgdmMeeting, recordFgdmResponse,
  recordLetter, recordOutcome, recordPreProceedingsMeeting, startPreProceedings,
} from './service.js'

const purpose = 'pre-proceedings'
export const practitionerAccess = allow({ roles: practitionerRoles, child: { param: 'childId', links: caseworkLinks, purpose } })
const managerAccess = allow({ roles: ['team_manager'], child: { param: 'childId', links: ['manager-line'], purpose } })

const recordedMessages: Record<string, string> = {
  started: 'Pre-proceedings have started', letter: 'The letter before proceedings is recorded', meeting: 'The pre-proceedings meeting is recorded',
  offered: 'The offer of a family group decision-making meeting is recorded', accepted: 'The acceptance is recorded', declined: 'The decline is recorded',
  'fgdm-meeting': 'The family group decision-making meeting is recorded', exemption: 'The best-interests exemption is recorded',
  'decision-to-issue': 'The decision to issue care proceedings is recorded', 'stepped-down': 'The step down from pre-proceedings is recorded',
  application: 'The application is recorded',
}

export async function registerProceedingsPages(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  const base = proceedingsHref(':childId')
  const state = (request: FastifyRequest, childId: string) => proceedingsState(db, request.user!, childId)
  const back = (childId: string) => ({ backHref: proceedingsHref(childId) })

  app.get(base, practitionerAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const child = await getChildSummary(db, request.user!.laCode, childId)
    if (!child) return errorPage(reply, 404)
    const recorded = (request.query as Record<string, string | undefined>).recorded
    return reply.view(view('proceedings'), {
      pageTitle: `Pre-proceedings and family group decision making: ${child.name}`, child, href: proceedingsHref(childId),
      state: await state(request, childId), canAuthorise: request.user!.role === 'team_manager',
      recordedMessage: recorded ? recordedMessages[recorded] : undefined,
      labels: { outcome: (c: string) => labelFor(preProceedingsOutcomes, c), order: (c: string) => labelFor(orderTypes, c), response: (c: string) => labelFor(fgdmResponses, c) },
    })
  })

  /** A one-date step: its page asks one question. */
  const dateStep = (path: string, name: string, label: string, question: string, hint: string, button: string,
    submit: FormPage['submit']) => formRoutes(app, {
    path: `${base}/${path}`, access: practitionerAccess, template: 'date-form', spec: { dates: { [name]: label } },
    page: async (_request, childId) => ({ pageTitle: question, question, hint, button, dateName: name, ...back(childId) }),
    submit,
  })

  dateStep('start', 'decisionDate', 'the date of the decision', 'When was the decision to enter pre-proceedings made?',
    'The date of the legal meeting or panel that agreed to start pre-proceedings. For example, 27 3 2026', 'Start pre-proceedings',
    (step, read) => startPreProceedings(step, read.dates.decisionDate ?? null))

  dateStep('letter', 'letterDate', 'the date the letter was sent', 'When was the letter before proceedings sent?',
    'The letter and the plan sent to the parents. For example, 27 3 2026', 'Record the letter',
    (step, read) => recordLetter(step, read.dates.letterDate ?? null))

  dateStep('meetings/new', 'meetingDate', 'the date of the meeting', 'When was the pre-proceedings meeting?',
    'A meeting with the parents and their legal representatives under the letter before proceedings. For example, 27 3 2026', 'Record the meeting',
    (step, read) => recordPreProceedingsMeeting(step, read.dates.meetingDate ?? null))

  formRoutes(app, {
    path: `${base}/fgdm/offer`, access: practitionerAccess, template: 'offer',
    spec: { fields: ['inLetter'], lists: ['personIds'], dates: { offeredOn: 'the date of the offer' } },
    page: async (request, childId) => {
      const s = await state(request, childId)
      return { pageTitle: 'Offer a family group decision-making meeting', recipients: s.toOffer, offered: s.offers, letterDate: s.preProceedings?.letter_date, ...back(childId) }
    },
    submit: (step, read) => offerFgdm(step, { offeredOn: read.dates.offeredOn ?? null, personIds: read.form.lists.personIds ?? [], inLetter: read.form.values.inLetter! }),
  })

  formRoutes(app, {
    path: `${base}/fgdm/offers/:offerId`, access: practitionerAccess, template: 'response',
    spec: { fields: ['response'], dates: { respondedOn: 'the date of their answer' } },
    page: async (request, childId) => {
      const offer = (await state(request, childId)).offers.find((o) => o.id === (request.params as { offerId: string }).offerId)
      return offer ? { pageTitle: `Did ${offer.person_name} accept the meeting?`, offer, responses: fgdmResponses, ...back(childId) } : null
    },
    submit: (step, read, params) => recordFgdmResponse(step, params.offerId!, { response: read.form.values.response!, respondedOn: read.dates.respondedOn ?? null }),
  })

  formRoutes(app, {
    path: `${base}/fgdm/meeting`, access: practitionerAccess, template: 'fgdm-meeting',
    spec: { fields: ['professionals', 'familyPlan'], lists: ['attendeeIds'], dates: { heldOn: 'the date of the meeting' } },
    page: async (request, childId) => ({
      pageTitle: 'Record the family group decision-making meeting', network: (await state(request, childId)).network, ...back(childId),
    }),
    submit: (step, read) => recordFgdmMeeting(step, {
      heldOn: read.dates.heldOn ?? null, attendeeIds: read.form.lists.attendeeIds ?? [],
      professionals: read.form.values.professionals!, familyPlan: read.form.values.familyPlan!,
    }),
  })

  formRoutes(app, {
    path: `${base}/fgdm/exemption`, access: managerAccess, template: 'exemption',
    spec: { fields: ['reasons'], dates: { decidedOn: 'the date of the decision' } },
    page: async (_request, childId) => ({ pageTitle: 'Record a best-interests exemption', ...back(childId) }),
    submit: (step, read) => recordExemption(step, { decidedOn: read.dates.decidedOn ?? null, reasons: read.form.values.reasons! }),
  })

  formRoutes(app, {
    path: `${base}/outcome`, access: practitionerAccess, template: 'outcome',
    spec: { fields: ['outcome'], dates: { outcomeDate: 'the date of the decision' } },
    page: async (_request, childId) => ({ pageTitle: 'What was decided at the end of pre-proceedings?', outcomes: preProceedingsOutcomes, ...back(childId) }),
    submit: (step, read) => recordOutcome(step, { outcome: read.form.values.outcome!, outcomeDate: read.dates.outcomeDate ?? null }),
  })

  formRoutes(app, {
    path: `${base}/application`, access: practitionerAccess, template: 'application',
    spec: { fields: ['court', 'orderType'], dates: { appliedOn: 'the date of the application' } },
    page: async (request, childId) => ({
      pageTitle: 'Record the application to court', requirement: (await state(request, childId)).requirement, orderTypes, ...back(childId),
    }),
    submit: (step, read) => recordApplication(step, { appliedOn: read.dates.appliedOn ?? null, court: read.form.values.court!, orderType: read.form.values.orderType! }),
  })
}
