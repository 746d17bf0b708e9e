// The returns module's pages.
import type { FastifyInstance } from 'fastify'
import { registerAnnexARoutes } from './annex-a/routes.js'
import { registerGeneratedReturnRoutes } from './generated-routes.js'
import { registerImportedNameSection } from './import/name-section.js'
import { registerDataQualityRoutes } from './quality-routes.js'
import { registerValidateRoutes } from './validate-routes.js'

export async function registerReturnsRoutes(app: FastifyInstance): Promise<void> {
  await registerAnnexARoutes(app)
  await registerGeneratedReturnRoutes(app)
  await registerDataQualityRoutes(app)
  await registerValidateRoutes(app)
  registerImportedNameSection()
}
