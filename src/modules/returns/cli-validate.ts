// `kindred validate 903|cin --year 2026 <files or directories>`: checks a return made by any system against every
// DfE rule for the year and prints the report, or writes it as CSV. Needs no database.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError, type Command } from '../../cli/command.js'
import { createProgress } from '../../cli/progress.js'
import { toCsv } from '../../platform/http/csv.js'
import { describeProblem, type FileProblem } from './files/problems.js'
import type { SubmittedFile } from './files/read-return.js'
import { REPORT_COLUMNS, reportCells, validateReturn, type ReportRow } from './validate/validate-return.js'
import type { ReturnKind } from './rulesets.js'

/** Exit codes: the return passed; rules failed; a file could not be read. (2 is a usage mistake.) */
export const EXIT_PASSED = 0
export const EXIT_FAILED_RULES = 1
export const EXIT_UNREADABLE = 3

const USAGE = `Usage: kindred validate 903|cin --year YYYY [options] <files or directories>

Checks a return against every DfE validation rule for the collection year ending 31 March YYYY.
  903   SSDA903 CSV tables (each recognised by its columns, whatever the file is called) or the XML form
  cin   one CIN census XML file

Options:
  --year YYYY         the collection year of the data (2026 for 2025/26)
  --ruleset NAME      apply a named year's rules instead (lac2025_26, lac2026_27, cin2025_26)
  --last PATH         last year's 903 files or directory (for the rules that compare years); may repeat
  --la CODE           the authority's DfE code, for the rules about placements in its own area
  --format text|csv   how to give the report (text by default)
  --out FILE          write the report to FILE instead of printing it

Exit codes: 0 no failures (queries alone still pass), 1 rule failures, 2 a usage mistake, 3 a file could not be read.`

/** The return, its files and the collection year from a returns command's arguments, shared by validate and import. */
export function returnArguments(positionals: readonly string[], yearText: string | undefined, verb: string): { kind: ReturnKind; paths: string[]; year: number } {
  const [kind, ...paths] = positionals
  if (kind !== '903' && kind !== 'cin') throw new UsageError('say which return: 903 or cin')
  if (paths.length === 0) throw new UsageError(`give the files or directory to ${verb}`)
  const year = Number(yearText)
  if (!yearText || !Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year must be the year the collection ends, like 2026')
  return { kind, paths, year }
}

/** Says which of the files given do not exist; true when any is missing. */
export function reportMissing(paths: readonly string[]): boolean {
  const absent = paths.filter((given) => !existsSync(given))
  for (const given of absent) console.error(`Error: ${given}: no such file or directory`)
  return absent.length > 0
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a 903 or CIN census return from any system against every DfE rule',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parse(args)
    const { kind, paths, year } = returnArguments(positionals, values.year, 'validate')
    if (values.format !== 'text' && values.format !== 'csv') throw new UsageError('--format must be text or csv')
    if (values.last && kind === 'cin') throw new UsageError('--last is for the 903 only')

    if (reportMissing([...paths, ...(values.last ?? [])])) return EXIT_UNREADABLE
    const progress = createProgress()
    const outcome = validateReturn({
      kind, year, rulesetName: values.ruleset, localAuthority: values.la,
      files: submittedFiles(paths), lastYear: submittedFiles(values.last ?? []),
      onProgress: (done, total) => (done === 0 ? progress.start(total, 'Validating') : progress.update(done)),
    })
    progress.stop()
    if (!outcome.ok) {
      printProblems(outcome.problems)
      console.error(`The return was not validated: fix ${outcome.problems.filter((p) => p.severity === 'error').length === 1 ? 'the problem' : 'the problems'} above and run it again.`)
      return EXIT_UNREADABLE
    }
    printProblems(outcome.problems)
    const report = values.format === 'csv' ? toCsv(REPORT_COLUMNS, outcome.report.map(reportCells)) : textReport(outcome.report)
    if (values.out) writeFileSync(values.out, report)
    else process.stdout.write(report)
    const errors = outcome.report.filter((row) => row.kind === 'Error').length
    const queries = outcome.report.length - errors
    console.error(`${outcome.children.toLocaleString('en-GB')} children checked with ${outcome.ruleset.rules.length} rules (${outcome.ruleset.name}): `
      + `${errors.toLocaleString('en-GB')} error${errors === 1 ? '' : 's'}${kind === 'cin' ? `, ${queries.toLocaleString('en-GB')} quer${queries === 1 ? 'y' : 'ies'}` : ''}`
      + `${values.out ? `; the report is in ${values.out}` : ''}.`)
    return errors > 0 ? EXIT_FAILED_RULES : EXIT_PASSED
  },
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args, allowPositionals: true,
      options: {
        year: { type: 'string' }, ruleset: { type: 'string' }, last: { type: 'string', multiple: true }, la: { type: 'string' },
        format: { type: 'string', default: 'text' }, out: { type: 'string' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** The files named, and the .csv, .xml and .txt files in directories named. */
export function submittedFiles(paths: string[]): SubmittedFile[] {
  const files: string[] = []
  for (const given of paths) {
    if (statSync(given).isDirectory()) {
      files.push(...readdirSync(given).filter((name) => /\.(csv|xml|txt)$/i.test(name) && !name.startsWith('.')).sort().map((name) => path.join(given, name)))
    } else files.push(given)
  }
  return files.map((file) => ({ name: file, bytes: readFileSync(file) }))
}

export function printProblems(problems: FileProblem[]): void {
  for (const problem of problems) console.error(`${problem.severity === 'error' ? 'Error' : 'Warning'}: ${describeProblem(problem)}`)
}

function textReport(rows: ReportRow[]): string {
  const lines = rows.map((row) => {
    const where = row.row === null ? 'the whole return' : `${row.table} row ${row.row}${row.file ? ` (${row.file} line ${row.line})` : ''}`
    return `${row.kind} ${row.rule}: ${row.message}\n  ${where}${row.child ? `, child ${row.child}` : ''}${row.fields ? `; ${row.fields}` : ''}`
  })
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}
