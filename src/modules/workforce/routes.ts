// The workforce module's pages.
import type { FastifyInstance } from 'fastify'

export async function registerWorkforceRoutes(_app: FastifyInstance): Promise<void> {}
