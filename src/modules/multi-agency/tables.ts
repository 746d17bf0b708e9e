// Kysely's view of the multi-agency module's tables (migrations/0141_multi_agency_meetings.sql).
import type { Generated } from 'kysely'
import type { DateText, GeneratedTimestamp, Timestamp } from '../../platform/db/schema.js'

export type MeetingKind = 'strategy_discussion' | 'initial_conference' | 'review_conference'

export interface MultiAgencyMeetingsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  kind: MeetingKind
  meeting_date: DateText
  chair_id: string | null
  arranged_by: string
  arranged_at: GeneratedTimestamp
  form_token: string | null
}

export interface MeetingInvitationsTable {
  id: Generated<string>
  la_code: string
  meeting_id: string
  child_id: string
  user_id: string
  involvement_id: string
  invited_at: GeneratedTimestamp
  contribution: string | null
  contributed_at: Timestamp | null
}

export interface MultiAgencyTables {
  multi_agency_meetings: MultiAgencyMeetingsTable
  meeting_invitations: MeetingInvitationsTable
}
