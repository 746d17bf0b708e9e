// Kysely's view of the family-help module's tables (migrations/0050_family_help.sql).
import type { Generated } from 'kysely'
import type { DateText, GeneratedTimestamp } from '../../platform/db/schema.js'

export type GoalProgress = 'not_started' | 'in_progress' | 'achieved' | 'stopped'
export type CinReviewOutcome = 'continue' | 'change' | 'end' | 'step_down'

/** A child in need plan, on the CIN episode (the front door's referral). */
export interface CinPlansTable {
  id: Generated<string>
  la_code: string
  child_id: string
  referral_id: string
  start_date: DateText
  end_date: DateText | null
  created_by: string | null
  created_at: GeneratedTimestamp
}

export interface CinPlanReviewsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  cin_plan_id: string
  review_date: DateText
  outcome: CinReviewOutcome
  notes: Generated<string>
  next_review_due: DateText | null
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

export interface FamilyHelpEpisodesTable {
  id: Generated<string>
  la_code: string
  child_id: string
  start_date: DateText
  end_date: DateText | null
  reason: string
  end_reason: string | null
  lead_practitioner_id: string
  supervising_social_worker_id: string | null
  allocation_id: string | null
  contact_id: string | null
  stepped_down_from_referral_id: string | null
  stepped_up_to_referral_id: string | null
  /** The Family Help (early help) assessment's completion; it starts with the episode. */
  assessment_completed_on: DateText | null
  created_by: string | null
  created_at: GeneratedTimestamp
}

/** A goal of a family help plan or of a child in need plan (exactly one of the two ids is set). */
export interface PlanGoalsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  family_help_episode_id: string | null
  cin_plan_id: string | null
  description: string
  progress: Generated<GoalProgress>
  position: number
  carried_over_from: string | null
  updated_at: GeneratedTimestamp
}

export interface FamilyHelpReviewsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  episode_id: string
  review_date: DateText
  notes: string
  next_review_due: DateText
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

/** One row per form sent: a second click with the same token goes where the first went. */
export interface FamilyHelpSubmissionsTable {
  token: string
  la_code: string
  child_id: string
  redirect_to: string
  submitted_at: GeneratedTimestamp
}

export interface FamilyHelpTables {
  cin_plans: CinPlansTable
  cin_plan_reviews: CinPlanReviewsTable
  family_help_episodes: FamilyHelpEpisodesTable
  plan_goals: PlanGoalsTable
  family_help_reviews: FamilyHelpReviewsTable
  family_help_submissions: FamilyHelpSubmissionsTable
}
