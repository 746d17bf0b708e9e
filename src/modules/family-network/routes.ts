// The family-network module's pages: pre-proceedings and family group decision making, kinship, and the
// authority's kinship local offer; and its section on the child's page.
import type { FastifyInstance } from 'fastify'
import { caseworkRoles } from '../../platform/auth/roles.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { registerCasework } from './casework.js'
import { registerKinshipPages } from './kinship-routes.js'
import { localOfferHref, registerLocalOfferPages } from './local-offer-routes.js'
import { registerProceedingsPages } from './proceedings-routes.js'

export async function registerFamilyNetworkRoutes(app: FastifyInstance): Promise<void> {
  registerCasework()
  addNavigationItem({ href: localOfferHref, text: 'Kinship local offer', roles: [...caseworkRoles, 'administrator'] })
  await registerProceedingsPages(app)
  await registerKinshipPages(app)
  await registerLocalOfferPages(app)
}
