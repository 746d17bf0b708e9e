// The social worker's side of multi-agency meetings: arranging a strategy discussion or conference with its
// chair and invited partners, and reading the contributions (the chair reads them through the involvement
// the meeting gives them). A section on the child's page shows what is arranged.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { allow, caseworkLinks } from '../../platform/access/policy.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import type { FormBody } from '../../platform/forms/form.js'
import { arrangeMeeting, invitees, meetingKinds, meetingsOf } from './meetings.js'

const views = 'modules/multi-agency/views'
const purpose = 'child protection meetings'
const readAccess = allow({ roles: ['social_worker', 'team_manager', 'iro'], child: { param: 'childId', links: caseworkLinks, purpose } })
const arrangeAccess = allow({ roles: ['social_worker', 'team_manager'], child: { param: 'childId', links: caseworkLinks, purpose } })

export async function registerMeetingRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  const childIdOf = (request: FastifyRequest) => (request.params as { childId: string }).childId

  addChildPageSection({
    id: 'multi-agency-meetings', order: 160, template: `${views}/section.njk`,
    load: async (sectionDb, childId, user) => {
      if (!['social_worker', 'team_manager', 'iro'].includes(user.role)) return null
      const meetings = await meetingsOf(sectionDb, user.laCode, childId)
      return { meetings: meetings.slice(0, 3), childId }
    },
  })

  app.get('/children/:childId/meetings', readAccess, async (request, reply) => reply.view(`${views}/meetings.njk`, {
    pageTitle: 'Strategy discussions and conferences', childId: childIdOf(request),
    meetings: await meetingsOf(db, request.user!.laCode, childIdOf(request)),
    canArrange: request.user!.role !== 'iro', arranged: (request.query as FormBody).arranged === 'true',
  }))

  const arrangePage = async (request: FastifyRequest, context: Record<string, unknown>) => ({
    pageTitle: 'Arrange a strategy discussion or conference', childId: childIdOf(request), kinds: meetingKinds,
    ...(await invitees(db, request.user!.laCode)), values: { formToken: randomUUID(), invited: [] }, ...context,
  })

  app.get('/children/:childId/meetings/new', arrangeAccess, async (request, reply) => reply.view(`${views}/meeting-new.njk`, await arrangePage(request, {})))

  app.post('/children/:childId/meetings/new', arrangeAccess, async (request, reply) => {
    const result = await arrangeMeeting(db, request.user!, childIdOf(request), (request.body ?? {}) as FormBody)
    if (result.outcome === 'invalid') {
      return reply.code(400).view(`${views}/meeting-new.njk`, await arrangePage(request, { ...result.errors.forView(), values: result.answers }))
    }
    return reply.redirect(`/children/${childIdOf(request)}/meetings?arranged=true`, 303)
  })
}
