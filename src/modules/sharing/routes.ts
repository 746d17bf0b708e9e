// The sharing module's pages.
import type { FastifyInstance } from 'fastify'

export async function registerSharingRoutes(_app: FastifyInstance): Promise<void> {}
