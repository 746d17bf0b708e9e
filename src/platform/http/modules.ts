// Where every module's routes are registered. Each module exports one `register(app)`.
import type { FastifyInstance } from 'fastify'
import { registerAuthRoutes } from '../auth/routes.js'
import { registerHomeRoutes } from './home-routes.js'

export async function registerModules(app: FastifyInstance): Promise<void> {
  await registerAuthRoutes(app)
  await registerHomeRoutes(app)
}
