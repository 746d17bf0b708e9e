// The reviewing officer's work list: the authority's children in care, the next looked-after review first.
import type { FastifyInstance } from 'fastify'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { reviewListAccess } from './access.js'
import { isReviewFilter, reviewFilters, reviewList, type ReviewFilter } from './review-list.js'

/** The first, last and nearby pages, with gaps (null) between, as the GOV.UK pagination pattern shows them. */
function pageNumbers(current: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b)
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]))
}

export async function registerReviewListRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: '/reviews', text: 'Looked-after reviews', roles: ['iro'] })

  app.get('/reviews', reviewListAccess, async (request, reply) => {
    const query = request.query as Record<string, unknown>
    const filter: ReviewFilter = isReviewFilter(query.due) ? query.due : 'soon'
    const asked = Number.parseInt(String(query.page ?? '1'), 10)
    const user = request.user!
    const list = await reviewList(db, user, await timescaleSettingsFor(db, user.laCode), filter, Number.isFinite(asked) ? asked : 1, todayInEngland())
    const pageHref = (page: number) => `/reviews?due=${filter}&page=${page}`
    return reply.view('modules/looked-after/views/reviews.njk', {
      pageTitle: 'Looked-after reviews', ...list, filter,
      filters: Object.entries(reviewFilters).map(([value, text]) => ({ value, text, checked: value === filter })),
      pagination: list.pages > 1 ? {
        previous: list.page > 1 ? { href: pageHref(list.page - 1) } : undefined,
        next: list.page < list.pages ? { href: pageHref(list.page + 1) } : undefined,
        items: pageNumbers(list.page, list.pages).map((n) => (n === null ? { ellipsis: true } : { number: n, href: pageHref(n), current: n === list.page })),
      } : null,
    })
  })
}
