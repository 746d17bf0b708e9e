// The child-protection module's pages.
import type { FastifyInstance } from 'fastify'

export async function registerChildProtectionRoutes(_app: FastifyInstance): Promise<void> {}
