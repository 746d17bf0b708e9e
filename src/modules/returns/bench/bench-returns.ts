// `kindred bench returns`: time and peak memory to validate the SSDA903 for synthetic authorities of 2,675 children
// (the community validator's fake data), 26,750 and England's scale, and the CIN census for a large authority.
// Each return is written to disk as an authority would send it, then read and validated in a fresh process so that
// its peak memory is the validation's own: plain Node running a prebuilt bundle, without the TypeScript loader.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError, type Command } from '../../../cli/command.js'
import { toCsv } from '../../../platform/http/csv.js'
import { plansFor } from '../../../platform/seed/scales.js'
import type { ReturnKind } from '../rulesets.js'
import { prebuiltMeasureScript } from './prebuilt-measure.js'
import { syntheticCinXml } from './synthetic-cin.js'
import { synthetic903 } from './synthetic-903.js'

const YEAR = 2026
/** Children looked after in England during a year (about 83,000 at 31 March, 82,000 as the issue sizes it). */
const ENGLAND_LOOKED_AFTER = 82_000
const SIZES = [2_675, 26_750, ENGLAND_LOOKED_AFTER]
/** Children in a large authority's CIN census: its referrals in a year and the cases carried into it. */
const CIN_CHILDREN_PER_REFERRAL = 1.6

export interface Measurement {
  children: number
  readMs: number
  validateMs: number
  cpuMs: number
  startRssMb: number
  peakRssMb: number
  failures: number
}

export const benchReturnsCommand: Command = {
  name: 'bench-returns',
  summary: 'Validate synthetic 903 returns (2,675, 26,750, England) and a large authority\'s CIN census',
  usage: 'Usage: kindred bench returns [--sizes 2675,26750,82000] [--cin-children N]\n\n'
    + 'Writes each synthetic return to a temporary directory, then reads and validates it in a fresh Node process\n'
    + '(the measuring script prebuilt to plain JavaScript, so no TypeScript loader shares its memory), printing\n'
    + 'the time to read the files, the time to run every rule, and the peak memory (RSS) of that process.',
  async run(args) {
    const values = options(args)
    const sizes = values.sizes.split(',').map(Number)
    if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('--sizes must be whole numbers, comma-separated')
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kindred-bench-returns-'))
    try {
      const script = await prebuiltMeasureScript(dir)
      console.log(`SSDA903 ${YEAR - 1}/${String(YEAR % 100)}: every rule of lac${YEAR - 1}_${YEAR % 100}, read from CSV files in a fresh Node process (prebuilt JavaScript)`)
      for (const size of sizes) {
        const folder = path.join(dir, `903-${size}`)
        const generated = timed(() => write903(folder, size))
        print(`${size.toLocaleString('en-GB')} children`, await measure(script, '903', [folder]), generated)
      }
      const referrals = plansFor('large-la')[0]!.authority
      const cinChildren = values.cinChildren ? Number(values.cinChildren) : Math.round(24_035 * CIN_CHILDREN_PER_REFERRAL)
      console.log(`\nCIN census ${YEAR - 1}/${String(YEAR % 100)} for a large authority (${referrals.name}, synthetic XML: the census generated from `
        + 'seeded casework is timed by `kindred returns cin` once seeded)')
      const file = path.join(dir, 'cin.xml')
      const generated = timed(() => writeFileSync(file, syntheticCinXml(cinChildren, YEAR)))
      print(`${cinChildren.toLocaleString('en-GB')} children`, await measure(script, 'cin', [file]), generated)
      return 0
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

function options(args: string[]) {
  try {
    const { values } = parseArgs({
      args,
      options: { sizes: { type: 'string', default: SIZES.join(',') }, 'cin-children': { type: 'string' } },
    })
    return { sizes: values.sizes, cinChildren: values['cin-children'] }
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

function write903(folder: string, children: number): void {
  mkdirSync(folder, { recursive: true })
  for (const [name, table] of Object.entries(synthetic903(children, YEAR))) {
    writeFileSync(path.join(folder, `${name.toLowerCase()}.csv`), toCsv(table.columns, table.rows))
  }
}

function timed(work: () => void): number {
  const started = performance.now()
  work()
  return performance.now() - started
}

/** Runs the measurement in a fresh process and reads its figures back. */
async function measure(script: string, kind: ReturnKind, paths: string[]): Promise<Measurement> {
  const child = spawn(process.execPath, [script, kind, ...paths], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`the measuring process failed (exit ${code})`)
  return JSON.parse(output.trim().split('\n').at(-1)!) as Measurement
}

function print(label: string, m: Measurement, generatedMs: number): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(`  ${label.padEnd(16)} read ${s(m.readMs)}, validate ${s(m.validateMs)} (total ${s(m.readMs + m.validateMs)}, CPU ${s(m.cpuMs)}); `
    + `peak RSS ${m.peakRssMb.toFixed(0)} MB (${m.startRssMb.toFixed(0)} MB before reading); ${m.failures.toLocaleString('en-GB')} failures found; `
    + `generated and written in ${s(generatedMs)}`)
}
