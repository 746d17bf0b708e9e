// `kindred bench search`: search timings against the configured database (seed it first with
// `kindred seed --scale large-la` or `england`). Queries are drawn from the authority's own children
// and made realistic: typos, nicknames, part-names, dates of birth in other formats, NHS numbers, postcodes.
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { benchSearch } from '../../modules/people/search-bench.js'
import { OperatorError, UsageError, type Command } from '../command.js'
import { withDatabase } from '../database.js'

interface Sample { first_name: string; last_name: string; date_of_birth: string | null; nhs_number: string | null; postcode: string | null }

/** One query per sampled child, cycling through the kinds of search people make. */
export function queriesFrom(samples: Sample[]): string[] {
  return samples.map((child, i) => {
    const typo = child.last_name.length > 4 ? child.last_name.slice(0, 2) + child.last_name[3] + child.last_name[2] + child.last_name.slice(4) : child.last_name
    const [y, m, d] = (child.date_of_birth ?? '2015-01-01').split('-')
    switch (i % 6) {
      case 0: return `${child.first_name} ${child.last_name}`
      case 1: return `${child.first_name} ${typo}`
      case 2: return child.last_name.slice(0, Math.max(3, child.last_name.length - 2))
      case 3: return `${child.last_name} ${Number(d)}/${Number(m)}/${y}`
      case 4: return child.nhs_number ? `${child.nhs_number.slice(0, 3)} ${child.nhs_number.slice(3, 6)} ${child.nhs_number.slice(6)}` : child.last_name
      default: return child.postcode ? `${child.first_name} ${child.postcode.split(' ')[0]}` : child.first_name
    }
  })
}

export const benchSearchCommand: Command = {
  name: 'bench-search',
  summary: 'Search p50/p95 on the configured database (seed it first)',
  usage: 'Usage: kindred bench search [--la CODE] [--queries N]\n\nUses KINDRED_DATA_DIR or DATABASE_URL; the authority defaults to the one with the most children.',
  async run(args) {
    let values
    try {
      values = parseArgs({ args, options: { la: { type: 'string' }, queries: { type: 'string', default: '500' } } }).values
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    const count = Number(values.queries)
    if (!Number.isInteger(count) || count < 1) throw new UsageError('--queries must be a whole number')
    return withDatabase(async ({ db, engine }) => {
      const laCode = values.la ?? (await db.selectFrom('people').where('is_child', '=', true).groupBy('la_code')
        .select(['la_code', (eb) => eb.fn.countAll<string>().as('n')]).orderBy('n', 'desc').executeTakeFirst())?.la_code
      if (!laCode) throw new OperatorError('There are no children to search: run `kindred seed --scale large-la` first.')
      const total = await db.selectFrom('people').where('is_child', '=', true).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
      const samples = (await sql<Sample>`
        select p.first_name, p.last_name, p.date_of_birth, p.nhs_number,
          (select a.postcode from addresses a where a.person_id = p.id order by a.moved_in desc nulls last limit 1) as postcode
        from people p where p.la_code = ${laCode} and p.is_child and not p.restricted
        order by md5(p.id::text) limit ${count}`.execute(db)).rows
      const result = await benchSearch(db, laCode, queriesFrom(samples))
      console.log([
        `Search on ${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}: authority ${laCode}, ${Number(total.n).toLocaleString('en-GB')} children in the database`,
        `  ${result.queries} queries: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms, ${result.meanResults} results on average`,
      ].join('\n'))
      return 0
    })
  },
}
