// The partner portal: a partner practitioner's concerns (sending one, and what the front door decided) and
// the meetings they are invited to, with their written contribution. A partner reaches a child only
// through an involvement; another partner's concern or invitation is "not found", and the attempt audited.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { audit } from '../../platform/audit/audit.js'
import { partnerRoles } from '../../platform/auth/roles.js'
import type { FormBody } from '../../platform/forms/form.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { errorPage } from '../../platform/http/errors.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { consents, contactsRecordedBy, decisions, referralSources } from '../front-door/service.js'
import { sourcesFor, type PartnerRole } from './concern-form.js'
import { sendConcern } from './concerns.js'
import { contribute, invitationOf, invitationsOf } from './meetings.js'

const views = 'modules/multi-agency/views'
const portal = allow({ roles: partnerRoles })
const aboutChild = allow({ roles: partnerRoles, child: { param: 'childId', links: ['involvement'], purpose: 'contributing to a child protection meeting' } })

export async function registerPartnerRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: '/partner', text: 'Concerns and meetings', roles: partnerRoles })
  // What a partner sees of a child beyond identity and what's changed: their own concerns and invitations.
  addChildPageSection({
    id: 'partner-involvement', order: 20, template: `${views}/partner-section.njk`, forPartners: true,
    load: async (sectionDb, childId, user) => {
      if (!partnerRoles.includes(user.role)) return null
      const [concerns, invitations] = await Promise.all([contactsRecordedBy(sectionDb, user), invitationsOf(sectionDb, user)])
      return { concerns: concerns.filter((c) => c.child_id === childId), invitations: invitations.filter((i) => i.child_id === childId), decisions }
    },
  })

  /** A guessed or another partner's id: "not found", and the attempt in the audit log. */
  async function notYours(request: FastifyRequest, reply: FastifyReply, what: string): Promise<FastifyReply> {
    const user = request.user!
    await audit(db, { laCode: user.laCode, userId: user.id, action: 'partner.access_refused', purpose: 'partner portal', detail: { route: request.routeOptions.url, what } })
    return errorPage(reply, 404)
  }

  app.get('/partner', portal, async (request, reply) => {
    const user = request.user!
    const [concerns, invitations] = await Promise.all([contactsRecordedBy(db, user), invitationsOf(db, user)])
    return reply.view(`${views}/partner-home.njk`, {
      pageTitle: 'Your concerns and meetings', concerns, invitations, decisions, sent: (request.query as FormBody).sent === 'true',
    })
  })

  const concernPage = (request: FastifyRequest, context: Record<string, unknown>) => {
    const sources = sourcesFor(request.user!.role as PartnerRole)
    return {
      pageTitle: 'Raise a concern about a child', consents, values: { formToken: randomUUID() },
      sources: sources.length > 1 ? sources.map((code) => ({ value: code, text: referralSources[code] })) : null, ...context,
    }
  }

  app.get('/partner/concerns/new', portal, async (request, reply) => reply.view(`${views}/concern-new.njk`, concernPage(request, {})))

  app.post('/partner/concerns/new', portal, async (request, reply) => {
    const result = await sendConcern(db, request.user!, (request.body ?? {}) as FormBody)
    if (result.outcome === 'invalid') {
      return reply.code(400).view(`${views}/concern-new.njk`, concernPage(request, { ...result.errors.forView(), values: result.answers }))
    }
    return reply.redirect(`/partner/concerns/${result.contactId}?sent=true`, 303)
  })

  app.get('/partner/concerns/:contactId', portal, async (request, reply) => {
    const [concern] = await contactsRecordedBy(db, request.user!, (request.params as { contactId: string }).contactId)
    if (!concern) return notYours(request, reply, 'concern')
    return reply.view(`${views}/concern.njk`, {
      pageTitle: `Your concern about ${concern.first_name} ${concern.last_name}`, concern, decisions,
      referralSource: referralSources[concern.referral_source], sent: (request.query as FormBody).sent === 'true',
    })
  })

  const contributionPath = '/partner/children/:childId/meetings/:invitationId'
  const contributionPage = async (request: FastifyRequest, context: Record<string, unknown> = {}) => {
    const { childId, invitationId } = request.params as { childId: string; invitationId: string }
    const invitation = await invitationOf(db, request.user!, childId, invitationId)
    return invitation && { pageTitle: `${invitation.kindText} for ${invitation.first_name} ${invitation.last_name}`, invitation, childId, values: {}, ...context }
  }

  app.get(contributionPath, aboutChild, async (request, reply) => {
    const page = await contributionPage(request, { sent: (request.query as FormBody).sent === 'true' })
    return page ? reply.view(`${views}/contribution.njk`, page) : notYours(request, reply, 'invitation')
  })

  app.post(contributionPath, aboutChild, async (request, reply) => {
    const { childId, invitationId } = request.params as { childId: string; invitationId: string }
    const result = await contribute(db, request.user!, childId, invitationId, (request.body ?? {}) as FormBody)
    if (result.outcome === 'not-found') return notYours(request, reply, 'invitation')
    if (result.outcome === 'invalid') {
      return reply.code(400).view(`${views}/contribution.njk`, await contributionPage(request, { ...result.errors.forView(), values: { contribution: result.contribution } }))
    }
    return reply.redirect(`/partner/children/${childId}/meetings/${invitationId}?sent=true`, 303)
  })
}
