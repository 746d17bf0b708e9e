// `kindred bench dashboard`: every indicator for the largest authority, then for every authority in the database
// (seed first: `kindred seed --scale large-la` or `england`). Prints the median of a few runs of each. The
// indicators are asked for all at once, as the dashboard page asks for them.
import { parseArgs } from 'node:util'
import { OperatorError, UsageError, type Command } from '../../cli/command.js'
import { withDatabase } from '../../cli/database.js'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { indicators } from './indicators/index.js'
import type { Scope } from './indicator.js'
import { latestYear, yearEnding } from './period.js'

async function timeAll(db: Kysely<DB>, scope: Scope, year: number, runs: number): Promise<number> {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    await Promise.all(indicators.map((indicator) => indicator.figures(db, scope, yearEnding(year))))
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!
}

export const benchDashboardCommand: Command = {
  name: 'bench-dashboard',
  summary: 'Every dashboard indicator for one authority and for the whole deployment (seed first)',
  usage: 'Usage: kindred bench dashboard [--la CODE] [--year YYYY] [--runs N]\n\nThe authority defaults to the one with the most children; the year to the latest ending 31 March.',
  async run(args) {
    let values
    try {
      values = parseArgs({ args, options: { la: { type: 'string' }, year: { type: 'string' }, runs: { type: 'string', default: '3' } } }).values
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    const runs = Number(values.runs)
    const year = values.year ? Number(values.year) : latestYear()
    if (!Number.isInteger(runs) || runs < 1) throw new UsageError('--runs must be a whole number')
    if (!Number.isInteger(year)) throw new UsageError('--year must be a year, like 2026')
    return withDatabase(async ({ db, engine }) => {
      const largest = await db.selectFrom('people').where('is_child', '=', true).groupBy('la_code')
        .select(['la_code', (eb) => eb.fn.countAll<string>().as('n')]).orderBy('n', 'desc').executeTakeFirst()
      const laCode = values.la ?? largest?.la_code.trim()
      if (!laCode) throw new OperatorError('There are no children: run `kindred seed --scale large-la` first.')
      const authorities = (await db.selectFrom('local_authorities').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n
      const one = await timeAll(db, [laCode], year, runs)
      const all = await timeAll(db, null, year, runs)
      console.log([
        `Dashboard on ${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}: ${indicators.length} indicators, year ending 31 March ${year}, median of ${runs}`,
        `  authority ${laCode}: ${one.toFixed(0)} ms`,
        `  all ${authorities} authorities: ${all.toFixed(0)} ms`,
      ].join('\n'))
      return 0
    })
  },
}
