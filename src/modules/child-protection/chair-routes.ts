// The conference chair's pages: the conferences due across the authority, and recording initial and review
// conferences. Chairs are independent of the case, so these pages are theirs alone.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { chairAccess, chairListAccess } from './access.js'
import { categoriesOfAbuse } from './codes.js'
import { getPlan, recordInitialConference, recordReviewConference } from './conferences.js'
import { getEnquiry } from './enquiries.js'
import { moduleView, paramsOf, registerFormPage } from './form-pages.js'
import { dateBody } from './forms.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'
import { recordedMessage } from './messages.js'
import { showDeadline } from './overview.js'
import { childProtectionRecords, deadlinesOf } from './record.js'
import { childrenWithConferencesDue } from './repository.js'

const conferenceRules = new Set(['CP-05', 'CP-08', 'CP-09'])

export async function registerChairRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  const user = (request: FastifyRequest) => request.user!
  const childIdOf = (request: FastifyRequest) => paramsOf(request).childId!
  addNavigationItem({ href: '/conferences', text: 'Conferences', roles: ['iro'] })

  /** The conference deadlines of children in the authority, soonest first. */
  async function conferencesDue(laCode: string) {
    const children = await childrenWithConferencesDue(db, laCode)
    const [records, settings] = await Promise.all([childProtectionRecords(db, children.map((c) => c.child_id)), timescaleSettingsFor(db, laCode)])
    const today = todayInEngland()
    return children.flatMap((child) => deadlinesOf(records.get(child.child_id)!, settings)
      .filter((d) => conferenceRules.has(d.ruleId))
      .map((d) => ({ ...showDeadline(d, settings, today), href: d.chairHref!, childName: `${child.first_name} ${child.last_name}` })))
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
  }

  app.get('/conferences', chairListAccess, async (request, reply) => reply.view(moduleView('conferences'), {
    pageTitle: 'Conferences to chair', conferences: await conferencesDue(user(request).laCode), recordedMessage: recordedMessage(request.query),
  }))

  registerFormPage(app, {
    path: '/children/:childId/child-protection/section-47/:enquiryId/conference', access: chairAccess, template: 'initial-conference',
    title: 'Record the initial child protection conference', dates: ['conferenceDate'],
    async context(request) {
      const { enquiryId } = paramsOf(request)
      const enquiry = await getEnquiry(db, user(request).laCode, childIdOf(request), enquiryId!)
      if (!enquiry) return null
      const records = await childProtectionRecords(db, [childIdOf(request)])
      const settings = await timescaleSettingsFor(db, user(request).laCode)
      const due = deadlinesOf(records.get(childIdOf(request))!, settings).find((d) => d.ruleId === 'CP-05' && d.chairHref?.includes(enquiry.id))?.due ?? null
      return { enquiry, due, categories: categoriesOfAbuse, backHref: '/conferences' }
    },
    initial: (_context, today) => dateBody('conferenceDate', today),
    submit: (request, body, today) => recordInitialConference(db, user(request), childIdOf(request), paramsOf(request).enquiryId!, body, today),
    done: () => '/conferences?recorded=initial-conference',
  })

  registerFormPage(app, {
    path: '/children/:childId/child-protection/plans/:planId/reviews/new', access: chairAccess, template: 'review-conference',
    title: 'Record a review conference', dates: ['conferenceDate'],
    async context(request) {
      const { planId } = paramsOf(request)
      const plan = await getPlan(db, user(request).laCode, childIdOf(request), planId!)
      if (!plan) return null
      const settings = await timescaleSettingsFor(db, user(request).laCode)
      const next = deadlinesOf((await childProtectionRecords(db, [childIdOf(request)])).get(childIdOf(request))!, settings)
        .find((d) => d.ruleId === 'CP-08' || d.ruleId === 'CP-09')
      return {
        plan, latestCategory: categoriesOfAbuse[plan.latest_category], categories: categoriesOfAbuse, backHref: '/conferences',
        next: next ? showDeadline(next, settings, todayInEngland()) : null,
      }
    },
    initial: (_context, today) => dateBody('conferenceDate', today),
    submit: (request, body, today) => recordReviewConference(db, user(request), childIdOf(request), paramsOf(request).planId!, body, today),
    done: () => '/conferences?recorded=review-conference',
  })
}
