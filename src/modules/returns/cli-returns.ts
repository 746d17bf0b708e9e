// `kindred returns cin|903 --year 2026 --la 886 --out PATH [--xml]`: writes a statutory return generated from the
// casework (the CIN census XML, or the SSDA903 CSV tables or XML), then checks it against the year's DfE rules and
// says how many errors and queries it raises.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError, type Command } from '../../cli/command.js'
import { withDatabase } from '../../cli/database.js'
import { createProgress } from '../../cli/progress.js'
import { checkGenerated } from './generate/check.js'
import { generateReturn } from './generate/generate-return.js'
import { collectionYear } from './generate/collection-year.js'

const USAGE = `Usage: kindred returns cin|903 --year YYYY --la CODE --out PATH [--xml]

Generates a statutory return from the casework for the collection year ending 31 March YYYY.
  cin   the CIN census as one XML file (PATH is the file); from 2027 with pre-proceedings and FGDM
  903   the SSDA903 as CSV tables, one file per table (PATH is a directory), or with --xml one XML file in it

Options:
  --year YYYY   the collection year (2026 for 1 April 2025 to 31 March 2026)
  --la CODE     the authority's DfE code (886)
  --out PATH    where to write the return
  --xml         the 903 in its XML form instead of CSV tables`

export const returnsCommand: Command = {
  name: 'returns',
  summary: 'Generate the CIN census or the SSDA903 from the casework (returns cin|903 --year YYYY --la CODE --out PATH)',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: { year: { type: 'string' }, la: { type: 'string' }, out: { type: 'string' }, xml: { type: 'boolean', default: false } },
    })
    const kind = positionals[0]
    if (kind !== 'cin' && kind !== '903') throw new UsageError('say which return: cin or 903')
    const year = Number(values.year)
    if (!values.year || !Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year must be the year the collection ends, like 2026')
    if (!values.la || !/^\d{3}$/.test(values.la)) throw new UsageError('--la must be the authority\'s three-digit DfE code, like 886')
    if (!values.out) throw new UsageError('--out must say where to write the return')
    if (values.xml && kind === 'cin') throw new UsageError('--xml is for the 903: the CIN census is always XML')
    const laCode = values.la
    const out = values.out

    return withDatabase(async (database) => {
      const started = performance.now()
      const progress = createProgress()
      let begun = false
      const generated = await generateReturn(database.db, kind, year, laCode, {
        xml: values.xml,
        onProgress: (done, total) => {
          if (!begun) { progress.start(total, 'Children'); begun = true }
          progress.update(done)
        },
      })
      progress.stop()
      const written = writeFiles(kind, out, generated.files)
      const check = checkGenerated(kind, year, laCode, generated.files, generated.lastYear)
      console.log(`${kind === 'cin' ? 'CIN census' : 'SSDA903'} ${collectionYear(year).label} for ${laCode}: ${generated.children} children, written to ${written}`)
      console.log(check.outcome.ok
        ? `Checked against ${check.outcome.ruleset.name}: ${check.errors} ${check.errors === 1 ? 'error' : 'errors'}, ${check.queries} ${check.queries === 1 ? 'query' : 'queries'} (kindred validate ${kind} --year ${year} ${written} lists them)`
        : 'The return could not be read back for checking: run kindred validate on it to see why')
      console.log(`Took ${((performance.now() - started) / 1000).toFixed(1)} s; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`)
      return 0
    })
  },
}

/** The CIN census is one file at PATH; the 903 goes into the directory PATH. */
function writeFiles(kind: 'cin' | '903', out: string, files: readonly { name: string; content: string }[]): string {
  if (kind === 'cin') {
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true })
    writeFileSync(out, files[0]!.content)
    return out
  }
  mkdirSync(out, { recursive: true })
  for (const file of files) writeFileSync(path.join(out, file.name), file.content)
  return out
}
