// The dashboard module's pages.
import type { FastifyInstance } from 'fastify'

export async function registerDashboardRoutes(_app: FastifyInstance): Promise<void> {}
