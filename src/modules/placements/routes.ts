// The placements module's pages.
import type { FastifyInstance } from 'fastify'

export async function registerPlacementsRoutes(_app: FastifyInstance): Promise<void> {}
