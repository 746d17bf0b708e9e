// The front door's pages: the queue of open contacts, finding the child and recording a contact, and
// deciding what happens next.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { audit } from '../../platform/audit/audit.js'
import type { Role } from '../../platform/auth/roles.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { addDeadlineProvider } from '../../platform/casework/deadlines.js'
import { errorPage } from '../../platform/http/errors.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import type { FormBody } from '../../platform/forms/form.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { searchChildren } from '../people/service.js'
import { openSuggestions } from '../sharing/service.js'
import { consents, decisions, primaryNeeds, reasonsForClosure, referralSources } from './codes.js'
import { isUuid } from './repository.js'
import { contactDecisionDeadlines, contactDetail, decideContact, decisionRule, frontDoorHistory, frontDoorQueue, recordContact } from './service.js'

const deciders: Role[] = ['front_door', 'team_manager']
const viewers: Role[] = [...deciders, 'social_worker']
const codes = { consents, decisions, primaryNeeds, reasonsForClosure, referralSources }
const views = 'modules/front-door/views'

// Front door staff and social workers record contacts about any child of the authority. Partners raise
// concerns through the partner portal (multi-agency module), never by a child's id.
const recordAboutChild = allow({
  roles: viewers,
  child: { param: 'childId', links: ['authority'], purpose: 'recording a contact' },
})

export async function registerFrontDoorRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: '/front-door', text: 'Front door', roles: viewers })
  addChildPageSection({
    id: 'front-door', order: 110, template: `${views}/section.njk`,
    load: async (sectionDb, childId, user) => ({
      ...(await frontDoorHistory(sectionDb, user.laCode, childId)), codes,
      canOpenContacts: viewers.includes(user.role), canRecord: viewers.includes(user.role),
    }),
  })
  addDeadlineProvider({
    id: 'front-door-decisions',
    deadlines: async (providerDb, childIds) => (await contactDecisionDeadlines(providerDb, childIds)).map((c) => ({
      childId: c.childId, ruleId: decisionRule, what: 'Front door decision on a contact', due: c.due, href: `/front-door/contacts/${c.contactId}`,
    })),
  })

  app.get('/front-door', allow({ roles: viewers }), async (request, reply) => {
    const decided = String((request.query as Record<string, unknown>).decided ?? '')
    return reply.view(`${views}/queue.njk`, {
      pageTitle: 'Front door', queue: await frontDoorQueue(db, request.user!), canDecide: deciders.includes(request.user!.role),
      decidedContactId: isUuid(decided) ? decided : null,
    })
  })

  app.get('/front-door/contacts/new', allow({ roles: deciders }), async (request, reply) => {
    const user = request.user!
    const query = request.query as Record<string, unknown>
    if (query.q === undefined) return reply.view(`${views}/find-child.njk`, { pageTitle: 'Who is the contact about?', searched: false })
    const q = String(query.q).trim()
    if (!q) {
      const message = 'Enter the child’s name, date of birth or NHS number'
      return reply.code(400).view(`${views}/find-child.njk`, { pageTitle: 'Who is the contact about?', searched: false, q, queryError: message, errors: [{ text: message, href: '#q' }] })
    }
    const { results } = await searchChildren(db, user, q)
    // The audit records that a search happened, never the terms.
    await audit(db, { laCode: user.laCode, userId: user.id, action: 'child.searched', purpose: 'recording a contact', detail: { results: results.length, from: 'front door' } })
    return reply.view(`${views}/find-child.njk`, { pageTitle: `Who is the contact about? ${results.length} found`, searched: true, q, results })
  })

  const contactForm = (action: string, context: Record<string, unknown>) =>
    ({ pageTitle: 'Record a contact', action, codes, values: {}, today: todayInEngland(), ...context })

  app.get('/front-door/contacts/new/child', allow({ roles: deciders }), async (_request, reply) =>
    reply.view(`${views}/contact-new.njk`, contactForm('/front-door/contacts/new/child', { askForChild: true, values: { formToken: randomUUID() } })))

  app.post('/front-door/contacts/new/child', allow({ roles: deciders }), async (request, reply) => {
    const result = await recordContact(db, request.user!, null, (request.body ?? {}) as FormBody)
    if (result.outcome === 'invalid') {
      return reply.code(400).view(`${views}/contact-new.njk`, contactForm('/front-door/contacts/new/child', { askForChild: true, ...result.errors.forView(), values: result.answers }))
    }
    return reply.redirect(`/front-door/contacts/${result.contactId}`, 303)
  })

  app.get('/children/:childId/contacts/new', recordAboutChild, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    return reply.view(`${views}/contact-new.njk`, contactForm(`/children/${childId}/contacts/new`, { childId, values: { formToken: randomUUID() } }))
  })

  app.post('/children/:childId/contacts/new', recordAboutChild, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const user = request.user!
    const result = await recordContact(db, user, childId, (request.body ?? {}) as FormBody)
    if (result.outcome === 'invalid') {
      return reply.code(400).view(`${views}/contact-new.njk`, contactForm(`/children/${childId}/contacts/new`, { childId, ...result.errors.forView(), values: result.answers }))
    }
    return reply.redirect(`/front-door/contacts/${result.contactId}`, 303)
  })

  const decisionPage = (context: Record<string, unknown>) => ({ pageTitle: 'Decide what happens next', codes, values: {}, ...context })

  app.get('/front-door/contacts/:contactId', allow({ roles: viewers }), async (request, reply) => {
    const user = request.user!
    const detail = await contactDetail(db, user, (request.params as { contactId: string }).contactId)
    if (!detail) return errorPage(reply, 404)
    // A contact is part of the child's record: its viewing is audited like the record's.
    await audit(db, {
      laCode: user.laCode, userId: user.id, action: 'child.viewed', childId: detail.contact.child_id, purpose: 'front door decision',
      detail: { route: request.routeOptions.url, contactId: detail.contact.id },
    })
    const today = todayInEngland()
    return reply.view(`${views}/decision.njk`, decisionPage({
      ...detail, canDecide: deciders.includes(user.role), possibleMatches: await openSuggestions(db, user.laCode, detail.contact.child_id),
      values: { decided: dateParts(today), feedbackGiven: dateParts(today) },
    }))
  })

  app.post('/front-door/contacts/:contactId', allow({ roles: deciders }), async (request, reply) => {
    const { contactId } = request.params as { contactId: string }
    const result = await decideContact(db, request.user!, contactId, (request.body ?? {}) as FormBody)
    switch (result.outcome) {
      case 'not-found': return errorPage(reply, 404)
      case 'invalid':
        return reply.code(400).view(`${views}/decision.njk`, decisionPage({ ...result.detail, canDecide: true, ...result.errors.forView(), values: result.answers }))
      // A second click after the decision was recorded: show where things stand.
      case 'already-decided': return reply.redirect(`/front-door/contacts/${contactId}`, 303)
      case 'decided': return reply.redirect(`/front-door?decided=${contactId}`, 303)
    }
  })
}

function dateParts(date: string) {
  return { day: String(Number(date.slice(8, 10))), month: String(Number(date.slice(5, 7))), year: date.slice(0, 4) }
}
