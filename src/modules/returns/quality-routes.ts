// Live data quality where the work is done: on the child's page, the rule failures the child's record would raise
// in this year's returns with what to change; for a team manager, every such failure on the team's children, by
// worker. Shown to the children's services roles who can fix the records.
import type { FastifyInstance } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { caseworkRoles } from '../../platform/auth/roles.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { teamWork } from '../workforce/service.js'
import { collectionYearOn } from './generate/collection-year.js'
import { dataQualityFor } from './quality/data-quality.js'

export const teamDataQualityHref = '/team/data-quality'
const views = 'modules/returns/views'

export async function registerDataQualityRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addChildPageSection({
    id: 'data-quality', order: 250, template: `${views}/data-quality-section.njk`,
    load: async (sectionDb, childId, user) => {
      if (!caseworkRoles.includes(user.role)) return null
      const year = collectionYearOn()
      const issues = await dataQualityFor(sectionDb, user.laCode, [childId], year)
      return { issues, year: year.label }
    },
  })
  addNavigationItem({ href: teamDataQualityHref, text: 'Data quality', roles: ['team_manager'] })

  app.get(teamDataQualityHref, allow({ roles: ['team_manager'] }), async (request, reply) => {
    const user = request.user!
    const year = collectionYearOn()
    const work = await teamWork(db, user)
    const issues = await dataQualityFor(db, user.laCode, [...new Set(work.items.map((i) => i.childId))], year)
    const workers = [...new Set(work.items.map((i) => i.workerName))].sort().map((worker) => {
      const children = work.items.filter((i) => i.workerName === worker)
      const rows = children.flatMap((child) => issues.filter((issue) => issue.childId === child.childId)
        .map((issue) => ({ ...issue, childName: child.childName ?? 'Restricted record' })))
      return { worker, rows }
    }).filter((w) => w.rows.length > 0)
    return reply.view(`${views}/team-data-quality.njk`, {
      pageTitle: 'Data quality in the team’s records', team: work.team?.name ?? null, year: year.label, workers,
      total: workers.reduce((sum, w) => sum + w.rows.length, 0),
    })
  })
}
