// The National Framework dashboard: every indicator by outcome beside its comparators, each indicator's trend
// as a chart with its data, CSV of every figure, the children behind a figure, and the authority's population
// (population-routes.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import { allow } from '../../platform/access/policy.js'
import { audit } from '../../platform/audit/audit.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { childRows } from '../people/service.js'
import { lineChart } from './chart.js'
import { toCsv } from './csv.js'
import { DashboardFigures } from './figures.js'
import { formatValue, unitNames } from './format.js'
import { indicatorById, indicators, outcomes } from './indicators/index.js'
import { valueOf, type Indicator } from './indicator.js'
import { comparatorsOf, levelsFor, type Level, type Levels } from './levels.js'
import { periodFrom, trendYears, yearEnding, type Period } from './period.js'
import { registerPopulationRoutes } from './population-routes.js'

const dashboardAccess = allow({ roles: ['performance_analyst', 'rcc_analyst', 'national_analyst', 'team_manager', 'administrator'] })
/** Who may list the children behind a figure of their own authority. */
const childListAccess = allow({ roles: ['performance_analyst', 'team_manager'] })
const views = 'modules/dashboard/views'

interface Query { period?: string; level?: string }

export async function registerDashboardRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  const figures = new DashboardFigures(db)
  addNavigationItem({ href: '/dashboard', text: 'Dashboard', roles: ['performance_analyst', 'rcc_analyst', 'national_analyst', 'team_manager', 'administrator'] })

  /** The level the query asks for, if the user may see it; their home level when it names none. */
  const chosen = async (request: FastifyRequest) => {
    const query = request.query as Query
    const levels = await levelsFor(db, request.user!)
    const level = query.level ? levels.visible.find((l) => l.id === query.level) : levels.home
    return { levels, level, period: periodFrom(query.period) }
  }
  const periodChoices = (period: Period) => [
    { value: 'today', text: 'The 12 months to today', selected: period.key === 'today' },
    ...trendYears().reverse().map((y) => ({ value: String(y), text: `Year ending 31 March ${y}`, selected: period.key === String(y) })),
  ]
  const levelChoices = (levels: Levels, level: Level) => levels.visible.map((l) => ({ value: l.id, text: l.name, selected: l.id === level.id }))

  const overview = async (level: Level, levels: Levels, period: Period) => {
    const shown = [level, ...comparatorsOf(level, levels)]
    const rows = await Promise.all(indicators.map(async (indicator) => ({ indicator, figures: await figures.forLevels(indicator, period, shown) })))
    return { shown, rows }
  }

  app.get('/dashboard', dashboardAccess, async (request, reply) => {
    const { levels, level, period } = await chosen(request)
    if (!level) return reply.callNotFound()
    const { shown, rows } = await overview(level, levels, period)
    return reply.view(`${views}/index.njk`, {
      pageTitle: 'Dashboard', level, period, shown, periodChoices: periodChoices(period), levelChoices: levelChoices(levels, level),
      outcomes: outcomes.map((o) => ({ ...o, rows: rows.filter((r) => r.indicator.outcome === o.id).map((r) => ({
        id: r.indicator.id, title: r.indicator.title, unit: unitNames[r.indicator.unit], values: r.figures.map((f) => formatValue(f.value, r.indicator.unit)),
      })) })),
      query: `period=${period.key}&level=${level.id}`,
    })
  })

  app.get('/dashboard.csv', dashboardAccess, async (request, reply) => {
    const { levels, level, period } = await chosen(request)
    if (!level) return reply.callNotFound()
    const { rows } = await overview(level, levels, period)
    const csv = toCsv(['indicator_id', 'indicator', 'unit', 'period', 'level', 'numerator', 'denominator', 'value'],
      rows.flatMap((r) => r.figures.map((f) => [r.indicator.id, r.indicator.title, r.indicator.unit, period.label, f.level.name, round(f.fraction.numerator), round(f.fraction.denominator), round(f.value)])))
    return sendCsv(reply, `dashboard-${level.id}-${period.key}.csv`, csv)
  })

  /** The indicator's trend over the years held and the period chosen, for the level and its comparators. */
  const trend = async (indicator: Indicator, level: Level, levels: Levels, period: Period) => {
    const shown = [level, ...comparatorsOf(level, levels)]
    const periods = [...trendYears().map((y) => yearEnding(y)), ...(period.key === 'today' ? [period] : [])]
    const byPeriod = await Promise.all(periods.map((p) => figures.forLevels(indicator, p, shown)))
    return { shown, periods, byPeriod }
  }

  app.get('/dashboard/indicators/:id', dashboardAccess, async (request, reply) => {
    const indicator = indicatorById((request.params as { id: string }).id)
    const { levels, level, period } = await chosen(request)
    if (!indicator || !level) return reply.callNotFound()
    const { shown, periods, byPeriod } = await trend(indicator, level, levels, period)
    const format = (v: number) => formatValue(v, indicator.unit)
    const labels = periods.map((p) => (p.key === 'today' ? 'Today' : p.key))
    const chart = lineChart(labels, shown.map((l, i) => ({ name: l.name, values: byPeriod.map((figs) => figs[i]!.value) })), format)
    const authorities = level.kind === 'authority' ? [] : await authorityBreakdown(indicator, level, levels, period)
    return reply.view(`${views}/indicator.njk`, {
      pageTitle: indicator.title, indicator, unit: unitNames[indicator.unit], level, period, shown, chart,
      periodChoices: periodChoices(period), levelChoices: levelChoices(levels, level), authorities,
      table: periods.map((p, i) => ({ label: p.label, figures: byPeriod[i]!.map((f) => ({ ...f, text: formatValue(f.value, indicator.unit) })) })),
      canListChildren: canListChildren(request.user!, indicator, level), query: `period=${period.key}&level=${level.id}`,
    })
  })

  const authorityBreakdown = async (indicator: Indicator, level: Level, levels: Levels, period: Period) => {
    const perAuthority = await indicator.figures(db, level.kind === 'deployment' ? null : level.codes, period)
    return levels.authorities.filter((a) => level.codes.includes(a.code)).map((a) => {
      const f = perAuthority.get(a.code) ?? { numerator: 0, denominator: 0 }
      const value = valueOf(f, indicator.unit)
      return { code: a.code, name: a.name, numerator: round(f.numerator), denominator: round(f.denominator), value: round(value), text: formatValue(value, indicator.unit) }
    })
  }

  app.get('/dashboard/indicators/:id.csv', dashboardAccess, async (request, reply) => {
    const indicator = indicatorById((request.params as { id: string }).id)
    const { levels, level, period } = await chosen(request)
    if (!indicator || !level) return reply.callNotFound()
    const { periods, byPeriod } = await trend(indicator, level, levels, period)
    const rows = periods.flatMap((p, i) => byPeriod[i]!.map((f) => [indicator.id, p.label, f.level.name, round(f.fraction.numerator), round(f.fraction.denominator), round(f.value)]))
    if (level.kind !== 'authority') {
      for (const a of await authorityBreakdown(indicator, level, levels, period)) rows.push([indicator.id, period.label, a.name, a.numerator, a.denominator, a.value])
    }
    return sendCsv(reply, `${indicator.id}-${level.id}-${period.key}.csv`, toCsv(['indicator_id', 'period', 'level', 'numerator', 'denominator', 'value'], rows))
  })

  app.get('/dashboard/indicators/:id/children', childListAccess, async (request, reply) => {
    const indicator = indicatorById((request.params as { id: string }).id)
    const query = request.query as Query
    const user = request.user!
    // Only the user's own authority: another authority's children are not found, as everywhere else.
    if (!indicator?.children || (query.level && query.level !== user.laCode)) return reply.callNotFound()
    const period = periodFrom(query.period)
    const { rows } = await sql<{ id: string; first_name: string; last_name: string; date_of_birth: string | null; restricted: boolean; named: boolean }>`
      select k.id, k.first_name, k.last_name, k.date_of_birth, k.restricted,
        exists (select 1 from restricted_access r where r.child_id = k.id and r.user_id = ${user.id}) as named
      from (${childRows(db)}) k
      where k.la_code = ${user.laCode} and k.id in (${indicator.children(db, user.laCode, period)})
      order by k.last_name, k.first_name`.execute(db)
    await audit(db, { laCode: user.laCode, userId: user.id, action: 'dashboard.children_listed', purpose: 'performance', detail: { indicator: indicator.id, period: period.key, children: rows.length } })
    return reply.view(`${views}/children.njk`, {
      pageTitle: `Children behind: ${indicator.title}`, indicator, period, query: `period=${period.key}&level=${user.laCode}`,
      children: rows.map((r) => ({ id: r.id, name: r.restricted && !r.named ? null : `${r.first_name} ${r.last_name}`, dateOfBirth: r.date_of_birth })),
    })
  })

  await registerPopulationRoutes(app)
}

function canListChildren(user: SessionUser, indicator: Indicator, level: Level): boolean {
  return Boolean(indicator.children) && level.kind === 'authority' && level.id === user.laCode && ['performance_analyst', 'team_manager'].includes(user.role)
}

const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000)

function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv)
}
