// /returns/validate: a performance analyst uploads a return made by any system (903 CSV tables or XML, or the CIN
// census XML), chooses the return and year, and gets the DfE rules' report as a table and a CSV. Files that cannot
// be read come back as GOV.UK errors on the upload field, naming the file, line and column.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { audit } from '../../platform/audit/audit.js'
import { errorPage } from '../../platform/http/errors.js'
import { multipartParser, type MultipartBody, type UploadedFile } from '../../platform/http/multipart.js'
import { FormErrors } from '../../platform/forms/form.js'
import { describeProblem } from './files/problems.js'
import { availableRulesets, type ReturnKind } from './rulesets.js'
import { parseCsv } from './ssda903/ruleset.js'
import { saveUploadedReport, uploadedReport } from './validate/uploaded-reports.js'
import { validateReturn } from './validate/validate-return.js'

export const validateHref = '/returns/validate'
const analysts = allow({ roles: ['performance_analyst'] })
const views = 'modules/returns/views/validate'
/** England's whole 903 as CSV is about 30 MB. */
const UPLOAD_LIMIT = 100 * 1024 * 1024
/** Rows shown on the page; the CSV has them all. */
const SHOWN_ROWS = 1_000
const RETURN_NAMES: Record<ReturnKind, string> = { '903': 'SSDA903', cin: 'CIN census' }

interface Answers {
  kind?: string
  year?: string
  ruleset?: string
}

/** Collection years an analyst may be checking: last year's, this year's and next year's (ending 31 March). */
function years(today = new Date()): number[] {
  const current = today.getUTCMonth() >= 3 ? today.getUTCFullYear() + 1 : today.getUTCFullYear()
  return [current - 1, current, current + 1]
}

function formView(answers: Answers, errors = new FormErrors()) {
  return {
    pageTitle: 'Check a return',
    values: answers,
    years: years().map((year) => ({ value: String(year), text: `${year - 1} to ${year}` })),
    rulesets: [...availableRulesets('903'), ...availableRulesets('cin')],
    ...errors.forView(),
  }
}

export async function registerValidateRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database

  app.get(validateHref, analysts, async (_request, reply) => reply.view(`${views}/upload.njk`, formView({ year: String(years()[1]) })))

  await app.register(async (scope) => {
    multipartParser(scope, UPLOAD_LIMIT)
    scope.post(validateHref, analysts, async (request, reply) => check(request, reply))
  })

  async function check(request: FastifyRequest, reply: FastifyReply) {
    const body = (request.body ?? {}) as MultipartBody
    const answers: Answers = { kind: field(body, 'kind'), year: field(body, 'year'), ruleset: field(body, 'ruleset') }
    const files = uploads(body, 'files')
    const lastYear = uploads(body, 'lastYear')
    const errors = new FormErrors()
    if (answers.kind !== '903' && answers.kind !== 'cin') errors.add('kind', 'Select which return the files are')
    if (!years().map(String).includes(answers.year ?? '')) errors.add('year', 'Select the collection year')
    if (files.length === 0) errors.add('files', 'Select the files of the return')
    if (errors.any) return reply.code(400).view(`${views}/upload.njk`, formView(answers, errors))

    const kind = answers.kind as ReturnKind
    const year = Number(answers.year)
    const user = request.user!
    const outcome = validateReturn({
      kind, year, rulesetName: answers.ruleset || undefined, localAuthority: user.laCode,
      files: files.map(toSubmitted), lastYear: kind === '903' ? lastYear.map(toSubmitted) : [],
    })
    if (!outcome.ok) {
      // Each problem is its own entry in the summary, all pointing at the field to fix.
      const problems = outcome.problems.filter((problem) => problem.severity === 'error')
      const fieldName = problems[0]?.file === '(ruleset)' ? 'ruleset' : 'files'
      const view = formView(answers)
      return reply.code(400).view(`${views}/upload.njk`, {
        ...view,
        errors: problems.map((problem) => ({ text: problem.file === '(ruleset)' ? problem.message : describeProblem(problem), href: `#${fieldName}` })),
        fieldErrors: { [fieldName]: problems.length === 1 ? 'The file could not be read: see the problem above' : `${problems.length} problems stop the files being read: see them above` },
      })
    }
    const id = await saveUploadedReport(db, {
      laCode: user.laCode, userId: user.id, kind, year, ruleset: outcome.ruleset.name, fileNames: files.map((file) => file.filename),
      children: outcome.children, warnings: outcome.problems, report: outcome.report,
    })
    await audit(db, { laCode: user.laCode, userId: user.id, action: 'returns.uploaded_checked', purpose: 'statutory return', detail: { kind, year, report: id } })
    return reply.redirect(`${validateHref}/${id}`, 303)
  }

  app.get(`${validateHref}/:reportId`, analysts, async (request, reply) => {
    const report = await uploadedReport(db, (request.params as { reportId: string }).reportId, request.user!.id)
    if (!report) return errorPage(reply, 404)
    const rows = parseCsv(report.report_csv).slice(1)
    return reply.view(`${views}/report.njk`, {
      pageTitle: `${RETURN_NAMES[report.return_kind]} ${report.collection_year - 1} to ${report.collection_year}: validation report`,
      report, backHref: validateHref, csvHref: `${validateHref}/${report.id}/report.csv`,
      warnings: report.warnings.map(describeProblem),
      rows: rows.slice(0, SHOWN_ROWS).map(([rule, kind, message, table, row, child, fields, file, line]) => ({ rule, kind, message, table, row, child, fields, file, line })),
      hidden: Math.max(0, rows.length - SHOWN_ROWS),
    })
  })

  app.get(`${validateHref}/:reportId/report.csv`, analysts, async (request, reply) => {
    const user = request.user!
    const report = await uploadedReport(db, (request.params as { reportId: string }).reportId, user.id)
    if (!report) return errorPage(reply, 404)
    await audit(db, { laCode: user.laCode, userId: user.id, action: 'returns.uploaded_report_downloaded', purpose: 'statutory return', detail: { report: report.id } })
    return reply.type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${report.return_kind}_${report.collection_year}_validation_report.csv"`)
      .send(report.report_csv)
  })
}

function field(body: MultipartBody, name: string): string | undefined {
  const value = body[name]
  return typeof value === 'string' ? value.trim() : undefined
}

function uploads(body: MultipartBody, name: string): UploadedFile[] {
  const value = body[name]
  return Array.isArray(value) ? value.filter((item): item is UploadedFile => typeof item === 'object') : []
}

function toSubmitted(file: UploadedFile) {
  return { name: file.filename, bytes: file.bytes }
}
