// Kysely's view of the DfE API payload's tables (migrations/0110_returns_dfe_api_payloads.sql).
import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../../../platform/db/schema.js'

export interface DfeApiRunsTable {
  id: Generated<string>
  la_code: string
  kind: 'full' | 'changes'
  started_at: Timestamp
  children: number
  purged: number
}

export interface DfeApiSentChildrenTable {
  la_code: string
  child_id: string
  payload: ColumnType<Record<string, unknown> | null, string | null, string | null>
  sent_at: Timestamp
}

export interface DfeApiTables {
  dfe_api_runs: DfeApiRunsTable
  dfe_api_sent_children: DfeApiSentChildrenTable
}
