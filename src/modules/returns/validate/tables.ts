// Kysely's view of the uploaded returns' validation reports (migrations/0105_returns_uploaded_reports.sql).
import type { ColumnType, Generated } from 'kysely'
import type { GeneratedTimestamp } from '../../../platform/db/schema.js'
import type { FileProblem } from '../files/problems.js'

type Json<T> = ColumnType<T, string, string>

export interface ReturnsUploadedReportsTable {
  id: Generated<string>
  la_code: string
  user_id: string
  created_at: GeneratedTimestamp
  return_kind: '903' | 'cin'
  collection_year: number
  ruleset: string
  file_names: Json<string[]>
  children: number
  errors: number
  queries: number
  warnings: Json<FileProblem[]>
  report_csv: string
}

export interface UploadedReportTables {
  returns_uploaded_reports: ReturnsUploadedReportsTable
}
