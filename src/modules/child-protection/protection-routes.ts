// The case's child protection pages for its workers: the overview with every deadline, strategy
// discussions, section 47 enquiries and their outcomes, core groups, and ending a plan.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { errorPage } from '../../platform/http/errors.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { getChildSummary } from '../people/service.js'
import { caseworkAccess, overviewAccess } from './access.js'
import { attendingAgencies, planEndReasons, reasonsEndedOutsideConference, section47Outcomes, strategyDecisions } from './codes.js'
import { getPlan } from './conferences.js'
import { concludeSection47, discussionsAwaitingEnquiry, getEnquiry, recordStrategyDiscussion, startSection47 } from './enquiries.js'
import { backToOverview, moduleView, paramsOf, registerFormPage } from './form-pages.js'
import { dateBody } from './forms.js'
import { recordedMessage } from './messages.js'
import { childProtectionOverview } from './overview.js'
import { endPlan, recordCoreGroup } from './plans.js'
import { getOpenReferral } from '../front-door/service.js'

export async function registerProtectionRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  const user = (request: FastifyRequest) => request.user!
  const childIdOf = (request: FastifyRequest) => paramsOf(request).childId!
  const base = '/children/:childId/child-protection'
  const overview = (request: FastifyRequest, recorded: string) => `${backToOverview(childIdOf(request))}?recorded=${recorded}`

  app.get(base, overviewAccess, async (request, reply) => {
    const childId = childIdOf(request)
    const child = await getChildSummary(db, user(request).laCode, childId)
    if (!child) return errorPage(reply, 404)
    const o = await childProtectionOverview(db, user(request).laCode, childId, todayInEngland())
    const role = user(request).role
    return reply.view(moduleView('child-protection'), {
      pageTitle: `Assessment and child protection: ${child.name}`, childName: child.name, childId, o,
      canChange: role === 'social_worker' || role === 'team_manager', isChair: role === 'iro',
      hasAssessmentInHand: o.assessments.some((a) => a.current && a.status !== 'authorised'),
      canStartEnquiry: o.discussions.some((d) => d.referral_id === o.referral?.id && d.decision === 'section_47' && !o.enquiries.some((e) => e.strategy_discussion_id === d.id)),
      recordedMessage: recordedMessage(request.query),
    })
  })

  registerFormPage(app, {
    path: `${base}/strategy-discussions/new`, access: caseworkAccess, template: 'strategy-discussion', title: 'Record a strategy discussion',
    dates: ['discussionDate'],
    context: async (request) => ({
      referral: (await getOpenReferral(db, user(request).laCode, childIdOf(request))) ?? null, agencies: attendingAgencies, decisions: strategyDecisions,
    }),
    initial: (_context, today) => dateBody('discussionDate', today),
    submit: (request, body, today) => recordStrategyDiscussion(db, user(request), childIdOf(request), body, today),
    done: (request) => overview(request, 'strategy-discussion'),
  })

  registerFormPage(app, {
    path: `${base}/section-47/new`, access: caseworkAccess, template: 'section47-start', title: 'Start a section 47 enquiry',
    dates: ['startDate'],
    context: async (request) => ({ discussions: (await discussionsAwaitingEnquiry(db, user(request).laCode, childIdOf(request))).discussions }),
    initial: (_context, today) => dateBody('startDate', today),
    submit: (request, body, today) => startSection47(db, user(request), childIdOf(request), body, today),
    done: (request) => overview(request, 'section-47-started'),
  })

  registerFormPage(app, {
    path: `${base}/section-47/:enquiryId/outcome`, access: caseworkAccess, template: 'section47-outcome', title: 'Outcome of the section 47 enquiry',
    dates: ['outcomeDate'],
    async context(request) {
      const { enquiryId } = paramsOf(request)
      const enquiry = await getEnquiry(db, user(request).laCode, childIdOf(request), enquiryId!)
      return enquiry ? { enquiry, outcomes: section47Outcomes } : null
    },
    initial: (_context, today) => dateBody('outcomeDate', today),
    submit: (request, body, today) => concludeSection47(db, user(request), childIdOf(request), paramsOf(request).enquiryId!, body, today),
    done: (request) => overview(request, 'section-47-concluded'),
  })

  const planContext = async (request: FastifyRequest) => {
    const { planId } = paramsOf(request)
    return getPlan(db, user(request).laCode, childIdOf(request), planId!)
  }

  registerFormPage(app, {
    path: `${base}/plans/:planId/core-groups/new`, access: caseworkAccess, template: 'core-group', title: 'Record a core group meeting',
    dates: ['meetingDate'],
    async context(request) {
      const plan = await planContext(request)
      if (!plan) return null
      const o = await childProtectionOverview(db, user(request).laCode, childIdOf(request), todayInEngland())
      return { plan, next: o.next.coreGroup }
    },
    initial: (_context, today) => dateBody('meetingDate', today),
    submit: (request, body, today) => recordCoreGroup(db, user(request), childIdOf(request), paramsOf(request).planId!, body, today),
    done: (request) => overview(request, 'core-group'),
  })

  registerFormPage(app, {
    path: `${base}/plans/:planId/end`, access: caseworkAccess, template: 'plan-end', title: 'End the child protection plan',
    dates: ['endDate', 'transferDate'],
    context: async (request) => {
      const plan = await planContext(request)
      return plan ? { plan, reasons: reasonsEndedOutsideConference, reasonTexts: planEndReasons } : null
    },
    submit: (request, body, today, child) => endPlan(db, user(request), childIdOf(request), paramsOf(request).planId!, body, today, child.dateOfBirth),
    done: (request) => overview(request, 'plan-ended'),
  })
}
