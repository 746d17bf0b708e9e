// The family-help module's pages: "My families", the family help plan, child in need plans, closing the
// CIN episode and stepping between Family Help and children's social care.
import type { FastifyInstance } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { registerCasework } from './casework.js'
import { registerChildInNeedPages } from './child-in-need-routes.js'
import { registerFamilyHelpPages } from './family-help-routes.js'
import { leadRoles, myFamilies } from './service.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'

export async function registerFamilyHelpRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  registerCasework()
  addNavigationItem({ href: '/my-families', text: 'My families', roles: ['family_help'] })

  // Lead practitioners see the families they lead; supervising social workers, the ones they supervise.
  app.get('/my-families', allow({ roles: leadRoles }), async (request, reply) => {
    const families = await myFamilies(db, request.user!, todayInEngland(), await timescaleSettingsFor(db, request.user!.laCode))
    return reply.view('modules/family-help/views/my-families.njk', { pageTitle: 'My families', families })
  })

  await registerFamilyHelpPages(app)
  await registerChildInNeedPages(app)
}
