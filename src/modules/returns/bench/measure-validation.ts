// Run by `kindred bench returns` in a fresh process (bundled by prebuilt-measure.ts, then `node <bundle> 903|cin <paths>`):
// reads a return's files, runs every rule, and prints the time, CPU and peak memory as one line of JSON.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { ReturnKind } from '../rulesets.js'
import { validateReturn } from '../validate/validate-return.js'
import type { Measurement } from './bench-returns.js'

const [kind, ...paths] = process.argv.slice(2) as [ReturnKind, ...string[]]
const startRss = process.memoryUsage().rss
const cpu = process.cpuUsage()
const started = performance.now()
const files = paths.flatMap((given) => (given.endsWith('.xml') ? [given] : readdirSync(given).map((name) => path.join(given, name))))
  .map((file) => ({ name: file, bytes: readFileSync(file) }))
let read = started
const outcome = validateReturn({ kind, year: 2026, files, onProgress: (done) => { if (done === 0) read = performance.now() } })
const finished = performance.now()
if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('; '))
const used = process.cpuUsage(cpu)
const measurement: Measurement = {
  children: outcome.children,
  readMs: read - started,
  validateMs: finished - read,
  cpuMs: (used.user + used.system) / 1000,
  startRssMb: startRss / 1e6,
  peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
  failures: outcome.report.length,
}
console.log(JSON.stringify(measurement))
