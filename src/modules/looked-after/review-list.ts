// The reviewing officer's list of the authority's children in care: when each child's next looked-after review is
// due (the same timescale as the child's page, through `reviewDue`), and when they last had a review and an IRO
// contact. One query reads every child in care of the authority, so the list can be sorted by due date and filtered
// before a page of it is shown.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { deadlineStatus, type TimescaleSettings } from '../../platform/timescales/engine.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { labelFor, placementTypes } from '../placements/service.js'
import { legalStatuses } from './codes.js'
import { reviewDue } from './due.js'
import { iroContactFormHref, reviewFormHref } from './outcomes.js'

export const reviewFilters = {
  soon: 'Overdue or due in the next 4 weeks',
  overdue: 'Overdue',
  all: 'All children in care',
} as const

export type ReviewFilter = keyof typeof reviewFilters

export const isReviewFilter = (value: unknown): value is ReviewFilter => typeof value === 'string' && Object.hasOwn(reviewFilters, value)

const soonWithinDays = 28
const childrenPerPage = 50

interface Reader { id: string; laCode: string }

/** Every child in care of the authority the reader may see, with what their next review is counted from. */
async function childrenInCare(db: Kysely<DB>, reader: Reader) {
  return db.selectFrom('care_periods as cp')
    .innerJoin('people as c', 'c.id', 'cp.child_id')
    // The open episode of the period, as on the child's page: the latest to start.
    .innerJoinLateral((eb) => eb.selectFrom('care_episodes as e').whereRef('e.period_id', '=', 'cp.id')
      .select(['e.legal_status', 'e.placement_type']).orderBy('e.start_date', 'desc').orderBy('e.created_at', 'desc').limit(1).as('ep'), (join) => join.onTrue())
    // The reviews held in the period: one row (an aggregate), however many there were.
    .innerJoinLateral((eb) => eb.selectFrom('looked_after_reviews as r').whereRef('r.child_id', '=', 'cp.child_id').whereRef('r.review_date', '>=', 'cp.start_date')
      .select((r) => [r.fn.countAll<string>().as('reviews_held'), r.fn.min('r.review_date').as('first_review'), r.fn.max('r.review_date').as('last_review')])
      .as('rv'), (join) => join.onTrue())
    .where('cp.la_code', '=', reader.laCode).where('cp.end_date', 'is', null).where('c.merged_into', 'is', null)
    // A restricted record is listed only to those named on it, as access to the child is (child-access.ts).
    .where((eb) => eb.or([eb('c.restricted', '=', false), eb.exists(eb.selectFrom('restricted_access as ra')
      .whereRef('ra.child_id', '=', 'c.id').where('ra.user_id', '=', reader.id).select('ra.child_id'))]))
    .select(['cp.child_id', 'cp.start_date', 'c.first_name', 'c.last_name', 'ep.legal_status', 'ep.placement_type', 'rv.reviews_held', 'rv.first_review', 'rv.last_review'])
    .select((eb) => eb.selectFrom('iro_contacts as ic').whereRef('ic.la_code', '=', 'cp.la_code').whereRef('ic.child_id', '=', 'cp.child_id')
      .whereRef('ic.contact_date', '>=', 'cp.start_date').select((r) => r.fn.max('ic.contact_date').as('d')).as('last_contact'))
    .execute()
}

/**
 * The reviews held in the period as the review timescale reads them: it counts from the first review while only one
 * is held and from the latest after that, so the first and latest stand for them all.
 */
function reviewsHeld(count: number, first: LocalDate | null, last: LocalDate | null): LocalDate[] {
  if (count === 0 || !first || !last) return []
  return count === 1 ? [first] : [first, last]
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export interface ReviewListPage {
  children: ReturnType<typeof toRow>[]
  total: number
  page: number
  pages: number
}

function toRow(child: Awaited<ReturnType<typeof childrenInCare>>[number], settings: TimescaleSettings, today: LocalDate) {
  // While a child is in care another review is always due.
  const next = reviewDue(child.start_date, reviewsHeld(Number(child.reviews_held), child.first_review ?? null, child.last_review ?? null), settings)!
  const { daysLeft } = deadlineStatus(next.due, today)
  return {
    childId: child.child_id,
    name: `${child.first_name} ${child.last_name}`,
    legalStatus: `${labelFor(legalStatuses, child.legal_status)} (${child.legal_status})`,
    placement: `${labelFor(placementTypes, child.placement_type)} (${child.placement_type})`,
    review: next.rule.name,
    due: next.due,
    daysLeft,
    overdue: daysLeft < 0,
    status: daysLeft < 0 ? `${plural(-daysLeft, 'day')} overdue` : daysLeft === 0 ? 'Due today' : `${plural(daysLeft, 'day')} left`,
    lastReview: child.last_review ?? null,
    lastContact: child.last_contact ?? null,
    reviewHref: reviewFormHref(child.child_id),
    contactHref: iroContactFormHref(child.child_id),
  }
}

/** One page of the children in care, the soonest due (most overdue) first; a page out of range shows the nearest. */
export async function reviewList(db: Kysely<DB>, reader: Reader, settings: TimescaleSettings,
  { filter, page, perPage = childrenPerPage }: { filter: ReviewFilter; page: number; perPage?: number }, today: LocalDate): Promise<ReviewListPage> {
  const kept = (await childrenInCare(db, reader)).map((child) => toRow(child, settings, today))
    .filter((row) => filter === 'all' || (filter === 'overdue' ? row.overdue : row.daysLeft <= soonWithinDays))
    .sort((a, b) => a.due.localeCompare(b.due) || a.name.localeCompare(b.name))
  const pages = Math.max(1, Math.ceil(kept.length / perPage))
  const shown = Math.min(Math.max(1, page), pages)
  return { children: kept.slice((shown - 1) * perPage, shown * perPage), total: kept.length, page: shown, pages }
}

/** The first, last and nearby pages, with gaps (null) between, as the GOV.UK pagination pattern shows them. */
export function pageNumbers(current: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b)
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]))
}
