// The front-door module's pages.
import type { FastifyInstance } from 'fastify'

export async function registerFrontDoorRoutes(_app: FastifyInstance): Promise<void> {}
