// The workforce module's pages: allocating a child to a worker and team, "my work" and the team's work.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { text, type FormBody } from '../../platform/forms/form.js'
import { getChildSummary } from '../people/service.js'
import { registerStaffRoutes } from './staff-routes.js'
import { changeReasons } from './change-reasons.js'
import { allocatableWorkers, allocateChild, allocationHistory, allocationTeams, myWork, teamWork } from './service.js'

// A team manager allocates any child of the authority: an unallocated child has no other link to anyone.
const allocateAccess = allow({ roles: ['team_manager'], child: { param: 'childId', links: ['authority'], purpose: 'allocation' } })
const views = 'modules/workforce/views'

export async function registerWorkforceRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  await registerStaffRoutes(app)
  addNavigationItem({ href: '/my-work', text: 'My work', roles: ['social_worker', 'team_manager'] })
  addNavigationItem({ href: '/team', text: 'Team', roles: ['team_manager'] })
  addChildPageSection({
    id: 'allocation-history', order: 90, template: `${views}/section.njk`,
    load: async (sectionDb, childId, user) => ({ history: await allocationHistory(sectionDb, user.laCode, childId), canAllocate: user.role === 'team_manager' }),
  })

  app.get('/my-work', allow({ roles: ['social_worker', 'team_manager'] }), async (request, reply) =>
    reply.view(`${views}/my-work.njk`, { pageTitle: 'My work', items: await myWork(db, request.user!) }))

  app.get('/team', allow({ roles: ['team_manager'] }), async (request, reply) =>
    reply.view(`${views}/team.njk`, { pageTitle: 'Team’s work', ...(await teamWork(db, request.user!)) }))

  const allocatePage = async (request: FastifyRequest, reply: FastifyReply, context: Record<string, unknown>) => {
    const { laCode } = request.user!
    const childId = (request.params as { childId: string }).childId
    const [child, teams, workers, history] = await Promise.all([
      getChildSummary(db, laCode, childId), allocationTeams(db, laCode), allocatableWorkers(db, laCode), allocationHistory(db, laCode, childId),
    ])
    return reply.view(`${views}/allocate.njk`, { pageTitle: 'Allocate a worker', childId, child, teams, workers, history, changeReasons, ...context })
  }

  app.get('/children/:childId/allocate', allocateAccess, async (request, reply) =>
    allocatePage(request, reply, { values: { teamId: request.user!.teamId ?? '' } }))

  app.post('/children/:childId/allocate', allocateAccess, async (request, reply) => {
    const childId = (request.params as { childId: string }).childId
    const body = (request.body ?? {}) as FormBody
    const values = { teamId: text(body, 'teamId'), workerId: text(body, 'workerId'), reason: text(body, 'reason') }
    const result = await allocateChild(db, request.user!, childId, values)
    if (result.outcome === 'invalid') return allocatePage(request, reply.code(400), { values, ...result.errors.forView() })
    return reply.redirect(`/children/${childId}#allocation-history`, 303)
  })
}
