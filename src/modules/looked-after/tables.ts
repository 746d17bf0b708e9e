// Kysely's view of the looked-after module's tables (its migrations are migrations/006*_looked_after*.sql).
import type { Generated } from 'kysely'
import type { DateText, GeneratedTimestamp } from '../../platform/db/schema.js'
import type { CarePlanningTables } from './care-planning-tables.js'

export interface CarePeriodsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  start_date: DateText
  end_date: DateText | null
  category_of_need: string
  previous_permanence: string | null
  previous_permanence_la: string | null
  previous_permanence_date: DateText | null
  created_by: string | null
  created_at: GeneratedTimestamp
}

export interface CareEpisodesTable {
  id: Generated<string>
  la_code: string
  child_id: string
  period_id: string
  start_date: DateText
  reason_new_episode: string
  legal_status: string
  placement_type: string
  placement_provider: string | null
  urn: string | null
  home_postcode: string | null
  placement_postcode: string | null
  visit_regime: Generated<string>
  end_date: DateText | null
  reason_ceased: string | null
  reason_place_change: string | null
  created_by: string | null
  created_at: GeneratedTimestamp
}

interface Recorded { id: Generated<string>; la_code: string; child_id: string; recorded_by: string | null; recorded_at: GeneratedTimestamp }

export interface LookedAfterReviewsTable extends Recorded { period_id: string; review_date: DateText; participation: string }
export interface LookedAfterVisitsTable extends Recorded { period_id: string; visit_date: DateText; seen_alone: boolean }
export interface LookedAfterHealthChecksTable extends Recorded { period_id: string; kind: string; check_date: DateText }
export interface LookedAfterWellbeingTable extends Recorded {
  recorded_on: DateText
  immunisations_up_to_date: boolean
  sdq_score: number | null
  sdq_reason: string | null
  substance_misuse: boolean
  /** With a substance misuse problem: `received`, `offered` (not taken up) or `not_offered`. */
  substance_misuse_intervention: string | null
}
export interface LookedAfterConvictionsTable extends Recorded { kind: string; outcome_date: DateText }
export interface LookedAfterEducationTable extends Recorded { period_id: string; kind: string; event_date: DateText; school_name: string | null }
export interface MissingEpisodesTable extends Recorded {
  kind: string
  start_date: DateText
  end_date: DateText | null
  return_interview_offered: boolean | null
  return_interview_taken: boolean | null
}
export interface UascStatusesTable {
  child_id: string
  la_code: string
  uasc: boolean
  ceased_on: DateText | null
  updated_by: string | null
  updated_at: GeneratedTimestamp
}
export interface AdoptionMilestonesTable extends Recorded {
  period_id: string
  milestone: string
  milestone_date: DateText
  /** On a match: the adopter household (placements module), when the authority recorded it. */
  adopter_household_id: string | null
  /** On a decision no longer to place for adoption: why (903 REASON_PLACED_CEASED, RD1-RD4). */
  reason: string | null
}
/** One-time form tokens of the looked-after and care leaver forms (care-leavers claims them through the service). */
export interface CareFormSubmissionsTable { token: string; la_code: string; child_id: string; submitted_at: GeneratedTimestamp }

export interface LookedAfterTables extends CarePlanningTables {
  care_periods: CarePeriodsTable
  care_episodes: CareEpisodesTable
  looked_after_reviews: LookedAfterReviewsTable
  looked_after_visits: LookedAfterVisitsTable
  looked_after_health_checks: LookedAfterHealthChecksTable
  looked_after_wellbeing: LookedAfterWellbeingTable
  looked_after_convictions: LookedAfterConvictionsTable
  looked_after_education: LookedAfterEducationTable
  missing_episodes: MissingEpisodesTable
  uasc_statuses: UascStatusesTable
  adoption_milestones: AdoptionMilestonesTable
  care_form_submissions: CareFormSubmissionsTable
}
