// The returns module's pages.
import type { FastifyInstance } from 'fastify'

export async function registerReturnsRoutes(_app: FastifyInstance): Promise<void> {}
