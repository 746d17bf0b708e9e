// The placements module's pages: prospective adopters (adoption/).
import type { FastifyInstance } from 'fastify'
import { registerAdoptionPages } from './adoption/routes.js'

export async function registerPlacementsRoutes(app: FastifyInstance): Promise<void> {
  await registerAdoptionPages(app)
}
