// The care-leavers module's pages.
import type { FastifyInstance } from 'fastify'

export async function registerCareLeaversRoutes(_app: FastifyInstance): Promise<void> {}
