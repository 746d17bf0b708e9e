// The home page, the service's own information pages and a health check.
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { allow, publicRoute } from '../access/policy.js'
import { allRoles } from '../auth/roles.js'
import { navigationFor } from './navigation.js'

export async function registerHomeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', allow({ roles: allRoles }), async (request, reply) => {
    const authority = await app.database.db.selectFrom('local_authorities')
      .where('code', '=', request.user!.laCode).select(['name', 'code']).executeTakeFirst()
    return reply.view('platform/views/home.njk', {
      pageTitle: 'Home',
      authority,
      areas: navigationFor(request.user!.role, '/'),
    })
  })

  app.get('/accessibility', publicRoute, async (_request, reply) =>
    reply.view('platform/views/accessibility.njk', { pageTitle: 'Accessibility statement' }))

  app.get('/privacy', publicRoute, async (_request, reply) =>
    reply.view('platform/views/privacy.njk', { pageTitle: 'Privacy' }))

  app.get('/health', publicRoute, async (_request, reply) => {
    await sql`select 1`.execute(app.database.db)
    return reply.send({ status: 'ok', engine: app.database.engine })
  })
}
