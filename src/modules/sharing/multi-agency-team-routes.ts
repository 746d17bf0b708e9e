// Pages for multi-agency child protection teams: the list, setting one up, and a team with its cases.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { partnerRoles, type Role } from '../../platform/auth/roles.js'
import { errorPage } from '../../platform/http/errors.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import type { FormBody } from '../../platform/forms/form.js'
import { assignCaseToTeam, capacities, createMultiAgencyTeam, eligibleMembers, teamDetail, teamsFor } from './multi-agency-teams.js'

const managers: Role[] = ['team_manager', 'administrator']
const members: Role[] = ['social_worker', 'team_manager', 'administrator', ...partnerRoles]
const isManager = (role: Role) => managers.includes(role)

export async function registerMultiAgencyTeamRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: '/multi-agency-teams', text: 'Multi-agency teams', roles: members })

  app.get('/multi-agency-teams', allow({ roles: members }), async (request, reply) => {
    const user = request.user!
    return reply.view('modules/sharing/views/teams.njk', {
      pageTitle: 'Multi-agency child protection teams', teams: await teamsFor(db, user, { all: isManager(user.role) }), canCreate: isManager(user.role),
    })
  })

  const newTeamView = async (laCode: string, context: Record<string, unknown> = {}) => ({
    pageTitle: 'Set up a multi-agency child protection team', groups: await eligibleMembers(db, laCode), values: {}, ...context,
  })

  app.get('/multi-agency-teams/new', allow({ roles: managers }), async (request, reply) =>
    reply.view('modules/sharing/views/team-new.njk', await newTeamView(request.user!.laCode)))

  app.post('/multi-agency-teams/new', allow({ roles: managers }), async (request, reply) => {
    const result = await createMultiAgencyTeam(db, request.user!, (request.body ?? {}) as FormBody)
    if (result.outcome === 'invalid') {
      return reply.code(400).view('modules/sharing/views/team-new.njk', await newTeamView(request.user!.laCode, { ...result.errors.forView(), values: result.values }))
    }
    return reply.redirect(`/multi-agency-teams/${result.teamId}`, 303)
  })

  const showTeam = async (request: FastifyRequest, context: Record<string, unknown> = {}) => {
    const user = request.user!
    const { teamId } = request.params as { teamId: string }
    const detail = /^[0-9a-f-]{36}$/i.test(teamId) ? await teamDetail(db, user, teamId, { all: isManager(user.role) }) : null
    return detail && { pageTitle: detail.team.name, ...detail, capacities, canAssign: isManager(user.role), values: {}, ...context }
  }

  app.get('/multi-agency-teams/:teamId', allow({ roles: members }), async (request, reply) => {
    const context = await showTeam(request)
    return context ? reply.view('modules/sharing/views/team.njk', context) : errorPage(reply, 404)
  })

  app.post('/multi-agency-teams/:teamId/cases', allow({ roles: managers }), async (request, reply) => {
    const { teamId } = request.params as { teamId: string }
    if (!(await showTeam(request))) return errorPage(reply, 404)
    const result = await assignCaseToTeam(db, request.user!, teamId, (request.body ?? {}) as FormBody)
    if (result.outcome === 'invalid') {
      return reply.code(400).view('modules/sharing/views/team.njk', (await showTeam(request, { ...result.errors.forView(), values: result.values }))!)
    }
    return reply.redirect(`/multi-agency-teams/${teamId}`, 303)
  })
}
