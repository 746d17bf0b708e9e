// Multi-agency working: the partner portal and the strategy discussions and conferences partners are invited to.
import type { FastifyInstance } from 'fastify'
import { registerMeetingRoutes } from './meeting-routes.js'
import { registerPartnerRoutes } from './partner-routes.js'

export async function registerMultiAgencyRoutes(app: FastifyInstance): Promise<void> {
  await registerPartnerRoutes(app)
  await registerMeetingRoutes(app)
}
