// The child protection records in CIN census shape, for the returns generator: assessments with their factors,
// section 47 enquiries with the initial conference's target (CP-05, from this authority's timescales) and date,
// and plans with their review conferences. Each record names its CIN episode (the front door's referral).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { dueDate } from '../../platform/timescales/engine.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'
import { childProtectionFacts } from './returns-facts.js'
import type { CategoryOfAbuse } from './tables.js'

export interface CensusAssessment {
  referralId: string
  startDate: LocalDate
  /** Set once a manager authorised it; the factors count only then. */
  authorisedOn: LocalDate | null
  factors: string[]
}

export interface CensusSection47 {
  referralId: string
  startDate: LocalDate
  /** 15 working days from the strategy discussion that started it (CP-05). */
  initialConferenceTarget: LocalDate | null
  initialConferenceDate: LocalDate | null
  icpcNotRequired: boolean
}

export interface CensusPlan {
  referralId: string
  startDate: LocalDate
  endDate: LocalDate | null
  initialCategory: CategoryOfAbuse
  latestCategory: CategoryOfAbuse
  previousPlans: number
  reviewDates: LocalDate[]
}

export interface ChildProtectionCensus {
  assessments: CensusAssessment[]
  section47s: CensusSection47[]
  plans: CensusPlan[]
}

/** These children's child protection records (of the authority), each list oldest first. */
export async function childProtectionCensusFor(db: Kysely<DB>, laCode: string, childIds: readonly string[]): Promise<Map<string, ChildProtectionCensus>> {
  const byChild = new Map<string, ChildProtectionCensus>(childIds.map((id) => [id, { assessments: [], section47s: [], plans: [] }]))
  if (childIds.length === 0) return byChild
  const [{ assessments, strategyDiscussions, section47s, conferences, plans }, settings] = await Promise.all([
    childProtectionFacts(db, laCode, childIds), timescaleSettingsFor(db, laCode),
  ])
  const discussionDate = new Map(strategyDiscussions.map((d) => [d.id, d.discussion_date]))
  const initialConference = new Map(conferences.filter((c) => c.kind === 'initial' && c.section47_id).map((c) => [c.section47_id!, c.conference_date]))
  for (const a of assessments) {
    byChild.get(a.child_id)?.assessments.push({ referralId: a.referral_id, startDate: a.start_date, authorisedOn: a.authorised_on, factors: a.factors })
  }
  for (const s of section47s) {
    const discussed = discussionDate.get(s.strategy_discussion_id)
    byChild.get(s.child_id)?.section47s.push({
      referralId: s.referral_id, startDate: s.start_date, initialConferenceTarget: discussed ? dueDate('CP-05', discussed, settings) : null,
      initialConferenceDate: initialConference.get(s.id) ?? null, icpcNotRequired: s.icpc_not_required,
    })
  }
  for (const p of plans) {
    const reviewDates = conferences.filter((c) => c.kind === 'review' && c.plan_id === p.id).map((c) => c.conference_date)
    byChild.get(p.child_id)?.plans.push({
      referralId: p.referral_id, startDate: p.start_date, endDate: p.end_date, initialCategory: p.initial_category,
      latestCategory: p.latest_category, previousPlans: p.previous_plans, reviewDates,
    })
  }
  return byChild
}
