// Kysely's view of case notes, visits and drafts (migrations/0030_casework_notes.sql, 0031).
import type { Generated } from 'kysely'
import type { DateText, GeneratedTimestamp, Json } from '../../../platform/db/schema.js'

export interface CaseNotesTable {
  id: Generated<string>
  la_code: string
  child_id: string
  kind: 'note' | 'visit'
  occurred_on: DateText
  subject: string | null
  visit_type: string | null
  seen: boolean | null
  seen_alone: boolean | null
  others_present: string | null
  body: string
  recorded_by: string
  recorded_at: GeneratedTimestamp
  form_token: string | null
  significant: Generated<boolean>
}

export interface DraftsTable {
  user_id: string
  child_id: string
  form: string
  answers: Json
  saved_at: GeneratedTimestamp
}

export interface CaseworkTables {
  case_notes: CaseNotesTable
  drafts: DraftsTable
}
