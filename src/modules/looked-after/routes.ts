// The looked-after module's pages.
import type { FastifyInstance } from 'fastify'

export async function registerLookedAfterRoutes(_app: FastifyInstance): Promise<void> {}
