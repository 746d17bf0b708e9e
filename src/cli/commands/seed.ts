// `kindred seed --scale demo|la|large-la|england`: synthetic authorities sized from England's published
// children's social care figures, for demonstrations, testing and benchmarks.
import { parseArgs } from 'node:util'
import { ensureDemoAuthority } from '../../platform/seed/demo-authority.js'
import { seedDemoCasework } from '../../platform/seed/demo-casework.js'
import { familiesToGenerate, seedAuthorities, SeedConflictError, type AuthorityResult } from '../../platform/seed/generate.js'
import { plansFor, scales, type Scale } from '../../platform/seed/scales.js'
import { parseLocalDate, todayInEngland } from '../../platform/working-days/local-date.js'
import { OperatorError, UsageError, type Command } from '../command.js'
import { withDatabase } from '../database.js'
import { createProgress } from '../progress.js'

/** The most recent 31 March: the census date the national figures describe. */
function lastThirtyFirstMarch(today: string): string {
  const year = Number(today.slice(0, 4))
  return today.slice(5) >= '03-31' ? `${year}-03-31` : `${year - 1}-03-31`
}

function summary(results: AuthorityResult[], seconds: number): string {
  const rows = results.reduce((sum, r) => sum + Object.values(r.rows).reduce((a, b) => a + b, 0), 0)
  const lines = results.map((r) => [
    r.code, r.name.padEnd(32).slice(0, 32), String(r.children).padStart(8), String(r.adults).padStart(8),
    String(r.rows.allocations ?? 0).padStart(9), String(r.rows.child_events ?? 0).padStart(9), String(r.rows.users ?? 0).padStart(7),
  ].join('  '))
  const total = (f: (r: AuthorityResult) => number) => results.reduce((sum, r) => sum + f(r), 0)
  return [
    `code  ${'authority'.padEnd(32)}  children    adults  allocated     events  workers`,
    ...lines,
    results.length > 1 ? `all   ${`${results.length} authorities`.padEnd(32)}  ${String(total((r) => r.children)).padStart(8)}  ${String(total((r) => r.adults)).padStart(8)}` : '',
    '',
    `${rows.toLocaleString('en-GB')} rows in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en-GB')} rows a second)`,
  ].filter((line, i, all) => line !== '' || i === all.length - 2).join('\n')
}

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Generate synthetic authorities sized from national figures (seed --scale demo|la|large-la|england)',
  usage: [
    'Usage: kindred seed --scale demo|la|large-la|england [--seed N] [--la CODE] [--as-of YYYY-MM-DD] [--jobs N]',
    '',
    '  --scale    demo: the demo authority\'s casework; la: one average authority; large-la: Kent\'s size;',
    '             england: all 152 authorities, in regional care cooperatives',
    '  --la CODE  generate just this authority (a DfE code such as 886), at its England-scale size',
    '  --seed N   the same seed gives the same data (default 1)',
    '  --as-of    the reporting date histories run up to (default: the last 31 March; the demo uses today)',
    '  --jobs N   authorities generated at once on PostgreSQL (default 2)',
    '',
    'An authority that already exists is refused, never duplicated.',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { scale: { type: 'string' }, seed: { type: 'string' }, la: { type: 'string' }, 'as-of': { type: 'string' }, jobs: { type: 'string' } },
    })
    const scale = (values.scale ?? (values.la ? 'england' : undefined)) as Scale | undefined
    if (!scale || !scales.includes(scale)) throw new UsageError('say which --scale: demo, la, large-la or england (or name one authority with --la)')
    const seed = Number(values.seed ?? 1)
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError('--seed must be a whole number')
    const jobs = Number(values.jobs ?? 2)
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs must be a whole number of at least 1')
    const asOf = values['as-of'] ? parseLocalDate(values['as-of']) : null
    if (values['as-of'] && !asOf) throw new UsageError('--as-of must be a date, yyyy-mm-dd')
    let plans
    try {
      plans = plansFor(scale, values.la)
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message)
      throw error
    }
    return withDatabase(async (database) => {
      const started = performance.now()
      let results: AuthorityResult[]
      try {
        if (scale === 'demo' && !values.la) {
          await ensureDemoAuthority(database.db)
          results = [await seedDemoCasework(database, { seed, ...(asOf ? { asOf } : {}) })]
        } else {
          const reportingDate = asOf ?? lastThirtyFirstMarch(todayInEngland())
          console.log(`Generating ${plans.length === 1 ? `authority ${plans[0]!.authority.code}` : `${plans.length} authorities`} (seed ${seed}, as of ${reportingDate}).`)
          const progress = createProgress()
          progress.start(familiesToGenerate(plans), 'Families')
          try {
            results = await seedAuthorities(database, plans, { seed, asOf: reportingDate, jobs, onProgress: (n) => progress.update(n) })
          } finally {
            progress.stop()
          }
        }
      } catch (error) {
        if (error instanceof SeedConflictError) throw new OperatorError(`${error.message}. Use an empty database, or --la for another authority.`)
        throw error
      }
      const seconds = (performance.now() - started) / 1000
      console.log(summary(results, seconds))
      console.log(`Peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`)
      return 0
    })
  },
}
