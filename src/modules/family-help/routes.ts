// The family-help module's pages.
import type { FastifyInstance } from 'fastify'

export async function registerFamilyHelpRoutes(_app: FastifyInstance): Promise<void> {}
