// Kysely's view of the sharing module's tables (migrations/0120-0129).
import type { Generated } from 'kysely'
import type { DateText, GeneratedTimestamp } from '../../platform/db/schema.js'

export interface SharingDecisionsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  direction: string
  other_agency: string
  information: string
  decision: string
  lawful_basis: string
  reason: string | null
  decided_on: DateText
  decided_by: string
  recorded_at: GeneratedTimestamp
  form_token: string | null
}

export interface MultiAgencyTeamsTable { id: Generated<string>; la_code: string; name: string; created_at: GeneratedTimestamp }

export type MemberCapacity = 'social_worker' | 'education' | 'health' | 'police'

export interface MultiAgencyTeamMembersTable { team_id: string; user_id: string; capacity: MemberCapacity }

export interface MultiAgencyTeamCasesTable {
  id: Generated<string>
  la_code: string
  team_id: string
  child_id: string
  lead_practitioner_id: string
  opened_on: DateText
  closed_on: DateText | null
}

export interface ChildViewsTable { user_id: string; child_id: string; last_seen_event_id: string; seen_at: GeneratedTimestamp }

export interface SharingTables {
  child_views: ChildViewsTable
  sharing_decisions: SharingDecisionsTable
  multi_agency_teams: MultiAgencyTeamsTable
  multi_agency_team_members: MultiAgencyTeamMembersTable
  multi_agency_team_cases: MultiAgencyTeamCasesTable
}
