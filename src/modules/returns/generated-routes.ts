// The analyst's returns page: the CIN census and the SSDA903 for this collection year and the last, generated from
// the casework when asked, each with its download and the errors and queries the DfE rules find in it (a report
// page and its CSV). Every download and report is audited: they name children.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { audit } from '../../platform/audit/audit.js'
import { toCsv } from '../../platform/http/csv.js'
import { errorPage } from '../../platform/http/errors.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { zip } from './annex-a/zip.js'
import { checkGenerated } from './generate/check.js'
import { collectionYear, collectionYearOn } from './generate/collection-year.js'
import { generateReturn, type GeneratedReturn } from './generate/generate-return.js'
import type { ReturnKind } from './rulesets.js'
import { REPORT_COLUMNS, reportCells } from './validate/validate-return.js'

export const returnsHref = '/returns'
const analysts = allow({ roles: ['performance_analyst'] })
const views = 'modules/returns/views'
const RETURN_NAMES: Record<ReturnKind, string> = { cin: 'CIN census', '903': 'SSDA903' }

/** This collection year and the last: the two an analyst works on. */
const shownYears = (): number[] => {
  const current = collectionYearOn().year
  return [current, current - 1]
}

interface ReturnParams { kind: string; year: string }

/** The return and year a URL names, or null for anything else (a 404). */
function chosen(request: FastifyRequest): { kind: ReturnKind; year: number } | null {
  const { kind, year } = request.params as ReturnParams
  const number = Number(year)
  if ((kind !== 'cin' && kind !== '903') || !shownYears().includes(number)) return null
  return { kind, year: number }
}

const baseHref = (kind: ReturnKind, year: number) => `${returnsHref}/${kind}/${year}`

export async function registerGeneratedReturnRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: returnsHref, text: 'Statutory returns', roles: ['performance_analyst'] })

  app.get(returnsHref, analysts, async (request, reply) => {
    const laCode = request.user!.laCode
    const rows = []
    for (const year of shownYears()) {
      for (const kind of ['cin', '903'] as const) {
        const generated = await generateReturn(db, kind, year, laCode)
        const check = checkGenerated(kind, year, laCode, generated.files, generated.lastYear)
        rows.push({
          name: RETURN_NAMES[kind], year: collectionYear(year).label, children: generated.children, errors: check.errors, queries: check.queries,
          readable: check.outcome.ok, downloadHref: `${baseHref(kind, year)}/download`, reportHref: `${baseHref(kind, year)}/report`,
          download: kind === 'cin' ? 'XML' : 'CSV tables, zipped',
        })
      }
    }
    return reply.view(`${views}/returns.njk`, { pageTitle: 'Statutory returns', rows })
  })

  const withReturn = (purpose: string, send: (reply: FastifyReply, generated: GeneratedReturn, request: FastifyRequest) => FastifyReply | Promise<FastifyReply>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const which = chosen(request)
      if (!which) return errorPage(reply, 404)
      const user = request.user!
      const generated = await generateReturn(db, which.kind, which.year, user.laCode)
      await audit(db, { laCode: user.laCode, userId: user.id, action: `returns.${purpose}`, purpose: 'statutory return', detail: which })
      return send(reply, generated, request)
    }

  app.get(`${returnsHref}/:kind/:year/download`, analysts, withReturn('downloaded', (reply, generated) => {
    if (generated.kind === 'cin') {
      const file = generated.files[0]!
      return reply.type('application/xml; charset=utf-8').header('Content-Disposition', `attachment; filename="${file.name}"`).send(file.content)
    }
    const archive = zip(generated.files.map((file) => ({ name: file.name, data: Buffer.from(file.content, 'utf8') })))
    return reply.type('application/zip').header('Content-Disposition', `attachment; filename="ssda903_${generated.laCode}_${generated.year}.zip"`).send(archive)
  }))

  app.get(`${returnsHref}/:kind/:year/report`, analysts, withReturn('report_viewed', (reply, generated) => {
    const check = checkGenerated(generated.kind, generated.year, generated.laCode, generated.files, generated.lastYear)
    return reply.view(`${views}/report.njk`, {
      pageTitle: `${RETURN_NAMES[generated.kind]} ${collectionYear(generated.year).label}: validation report`,
      backHref: returnsHref, csvHref: `${baseHref(generated.kind, generated.year)}/report.csv`,
      errors: check.errors, queries: check.queries, report: check.outcome.ok ? check.outcome.report : [],
      ruleset: check.outcome.ok ? check.outcome.ruleset.name : null,
    })
  }))

  app.get(`${returnsHref}/:kind/:year/report.csv`, analysts, withReturn('report_downloaded', (reply, generated) => {
    const check = checkGenerated(generated.kind, generated.year, generated.laCode, generated.files, generated.lastYear)
    const rows = check.outcome.ok ? check.outcome.report.map(reportCells) : []
    return reply.type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${generated.kind}_${generated.laCode}_${generated.year}_report.csv"`)
      .send(toCsv(REPORT_COLUMNS, rows))
  }))
}
