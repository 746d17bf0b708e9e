// The analyst's Annex A page: pick a date range (GOV.UK date inputs), see how many rows each list has, and
// download the workbook or any list as CSV. Every download is audited: the lists name children.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow } from '../../../platform/access/policy.js'
import { audit } from '../../../platform/audit/audit.js'
import { dateAnswer, dateInputItems, FormErrors, type DateAnswer, type FormBody } from '../../../platform/forms/form.js'
import { errorPage } from '../../../platform/http/errors.js'
import { addNavigationItem } from '../../../platform/http/navigation.js'
import { parseLocalDate, todayInEngland, type LocalDate } from '../../../platform/working-days/local-date.js'
import { listCsv } from './csv.js'
import { annexA } from './lists.js'
import { workbook } from './xlsx.js'

export const annexAHref = '/returns/annex-a'
const analysts = allow({ roles: ['performance_analyst'] })
const view = 'modules/returns/annex-a/views/annex-a.njk'

/** The year to the last 31 March, which is what inspectors usually ask for first. */
function lastYearToMarch(today: LocalDate): { from: LocalDate; to: LocalDate } {
  const year = Number(today.slice(0, 4)) - (today.slice(5) >= '03-31' ? 0 : 1)
  return { from: `${year - 1}-04-01`, to: `${year}-03-31` }
}

const boxes = (date: LocalDate) => ({ day: String(Number(date.slice(8))), month: String(Number(date.slice(5, 7))), year: date.slice(0, 4) })

function page(raw: { from: DateAnswer['raw']; to: DateAnswer['raw'] }, errors = new FormErrors()) {
  const hasError = (name: string) => ['day', 'month', 'year'].some((part) => `${name}-${part}` in errors.fields)
  return {
    pageTitle: 'Ofsted Annex A', ...errors.forView(),
    fromItems: dateInputItems(raw.from, hasError('from')), toItems: dateInputItems(raw.to, hasError('to')),
  }
}

function rangeFromQuery(request: FastifyRequest): { from: LocalDate; to: LocalDate } | null {
  const query = request.query as Record<string, string | undefined>
  const from = parseLocalDate(query.from ?? '')
  const to = parseLocalDate(query.to ?? '')
  return from && to && from <= to ? { from, to } : null
}

export async function registerAnnexARoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: annexAHref, text: 'Ofsted Annex A', roles: ['performance_analyst'] })

  app.get(annexAHref, analysts, async (_request, reply) => {
    const range = lastYearToMarch(todayInEngland())
    return reply.view(view, page({ from: boxes(range.from), to: boxes(range.to) }))
  })

  app.post(annexAHref, analysts, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody
    const errors = new FormErrors()
    const from = dateAnswer(body, 'from', 'the first day of the range', errors)
    const to = dateAnswer(body, 'to', 'the last day of the range', errors)
    if (from.value && to.value && from.value > to.value) errors.add('to-day', 'The last day must be the same as or after the first day')
    if (errors.any || !from.value || !to.value) return reply.code(400).view(view, page({ from: from.raw, to: to.raw }, errors))
    const lists = await annexA(db, request.user!.laCode, { from: from.value, to: to.value })
    const query = `from=${from.value}&to=${to.value}`
    return reply.view(view, {
      ...page({ from: from.raw, to: to.raw }), range: { from: from.value, to: to.value }, workbookHref: `${annexAHref}/annex-a.xlsx?${query}`,
      lists: lists.map((l) => ({ number: l.number, title: l.title, rows: l.rows.length, csvHref: `${annexAHref}/list-${l.number}.csv?${query}` })),
    })
  })

  const download = async (request: FastifyRequest, reply: FastifyReply, format: string, send: (lists: Awaited<ReturnType<typeof annexA>>, range: { from: LocalDate; to: LocalDate }) => FastifyReply | null) => {
    const range = rangeFromQuery(request)
    if (!range) return errorPage(reply, 400)
    const user = request.user!
    const lists = await annexA(db, user.laCode, range)
    await audit(db, { laCode: user.laCode, userId: user.id, action: 'annex_a.downloaded', purpose: 'inspection', detail: { ...range, format } })
    return send(lists, range) ?? errorPage(reply, 404)
  }

  app.get(`${annexAHref}/annex-a.xlsx`, analysts, (request, reply) => download(request, reply, 'xlsx', (lists, range) =>
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="annex-a-${range.from}-to-${range.to}.xlsx"`).send(workbook(lists))))

  app.get(`${annexAHref}/list-:number.csv`, analysts, (request, reply) => download(request, reply, 'csv', (lists, range) => {
    const list = lists.find((l) => String(l.number) === (request.params as { number: string }).number)
    return list ? reply.type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="annex-a-list-${list.number}-${range.from}-to-${range.to}.csv"`).send(listCsv(list)) : null
  }))
}
