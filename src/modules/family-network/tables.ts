// Kysely's view of the family-network module's tables (migrations/0130_family_network.sql).
import type { Generated } from 'kysely'
import type { DateText, GeneratedTimestamp } from '../../platform/db/schema.js'

export type PreProceedingsOutcome = 'issue' | 'step_down'
export type FgdmResponse = 'accepted' | 'declined'
export type OrderType = 'care' | 'supervision'
export type ViabilityOutcome = 'positive' | 'negative' | 'withdrawn'
export type ArrangementType = 'informal' | 'connected_person_foster_care' | 'special_guardianship_order' | 'child_arrangements_order'

/** Pre-proceedings on one CIN episode (the front door's referral). */
export interface PreProceedingsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  referral_id: string
  /** The legal meeting (gateway, panel) that decided to enter pre-proceedings. */
  decision_date: DateText
  /** The letter before proceedings sent to the parents. */
  letter_date: DateText | null
  outcome: PreProceedingsOutcome | null
  /** The legal meeting that decided to issue proceedings or to step down. */
  outcome_date: DateText | null
  created_by: string | null
  created_at: GeneratedTimestamp
}

export interface PreProceedingsMeetingsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  pre_proceedings_id: string
  meeting_date: DateText
  recorded_by: string | null
}

export interface FgdmOffersTable {
  id: Generated<string>
  la_code: string
  child_id: string
  pre_proceedings_id: string
  person_id: string
  offered_on: DateText
  in_letter_before_proceedings: boolean
  response: FgdmResponse | null
  responded_on: DateText | null
  recorded_by: string | null
}

export interface FgdmMeetingsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  pre_proceedings_id: string
  held_on: DateText
  professionals: Generated<string>
  family_plan: Generated<string>
  recorded_by: string | null
}

export interface FgdmMeetingAttendeesTable { meeting_id: string; person_id: string }

export interface FgdmExemptionsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  pre_proceedings_id: string
  decided_on: DateText
  reasons: string
  authorised_by: string
}

export interface ProceedingsApplicationsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  pre_proceedings_id: string
  applied_on: DateText
  order_type: OrderType
  court: string
  recorded_by: string | null
}

export interface ViabilityAssessmentsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  person_id: string
  started_on: DateText
  completed_on: DateText | null
  outcome: ViabilityOutcome | null
  recommendation: string | null
  recorded_by: string | null
}

export interface KinshipArrangementsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  carer_id: string
  arrangement_type: ArrangementType
  started_on: DateText
  ended_on: DateText | null
  recorded_by: string | null
}

export interface KinshipLocalOffersTable {
  la_code: string
  financial_support: string
  practical_support: string
  training: string
  contact: string
  how_to_apply: string
  updated_by: string | null
  updated_at: GeneratedTimestamp
}

export interface FamilyNetworkSubmissionsTable {
  token: string
  la_code: string
  child_id: string
  redirect_to: string
  submitted_at: GeneratedTimestamp
}

export interface FamilyNetworkTables {
  pre_proceedings: PreProceedingsTable
  pre_proceedings_meetings: PreProceedingsMeetingsTable
  fgdm_offers: FgdmOffersTable
  fgdm_meetings: FgdmMeetingsTable
  fgdm_meeting_attendees: FgdmMeetingAttendeesTable
  fgdm_exemptions: FgdmExemptionsTable
  proceedings_applications: ProceedingsApplicationsTable
  viability_assessments: ViabilityAssessmentsTable
  kinship_arrangements: KinshipArrangementsTable
  kinship_local_offers: KinshipLocalOffersTable
  family_network_submissions: FamilyNetworkSubmissionsTable
}
