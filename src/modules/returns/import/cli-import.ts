// `kindred import 903|cin --la CODE --year YYYY [--strict] <files or directory>`: loads a return made by any system
// into an authority as casework history, after validating it as `kindred validate` does.
import { parseArgs } from 'node:util'
import { OperatorError, UsageError, type Command } from '../../../cli/command.js'
import { withDatabase } from '../../../cli/database.js'
import { createProgress } from '../../../cli/progress.js'
import type { Database } from '../../../platform/db/database.js'
import { printProblems, reportMissing, returnArguments, submittedFiles } from '../cli-validate.js'
import { importReturn, type ImportOutcome, type Validated } from './import-return.js'
import type { ImportedCounts } from './counts.js'

/** Exit codes: imported; refused (nothing written); a file could not be read (nothing written). (2 is a usage mistake.) */
export const EXIT_IMPORTED = 0
export const EXIT_REFUSED = 1
export const EXIT_UNREADABLE = 3

const USAGE = `Usage: kindred import 903|cin --la CODE --year YYYY [--strict] <files or directory>

Loads a statutory return made by any system into an authority as casework history.
  903   SSDA903 CSV tables (each recognised by its columns, whatever the file is called) or the XML form
  cin   one CIN census XML file

The files are read and checked against the year's DfE rules first, and the summary printed. A file that cannot be
read stops the import. Rule failures do not: the return is imported as it is, and its failures then show in each
child's data quality, where they are fixed. With --strict any rule failure (queries aside) refuses the import.

Each child is found by LA child id (CHILD, LAchildID), or else by UPN, or created. Returns carry no names, so a new
child is recorded as "Not known Imported <LA child id>" until someone enters the name. Each record is matched by the
child and its start date, so importing the same return again changes nothing. Import returns oldest first: a period
of care that began before the earliest return imported starts, in Kindred, with its first episode in it. OC2's checks
and OC3's contacts, which the 903 gives without dates, are recorded on the census date and the birthday. Social
worker episodes become allocations to the worker holding that Social Work England number in the staff records (add
the workers first; the summary lists episodes it could not place). A mother's eldest child (MOTHER, MC_DOB) joins her
family network, name not known. CONVICTED becomes a conviction on the census date. Adopters are not imported yet.

The whole import is one transaction: if any row cannot be held (a code Kindred does not know, say), nothing is written.

Options:
  --la CODE     the DfE code of the authority to load into (it must exist in Kindred)
  --year YYYY   the collection year of the data (2026 for 2025/26)
  --strict      refuse the import if the return fails any rule

Exit codes: 0 imported, 1 refused (nothing written), 2 a usage mistake, 3 a file could not be read (nothing written).`

type Open = <T>(work: (database: Database) => Promise<T>) => Promise<T>

/** The command on a database the caller opens: the data directory's, locked, for `kindred import`; a test's own. */
export function importCommandOn(open: Open): Command {
  return {
    name: 'import',
    summary: 'Load a 903 or CIN census return from any system into an authority as casework history',
    usage: USAGE,
    async run(args) {
      const { values, positionals } = parse(args)
      const { kind, paths, year } = returnArguments(positionals, values.year, 'import')
      if (!values.la || !/^\d{3}$/.test(values.la)) throw new UsageError('--la must be the authority\'s three-digit DfE code, like 886')
      if (reportMissing(paths)) return EXIT_UNREADABLE
      const laCode = values.la
      return open(async (database) => {
        const validating = createProgress()
        const importing = createProgress()
        let importStarted = false
        const outcome = await importReturn(database.db, {
          kind, year, laCode, files: submittedFiles(paths), strict: values.strict,
          onValidating: (done, total) => (done === 0 ? validating.start(total, 'Validating') : validating.update(done)),
          progress: {
            start: (children) => { validating.stop(); importStarted = true; importing.start(children, 'Importing') },
            advance: () => importing.increment(),
          },
        })
        if (importStarted) importing.stop()
        else validating.stop()
        return report(outcome, laCode)
      })
    },
  }
}

export const importCommand = importCommandOn(withDatabase)

function parse(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: { la: { type: 'string' }, year: { type: 'string' }, strict: { type: 'boolean', default: false } } })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

function report(outcome: ImportOutcome, laCode: string): number {
  if (outcome.status === 'unreadable') {
    printProblems(outcome.problems)
    console.error('Nothing was imported: fix the files and run it again.')
    return EXIT_UNREADABLE
  }
  if (outcome.status === 'no-authority') throw new OperatorError(`Kindred holds no authority ${laCode} with a children's services agency: nothing was imported.`)
  printProblems(outcome.validation.problems)
  console.log(validationSummary(outcome.validation))
  if (outcome.status === 'failed-rules') {
    console.error(`Nothing was imported: the return fails ${plural(outcome.errors, 'rule check')} and --strict was given (kindred validate lists them).`)
    return EXIT_REFUSED
  }
  if (outcome.status === 'refused-row') {
    console.error(`Error: ${outcome.refusal.message}.\nNothing was imported: correct that row and run it again.`)
    return EXIT_REFUSED
  }
  console.log(importSummary(outcome.counts, laCode, outcome.errors))
  return EXIT_IMPORTED
}

function validationSummary(validation: Validated): string {
  const errors = validation.report.filter((row) => row.kind === 'Error').length
  const queries = validation.report.length - errors
  return `Checked ${plural(validation.children, 'child', 'children')} with ${validation.ruleset.rules.length} rules (${validation.ruleset.name}): `
    + `${plural(errors, 'error')}, ${plural(queries, 'query', 'queries')}.`
}

/** Row numbers listed for each reason rows were not imported; the rest are counted. */
const LISTED = 10

function importSummary(counts: ImportedCounts, laCode: string, errors: number): string {
  const records = Object.entries(counts.records).map(([table, n]) => `  ${table}: ${n.toLocaleString('en-GB')}`)
  const reasons = new Map<string, number[]>()
  for (const s of counts.skipped) reasons.set(`${s.table}\t${s.reason}`, [...(reasons.get(`${s.table}\t${s.reason}`) ?? []), s.row])
  const skipped = [...reasons].map(([key, rows]) => {
    const [table, reason] = key.split('\t')
    const listed = rows.slice(0, LISTED).join(', ') + (rows.length > LISTED ? ` and ${(rows.length - LISTED).toLocaleString('en-GB')} more` : '')
    return `  ${table} ${rows.length === 1 ? 'row' : 'rows'} ${listed}: ${reason}`
  })
  const created = counts.created > 0 ? `, ${counts.created.toLocaleString('en-GB')} of them new and named "Not known" until someone enters their names` : ', all already held'
  return [
    `Imported into ${laCode}: ${plural(counts.children, 'child', 'children')}${created}.`,
    'Rows imported (each matched with what Kindred holds and brought up to date, or added):', ...records,
    ...(skipped.length > 0 ? [`Not imported: ${plural(counts.skipped.length, 'row')}`, ...skipped] : []),
    ...(errors > 0 ? [`The return's ${plural(errors, 'rule failure')} now show in the children's data quality.`] : []),
  ].join('\n')
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`
