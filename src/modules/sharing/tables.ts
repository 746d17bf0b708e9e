// Kysely's view of the sharing module's tables (migrations/0120_sharing_decisions.sql).
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

export interface SharingTables {
  sharing_decisions: SharingDecisionsTable
}
