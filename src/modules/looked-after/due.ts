// What is due next for looked-after children: review, social worker visit (the reg 28 variant that fits the
// placement and legal status), health assessment and personal education plan. Every date from the one
// timescale engine; one query per kind of record for all the children at once.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { TimescaleSettings } from '../../platform/timescales/engine.js'
import {
  careOrderAtHomeVisits, healthAssessments, lookedAfterReviews, nextDue, personalEducationPlans, placedWithParentVisits,
  placementVisits, temporaryApprovalVisits, type NextDue,
} from '../../platform/timescales/sequences.js'
import { addYears, type LocalDate } from '../../platform/working-days/local-date.js'
import { lookedAfterHref } from './outcomes.js'
import {
  birthDates, educationOf, episodesOf, healthChecksOf, periodsOf, reviewsOf, visitsOf, type EpisodeRow, type PeriodRow,
} from './repository.js'

export interface DueItem { kind: 'review' | 'visit' | 'health' | 'pep'; next: NextDue; href: string }

export interface CareNow {
  childId: string
  period: PeriodRow
  episode: EpisodeRow
  due: DueItem[]
}

/** The reg 28 visiting timescale for the open episode, with its history. */
function visitDue(period: PeriodRow, episodes: EpisodeRow[], visits: LocalDate[], firstReview: LocalDate | null, settings: TimescaleSettings): NextDue | null {
  const open = episodes.at(-1)!
  const placementStart = [...episodes].reverse().find((e) => e.reason_new_episode !== 'L')?.start_date ?? period.start_date
  if (open.visit_regime === 'temporary_approval' || (open.placement_type === 'P1' && open.legal_status === 'C1')) {
    return nextDue(temporaryApprovalVisits, { placementStart, visits, firstReview }, settings)
  }
  // A placement with a parent under reg 19 (assessment not complete) is visited weekly, even under a care order.
  if (open.visit_regime === 'placed_with_parent') return nextDue(placedWithParentVisits, { placementStart, visits, firstReview }, settings)
  if (open.placement_type === 'P1' && open.legal_status === 'C2') {
    let orderMade = open.start_date
    for (const e of [...episodes].reverse()) { if (e.legal_status !== 'C2') break; orderMade = e.start_date }
    return nextDue(careOrderAtHomeVisits, { orderMade, visits }, settings)
  }
  return nextDue(placementVisits, { placementStart, visits, intendedToLastUntil18: ['U1', 'U4'].includes(open.placement_type) }, settings)
}

/** The next looked-after review, from the day the period of care began and the reviews held since. */
export function reviewDue(lookedAfterFrom: LocalDate, reviews: readonly LocalDate[], settings: TimescaleSettings): NextDue | null {
  return nextDue(lookedAfterReviews, { lookedAfterFrom, reviews }, settings)
}

export async function careNow(db: Kysely<DB>, laCode: string | null, childIds: readonly string[], today: LocalDate, settings: TimescaleSettings): Promise<CareNow[]> {
  const periods = (await periodsOf(db, laCode, childIds)).filter((p) => !p.end_date)
  if (periods.length === 0) return []
  const ids = periods.map((p) => p.child_id)
  const [episodes, reviews, visits, health, education, dobs] = await Promise.all([
    episodesOf(db, laCode, ids), reviewsOf(db, ids), visitsOf(db, ids), healthChecksOf(db, ids), educationOf(db, ids), birthDates(db, ids),
  ])
  return periods.map((period) => {
    const inPeriod = <T extends { child_id: string }>(rows: T[], date: (r: T) => string) =>
      rows.filter((r) => r.child_id === period.child_id && date(r) >= period.start_date)
    const periodEpisodes = episodes.filter((e) => e.period_id === period.id)
    const reviewDates = inPeriod(reviews, (r) => r.review_date).map((r) => r.review_date)
    const href = lookedAfterHref(period.child_id)
    const due: DueItem[] = []
    const review = reviewDue(period.start_date, reviewDates, settings)
    if (review) due.push({ kind: 'review', next: review, href: `${href}/reviews/new` })
    const visit = visitDue(period, periodEpisodes, inPeriod(visits, (v) => v.visit_date).map((v) => v.visit_date), reviewDates[0] ?? null, settings)
    if (visit) due.push({ kind: 'visit', next: visit, href: `${href}/visits/new` })
    const dob = dobs.get(period.child_id)
    if (dob) {
      const assessments = inPeriod(health, (h) => h.check_date).filter((h) => h.kind === 'health_assessment').map((h) => h.check_date)
      const healthNext = nextDue(healthAssessments, { lookedAfterFrom: period.start_date, dateOfBirth: dob, assessments }, settings)
      if (healthNext) due.push({ kind: 'health', next: healthNext, href: `${href}/health/new` })
      // Personal education plans from early years (3) to the end of compulsory education.
      if (today >= addYears(dob, 3) && today < addYears(dob, 18)) {
        const events = inPeriod(education, (e) => e.event_date)
        const lastMove = events.filter((e) => e.kind === 'school_move').at(-1)?.event_date
        const from = lastMove && lastMove > period.start_date ? lastMove : period.start_date
        const pep = nextDue(personalEducationPlans, { from, meetings: events.filter((e) => e.kind === 'pep_meeting').map((e) => e.event_date) }, settings)
        if (pep) due.push({ kind: 'pep', next: pep, href: `${href}/education/new` })
      }
    }
    return { childId: period.child_id, period, episode: periodEpisodes.at(-1)!, due }
  }).filter((c) => c.episode)
}
