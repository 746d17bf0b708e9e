// The front door's pages: the queue of open contacts, recording a contact about a child, and deciding it.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { partnerRoles, type Role } from '../../platform/auth/roles.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { addDeadlineProvider } from '../../platform/casework/deadlines.js'
import { errorPage } from '../../platform/http/errors.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import type { FormBody } from '../../platform/forms/form.js'
import { dueDate } from '../../platform/timescales/engine.js'
import { consents, decisions, primaryNeeds, referralSources } from './codes.js'
import { contactDetail, decideContact, englandDate, frontDoorHistory, frontDoorQueue, frontDoorSettings, openContactsFor, recordContact } from './service.js'

const frontDoorRoles: Role[] = ['front_door', 'team_manager']
const codes = { consents, decisions, primaryNeeds, referralSources }
// Front door staff take contacts about any child of the authority; partners about children they know.
const recordAccess = allow({
  roles: [...frontDoorRoles, 'social_worker', ...partnerRoles],
  child: { param: 'childId', links: ['authority'], purpose: 'recording a contact' },
})

export async function registerFrontDoorRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: '/front-door', text: 'Front door', roles: frontDoorRoles })
  addChildPageSection({
    id: 'front-door', order: 110, template: 'modules/front-door/views/section.njk',
    load: async (sectionDb, childId, user) => ({ ...(await frontDoorHistory(sectionDb, user.laCode, childId)), codes }),
  })
  addDeadlineProvider({
    id: 'front-door-decisions',
    async deadlines(providerDb, childIds) {
      const settings = await frontDoorSettings(providerDb)
      return (await openContactsFor(providerDb, childIds)).map((c) => ({
        childId: c.child_id, ruleId: 'CP-01', what: 'Front door decision on a contact',
        due: dueDate('CP-01', englandDate(new Date(c.received_at)), settings), href: `/front-door/contacts/${c.id}`,
      }))
    },
  })

  app.get('/front-door', allow({ roles: frontDoorRoles }), async (request, reply) =>
    reply.view('modules/front-door/views/queue.njk', { pageTitle: 'Front door', queue: await frontDoorQueue(db, request.user!.laCode) }))

  const contactView = (childId: string, context: Record<string, unknown>) =>
    ({ pageTitle: 'Record a contact', childId, codes, values: { formToken: randomUUID() }, ...context })

  app.get('/children/:childId/contacts/new', recordAccess, async (request, reply) =>
    reply.view('modules/front-door/views/contact-new.njk', contactView((request.params as { childId: string }).childId, {})))

  app.post('/children/:childId/contacts/new', recordAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const result = await recordContact(db, request.user!, childId, (request.body ?? {}) as FormBody)
    if (result.outcome === 'invalid') {
      return reply.code(400).view('modules/front-door/views/contact-new.njk', contactView(childId, { ...result.errors.forView(), values: result.answers }))
    }
    const user = request.user!
    return reply.redirect(frontDoorRoles.includes(user.role) ? `/front-door/contacts/${result.contactId}` : `/children/${childId}/contacts/recorded`, 303)
  })

  app.get('/children/:childId/contacts/recorded', recordAccess, async (request, reply) =>
    reply.view('modules/front-door/views/contact-recorded.njk', { pageTitle: 'Contact recorded', childId: (request.params as { childId: string }).childId }))

  const decisionView = async (laCode: string, contactId: string, context: Record<string, unknown> = {}) => {
    const detail = await contactDetail(db, laCode, contactId)
    return detail && { pageTitle: 'Decide what happens next', ...detail, codes, values: {}, ...context }
  }

  app.get('/front-door/contacts/:contactId', allow({ roles: frontDoorRoles }), async (request, reply) => {
    const context = await decisionView(request.user!.laCode, (request.params as { contactId: string }).contactId)
    return context ? reply.view('modules/front-door/views/decision.njk', context) : errorPage(reply, 404)
  })

  app.post('/front-door/contacts/:contactId', allow({ roles: frontDoorRoles }), async (request, reply) => {
    const { contactId } = request.params as { contactId: string }
    const result = await decideContact(db, request.user!, contactId, (request.body ?? {}) as FormBody)
    if (result.outcome === 'invalid') {
      const context = await decisionView(request.user!.laCode, contactId, { ...result.errors.forView(), values: result.answers })
      return context ? reply.code(400).view('modules/front-door/views/decision.njk', context) : errorPage(reply, 404)
    }
    if (result.outcome === 'already-decided') {
      // A second click after the decision, or a contact of another authority: show where things stand.
      const context = await decisionView(request.user!.laCode, contactId)
      return context ? reply.redirect(`/front-door/contacts/${contactId}`, 303) : errorPage(reply, 404)
    }
    return reply.redirect('/front-door?decided=true', 303)
  })
}
