// The reviewing officer's work list: the authority's children in care, the next looked-after review first.
import type { FastifyInstance } from 'fastify'
import { childrenUserMayOpen } from '../../platform/access/role-may-open.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { reviewListAccess } from './access.js'
import { isReviewFilter, pageNumbers, reviewFilters, reviewList, type ReviewFilter } from './review-list.js'

export async function registerReviewListRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: '/reviews', text: 'Looked-after reviews', roles: ['iro'] })

  app.get('/reviews', reviewListAccess, async (request, reply) => {
    const query = request.query as Record<string, unknown>
    const filter: ReviewFilter = isReviewFilter(query.due) ? query.due : 'soon'
    const asked = Number.parseInt(String(query.page ?? '1'), 10)
    const user = request.user!
    const list = await reviewList(db, user, await timescaleSettingsFor(db, user.laCode), { filter, page: Number.isFinite(asked) ? asked : 1 }, todayInEngland())
    // A name links to the child's page where the access policy lets the user in (for a reviewing officer, any child in
    // the authority's care): the list asks the policy rather than assuming it.
    const openable = await childrenUserMayOpen(db, app.routeAccess, user, '/children/:childId', list.children.map((c) => c.childId))
    const pageHref = (page: number) => `/reviews?due=${filter}&page=${page}`
    return reply.view('modules/looked-after/views/reviews.njk', {
      pageTitle: 'Looked-after reviews', ...list,
      children: list.children.map((c) => ({ ...c, childHref: openable.has(c.childId) ? `/children/${c.childId}` : null })),
      filters: Object.entries(reviewFilters).map(([value, text]) => ({ value, text, checked: value === filter })),
      pagination: list.pages > 1 ? {
        previous: list.page > 1 ? { href: pageHref(list.page - 1) } : undefined,
        next: list.page < list.pages ? { href: pageHref(list.page + 1) } : undefined,
        items: pageNumbers(list.page, list.pages).map((n) => (n === null ? { ellipsis: true } : { number: n, href: pageHref(n), current: n === list.page })),
      } : null,
    })
  })
}
