// What an indicator is: its definition as the DfE dashboard states it, and how to compute its numerator and
// denominator for each authority from set-based SQL. Most indicators count children, so three builders turn one
// query of "the children this indicator is about" into both the figures and the drill-down list:
//   childShare:   rows (la_code, child_id, counted) -> % of rows counted
//   childRate:    rows (la_code, child_id)          -> rows per 10,000 children aged 0-17 (the authority's population)
//   childAverage: rows (la_code, child_id, value)   -> the average value
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { inAuthorities } from '../../platform/db/authority-scope.js'
import type { DB } from '../../platform/db/schema.js'
import type { Period } from './period.js'

export type Outcome = 'access' | 'safety' | 'family-network' | 'stability' | 'care-leavers' | 'workforce'
export type Unit = 'percent' | 'per10k' | 'months' | 'score' | 'cases'
/** Every authority (null) or these. */
export type Scope = readonly string[] | null

export interface Fraction { numerator: number; denominator: number }

export interface IndicatorDefinition {
  id: string
  outcome: Outcome
  title: string
  /** What is counted, exactly, in plain English. */
  definition: string
  source: string
  unit: Unit
}

export interface Indicator extends IndicatorDefinition {
  /** Numerator and denominator for each authority in scope. */
  figures(db: Kysely<DB>, scope: Scope, period: Period): Promise<Map<string, Fraction>>
  /** The children behind the numerator in one authority, when the indicator counts children. */
  children?(db: Kysely<DB>, laCode: string, period: Period): RawBuilder<{ child_id: string }>
}

export type Rows = (db: Kysely<DB>, scope: Scope, period: Period) => RawBuilder<unknown>

/** The value: a percentage, a rate per 10,000 (the denominator is already the population in 10,000s) or an average. */
export function valueOf(fraction: Fraction | undefined, unit: Unit): number | null {
  if (!fraction || fraction.denominator <= 0) return null
  return (fraction.numerator / fraction.denominator) * (unit === 'percent' ? 100 : 1)
}

async function byAuthority(db: Kysely<DB>, query: RawBuilder<{ la_code: string; numerator: number | string; denominator: number | string }>): Promise<Map<string, Fraction>> {
  const { rows } = await query.execute(db)
  return new Map(rows.map((r) => [r.la_code.trim(), { numerator: Number(r.numerator), denominator: Number(r.denominator) }]))
}

export function childShare(definition: IndicatorDefinition, rows: Rows): Indicator {
  return {
    ...definition,
    figures: (db, scope, period) => byAuthority(db, sql`
      select x.la_code, count(*) filter (where x.counted) as numerator, count(*) as denominator
      from (${rows(db, scope, period)}) x group by x.la_code`),
    children: (db, laCode, period) => sql<{ child_id: string }>`select x.child_id from (${rows(db, [laCode], period)}) x where x.counted`,
  }
}

export function childRate(definition: Omit<IndicatorDefinition, 'unit'>, rows: Rows): Indicator {
  return {
    ...definition,
    unit: 'per10k',
    figures: (db, scope, period) => byAuthority(db, sql`
      select a.code as la_code, coalesce(x.n, 0) as numerator, coalesce(a.population_0_17, 0) / 10000.0 as denominator
      from local_authorities a
      left join (select r.la_code, count(*) as n from (${rows(db, scope, period)}) r group by r.la_code) x on x.la_code = a.code
      where ${inAuthorities('a.code', scope)}`),
    children: (db, laCode, period) => sql<{ child_id: string }>`select x.child_id from (${rows(db, [laCode], period)}) x`,
  }
}

export function childAverage(definition: IndicatorDefinition, rows: Rows): Indicator {
  return {
    ...definition,
    figures: (db, scope, period) => byAuthority(db, sql`
      select x.la_code, sum(x.value) as numerator, count(*) as denominator from (${rows(db, scope, period)}) x group by x.la_code`),
    children: (db, laCode, period) => sql<{ child_id: string }>`select x.child_id from (${rows(db, [laCode], period)}) x`,
  }
}
