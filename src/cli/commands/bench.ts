// `kindred bench <what>`: prints measured figures (never pass/fail thresholds). `npm run bench` runs them all.
import { OperatorError, UsageError, type Command } from '../command.js'
import { benchLinkCommand } from '../../modules/sharing/linkage/bench.js'
import { benchDashboardCommand } from '../../modules/dashboard/bench.js'
import { benchReturnsCommand } from '../../modules/returns/bench/bench-returns.js'
import { benchStartCommand } from './bench-start.js'
import { benchSearchCommand } from './bench-search.js'

const benchmarks: Command[] = [
  { ...benchStartCommand, name: 'start' },
  { ...benchLinkCommand, name: 'link' },
  { ...benchSearchCommand, name: 'search' },
  { ...benchDashboardCommand, name: 'dashboard' },
  { ...benchReturnsCommand, name: 'returns' },
]

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Measure speed and memory: start, link, search, dashboard, returns (and `all`)',
  usage: [
    'Usage: kindred bench <what> [options]',
    '',
    ...benchmarks.map((b) => `  ${b.name.padEnd(10)} ${b.summary}`),
    `  ${'all'.padEnd(10)} every benchmark above with its default options`,
  ].join('\n'),
  async run(args) {
    const [what, ...rest] = args
    if (what === 'all') {
      for (const benchmark of benchmarks) {
        console.log(`\n== kindred bench ${benchmark.name}`)
        try {
          const code = await benchmark.run([])
          if (code !== 0) return code
        } catch (error) {
          // A benchmark that needs data the database does not hold says so and the rest still run.
          if (!(error instanceof OperatorError)) throw error
          console.log(`Skipped: ${error.message}`)
        }
      }
      return 0
    }
    const benchmark = benchmarks.find((b) => b.name === what)
    if (!benchmark) throw new UsageError(what ? `there is no benchmark called "${what}"` : 'say which benchmark to run')
    return benchmark.run(rest)
  },
}
