// Kysely's view of the child-protection module's tables (migrations/0040_child_protection.sql).
import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { DateText, GeneratedTimestamp } from '../../platform/db/schema.js'

export type AssessmentStatus = 'in_progress' | 'submitted' | 'returned' | 'authorised'
export type AssessmentOutcome = 'no_further_action' | 'family_help' | 'child_in_need_plan' | 'strategy_discussion' | 'looked_after'
export type AttendingAgency = 'social_care' | 'police' | 'health' | 'education' | 'other'
export type StrategyDecision = 'section_47' | 'no_section_47' | 'other'
export type Section47Outcome = 'conference' | 'no_conference' | 'not_substantiated'
export type CategoryOfAbuse = 'NEG' | 'PHY' | 'SAB' | 'EMO'
export type PlanEndReason = 'no_continuing_risk' | 'transferred' | 'reached_18' | 'died' | 'left_uk'
export type ConferenceDecision = 'plan' | 'no_plan' | 'continue' | 'end'

export interface Attendee { agency: AttendingAgency; names: string }

export interface LocalTimescaleSettingsTable {
  la_code: string
  settings: JSONColumnType<Record<string, unknown>, string, string>
  updated_by: string | null
  updated_at: GeneratedTimestamp
}

export interface AssessmentsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  referral_id: string
  start_date: DateText
  status: ColumnType<AssessmentStatus, AssessmentStatus | undefined, AssessmentStatus>
  factors: ColumnType<string[], string[] | undefined, string[]>
  outcome: AssessmentOutcome | null
  analysis: string | null
  completed_on: DateText | null
  late_reason: string | null
  submitted_by: string | null
  manager_comments: string | null
  authorised_on: DateText | null
  authorised_by: string | null
  started_by: string
  created_at: GeneratedTimestamp
}

export interface StrategyDiscussionsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  referral_id: string
  discussion_date: DateText
  attendees: JSONColumnType<Attendee[], string, string>
  decision: StrategyDecision
  decision_detail: string | null
  recorded_by: string
  recorded_at: GeneratedTimestamp
}

export interface Section47EnquiriesTable {
  id: Generated<string>
  la_code: string
  child_id: string
  referral_id: string
  strategy_discussion_id: string
  start_date: DateText
  outcome: Section47Outcome | null
  outcome_date: DateText | null
  icpc_not_required: Generated<boolean>
  started_by: string
  created_at: GeneratedTimestamp
}

export interface ChildProtectionConferencesTable {
  id: Generated<string>
  la_code: string
  child_id: string
  kind: 'initial' | 'review'
  section47_id: string | null
  plan_id: string | null
  conference_date: DateText
  decision: ConferenceDecision
  category: CategoryOfAbuse | null
  chair_id: string
  recorded_at: GeneratedTimestamp
}

export interface ChildProtectionPlansTable {
  id: Generated<string>
  la_code: string
  child_id: string
  referral_id: string
  initial_conference_id: string
  start_date: DateText
  initial_category: CategoryOfAbuse
  latest_category: CategoryOfAbuse
  previous_plans: number
  end_date: DateText | null
  end_reason: PlanEndReason | null
  transfer_conference_date: DateText | null
  ended_by: string | null
}

export interface CoreGroupMeetingsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  plan_id: string
  meeting_date: DateText
  recorded_by: string
  recorded_at: GeneratedTimestamp
}

export interface ChildProtectionTables {
  local_timescale_settings: LocalTimescaleSettingsTable
  assessments: AssessmentsTable
  strategy_discussions: StrategyDiscussionsTable
  section47_enquiries: Section47EnquiriesTable
  child_protection_conferences: ChildProtectionConferencesTable
  child_protection_plans: ChildProtectionPlansTable
  core_group_meetings: CoreGroupMeetingsTable
}
