// The returns module's pages.
import type { FastifyInstance } from 'fastify'
import { registerAnnexARoutes } from './annex-a/routes.js'

export async function registerReturnsRoutes(app: FastifyInstance): Promise<void> {
  await registerAnnexARoutes(app)
}
