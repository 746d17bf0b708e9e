// The child-protection module's pages: assessments, strategy discussions, section 47 enquiries, conferences,
// plans and the authority's local timescales; and its deadlines and child page section.
import type { FastifyInstance } from 'fastify'
import { registerAssessmentRoutes } from './assessment-routes.js'
import { registerCasework } from './casework.js'
import { registerChairRoutes } from './chair-routes.js'
import { registerProtectionRoutes } from './protection-routes.js'

export async function registerChildProtectionRoutes(app: FastifyInstance): Promise<void> {
  registerCasework()
  await registerAssessmentRoutes(app)
  await registerProtectionRoutes(app)
  await registerChairRoutes(app)
}
