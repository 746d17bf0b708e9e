// Kysely's view of the care-leavers module's tables (its migrations are migrations/007*_care_leavers*.sql).
import type { Generated } from 'kysely'
import type { DateText, GeneratedTimestamp } from '../../platform/db/schema.js'

interface Recorded { id: Generated<string>; la_code: string; child_id: string; recorded_by: string | null; recorded_at: GeneratedTimestamp }

export interface CareLeaverNeedsAssessmentsTable extends Recorded { completed_on: DateText }
export interface PathwayPlansTable extends Recorded { plan_date: DateText }
export interface PathwayPlanReviewsTable extends Recorded { plan_id: string; review_date: DateText }
export interface PersonalAdvisersTable extends Recorded { adviser_name: string; from_date: DateText; to_date: DateText | null }
export interface PersonalAdviserRequestsTable extends Recorded { requested_on: DateText }
export interface CareLeaverBirthdayContactsTable extends Recorded {
  birthday_age: number
  contact_date: DateText
  in_touch: string
  activity: string
  accommodation: string
}
export interface StayingPutArrangementsTable extends Recorded { carer_name: string; start_date: DateText; end_date: DateText | null }
export interface StayingCloseAssessmentsTable extends Recorded { assessed_on: DateText; outcome: string }

export interface CareLeaversTables {
  care_leaver_needs_assessments: CareLeaverNeedsAssessmentsTable
  pathway_plans: PathwayPlansTable
  pathway_plan_reviews: PathwayPlanReviewsTable
  personal_advisers: PersonalAdvisersTable
  personal_adviser_requests: PersonalAdviserRequestsTable
  care_leaver_birthday_contacts: CareLeaverBirthdayContactsTable
  staying_put_arrangements: StayingPutArrangementsTable
  staying_close_assessments: StayingCloseAssessmentsTable
}
