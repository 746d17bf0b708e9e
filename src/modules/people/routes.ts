// The people module's pages.
import type { FastifyInstance } from 'fastify'

export async function registerPeopleRoutes(_app: FastifyInstance): Promise<void> {}
