// The workforce module's pages: allocating a child, "my work" and the team's work with caseloads.
import type { FastifyInstance } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { text, type FormBody } from '../../platform/forms/form.js'
import { allocatableWorkers, allocateChild, allocationHistory, myWork, teamWork } from './service.js'

const allocateAccess = allow({ roles: ['team_manager'], child: { param: 'childId', links: ['authority'], purpose: 'allocation' } })

export async function registerWorkforceRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: '/my-work', text: 'My work', roles: ['social_worker', 'team_manager'] })
  addNavigationItem({ href: '/team', text: 'Team', roles: ['team_manager'] })
  addChildPageSection({
    id: 'allocation-history', order: 90, template: 'modules/workforce/views/section.njk',
    load: async (sectionDb, childId, user) => ({ history: await allocationHistory(sectionDb, user.laCode, childId), canAllocate: user.role === 'team_manager' }),
  })

  app.get('/my-work', allow({ roles: ['social_worker', 'team_manager'] }), async (request, reply) =>
    reply.view('modules/workforce/views/my-work.njk', { pageTitle: 'My work', items: await myWork(db, request.user!) }))

  app.get('/team', allow({ roles: ['team_manager'] }), async (request, reply) =>
    reply.view('modules/workforce/views/team.njk', { pageTitle: 'Team’s work', ...(await teamWork(db, request.user!)) }))

  const allocateView = async (laCode: string, childId: string, context: Record<string, unknown> = {}) => ({
    pageTitle: 'Allocate a worker', childId, workers: await allocatableWorkers(db, laCode),
    history: await allocationHistory(db, laCode, childId), values: {}, ...context,
  })

  app.get('/children/:childId/allocate', allocateAccess, async (request, reply) =>
    reply.view('modules/workforce/views/allocate.njk', await allocateView(request.user!.laCode, (request.params as { childId: string }).childId)))

  app.post('/children/:childId/allocate', allocateAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const workerId = text((request.body ?? {}) as FormBody, 'workerId')
    const result = await allocateChild(db, request.user!, childId, workerId)
    if (result.outcome === 'invalid') {
      return reply.code(400).view('modules/workforce/views/allocate.njk', await allocateView(request.user!.laCode, childId, {
        errors: [{ text: result.message, href: '#workerId' }], fieldErrors: { workerId: result.message }, values: { workerId },
      }))
    }
    return reply.redirect(`/children/${childId}`, 303)
  })
}
