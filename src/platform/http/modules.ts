// Where every module's routes are registered. Each module exports one `register...Routes(app)`.
import type { FastifyInstance } from 'fastify'
import { registerAuthRoutes } from '../auth/routes.js'
import { registerHomeRoutes } from './home-routes.js'
import { registerAdminRoutes } from '../admin/routes.js'
import { registerBreakGlassRoutes } from '../access/break-glass-routes.js'
import { registerPeopleRoutes } from '../../modules/people/routes.js'
import { registerCaseworkRoutes } from '../../modules/people/casework/routes.js'
import { registerFrontDoorRoutes } from '../../modules/front-door/routes.js'
import { registerChildProtectionRoutes } from '../../modules/child-protection/routes.js'
import { registerFamilyHelpRoutes } from '../../modules/family-help/routes.js'
import { registerLookedAfterRoutes } from '../../modules/looked-after/routes.js'
import { registerCareLeaversRoutes } from '../../modules/care-leavers/routes.js'
import { registerPlacementsRoutes } from '../../modules/placements/routes.js'
import { registerWorkforceRoutes } from '../../modules/workforce/routes.js'
import { registerReturnsRoutes } from '../../modules/returns/routes.js'
import { registerDashboardRoutes } from '../../modules/dashboard/routes.js'
import { registerSharingRoutes } from '../../modules/sharing/routes.js'
import { registerFamilyNetworkRoutes } from '../../modules/family-network/routes.js'
import { registerMultiAgencyRoutes } from '../../modules/multi-agency/routes.js'

export async function registerModules(app: FastifyInstance): Promise<void> {
  await registerAuthRoutes(app)
  await registerHomeRoutes(app)
  await registerAdminRoutes(app)
  await registerBreakGlassRoutes(app)
  await registerPeopleRoutes(app)
  await registerCaseworkRoutes(app)
  await registerFrontDoorRoutes(app)
  await registerChildProtectionRoutes(app)
  await registerFamilyHelpRoutes(app)
  await registerLookedAfterRoutes(app)
  await registerCareLeaversRoutes(app)
  await registerPlacementsRoutes(app)
  await registerWorkforceRoutes(app)
  await registerReturnsRoutes(app)
  await registerDashboardRoutes(app)
  await registerSharingRoutes(app)
  await registerFamilyNetworkRoutes(app)
  await registerMultiAgencyRoutes(app)
}
