// The uploaded returns' validation reports: saved for the analyst who uploaded the files, read back for the report
// page and its CSV, and cleared after seven days (the files themselves are never kept).
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import { toCsv } from '../../../platform/http/csv.js'
import type { FileProblem } from '../files/problems.js'
import type { ReturnKind } from '../rulesets.js'
import { REPORT_COLUMNS, reportCells, type ReportRow } from './validate-return.js'

const KEPT_DAYS = 7

export interface NewUploadedReport {
  laCode: string
  userId: string
  kind: ReturnKind
  year: number
  ruleset: string
  fileNames: string[]
  children: number
  warnings: FileProblem[]
  report: ReportRow[]
}

export async function saveUploadedReport(db: Kysely<DB>, report: NewUploadedReport): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('returns_uploaded_reports').where('created_at', '<', new Date(Date.now() - KEPT_DAYS * 86_400_000)).execute()
    const errors = report.report.filter((row) => row.kind === 'Error').length
    const { id } = await trx.insertInto('returns_uploaded_reports').values({
      la_code: report.laCode, user_id: report.userId, return_kind: report.kind, collection_year: report.year,
      ruleset: report.ruleset, file_names: JSON.stringify(report.fileNames), children: report.children,
      errors, queries: report.report.length - errors, warnings: JSON.stringify(report.warnings),
      report_csv: toCsv(REPORT_COLUMNS, report.report.map(reportCells)),
    }).returning('id').executeTakeFirstOrThrow()
    return id
  })
}

/** The user's own report, or undefined (someone else's, expired, or not an id at all). */
export async function uploadedReport(db: Kysely<DB>, id: string, userId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined
  return db.selectFrom('returns_uploaded_reports').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
}
