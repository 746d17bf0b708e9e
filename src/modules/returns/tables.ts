// Kysely's view of the returns module's tables (its migrations are migrations/*_returns*.sql).
import type { DfeApiTables } from './dfe-api/tables.js'
import type { UploadedReportTables } from './validate/tables.js'

export type ReturnsTables = DfeApiTables & UploadedReportTables
