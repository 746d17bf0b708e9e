// Kysely's view of the sharing module's tables (migrations/0120-0129, 0140 and 0142).
import type { Generated, JSONColumnType } from 'kysely'
import type { DateText, GeneratedTimestamp, Timestamp } from '../../platform/db/schema.js'

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

export interface PersonMergesTable {
  id: Generated<string>
  la_code: string
  surviving_id: string
  merged_id: string
  reason: string
  probability: number | null
  merged_by: string
  merged_at: GeneratedTimestamp
  unmerged_by: string | null
  unmerged_at: Timestamp | null
  unmerge_reason: string | null
}

/** The rows one merge moved, by table and column: their primary keys as a JSON array of objects. */
export interface PersonMergeMovesTable {
  merge_id: string
  table_name: string
  column_name: string
  row_keys: JSONColumnType<Array<Record<string, string>>, string, string>
}

export interface RecordMatchSuggestionsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  candidate_id: string
  probability: number
  reasons: string
  source: string
  suggested_at: GeneratedTimestamp
  resolved_at: Timestamp | null
  resolved_by: string | null
  resolution: 'merged' | 'dismissed' | null
}

export interface SharingTables {
  person_merges: PersonMergesTable
  person_merge_moves: PersonMergeMovesTable
  record_match_suggestions: RecordMatchSuggestionsTable
  child_views: ChildViewsTable
  sharing_decisions: SharingDecisionsTable
  multi_agency_teams: MultiAgencyTeamsTable
  multi_agency_team_members: MultiAgencyTeamMembersTable
  multi_agency_team_cases: MultiAgencyTeamCasesTable
}
