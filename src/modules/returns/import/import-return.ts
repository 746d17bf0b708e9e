// Loads a return's files into an authority as casework history: reads and validates them exactly as `kindred
// validate` does, then writes every child and record in one transaction, so an import is whole or not at all.
// Rule failures do not stop it unless `strict` (the failures then show in the children's live data quality);
// unreadable files always do, and so does a row the database cannot hold.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { ImportSource } from '../../../platform/events/imported-history.js'
import type { SubmittedFile } from '../files/read-return.js'
import type { FileProblem } from '../files/problems.js'
import { collectionYear } from '../generate/collection-year.js'
import { availableRulesets, rulesetForYear, type ReturnKind } from '../rulesets.js'
import { validateReturn, type ValidationOutcome } from '../validate/validate-return.js'
import { importAccounts } from './accounts.js'
import { importCinCensus } from './cin-history.js'
import { ImportRefusedError, type ImportProgress, type ImportedCounts } from './counts.js'
import { importSsda903 } from './ssda903-history.js'

export interface ImportRequest {
  kind: ReturnKind
  /** The collection year of the data, by the year it ends in (2026 for 2025/26). */
  year: number
  laCode: string
  files: SubmittedFile[]
  /** Refuse the import when the return fails any rule (queries alone do not count). */
  strict?: boolean
  onValidating?: (done: number, total: number) => void
  progress?: ImportProgress
}

export type Validated = Extract<ValidationOutcome, { ok: true }>

export type ImportOutcome =
  | { status: 'unreadable'; problems: FileProblem[] }
  | { status: 'no-authority' }
  | { status: 'failed-rules'; validation: Validated; errors: number }
  | { status: 'refused-row'; validation: Validated; refusal: ImportRefusedError }
  | { status: 'imported'; validation: Validated; errors: number; counts: ImportedCounts }

const quiet: ImportProgress = { start() {}, advance() {} }

export async function importReturn(db: Kysely<DB>, request: ImportRequest): Promise<ImportOutcome> {
  // A return from before the earliest rules Kindred holds is still history worth having: checked with those rules.
  const earliest = rulesetForYear(request.kind, request.year) ? undefined : availableRulesets(request.kind)[0]
  const validation = validateReturn({
    kind: request.kind, year: request.year, rulesetName: earliest, localAuthority: request.laCode, files: request.files, onProgress: request.onValidating,
  })
  if (!validation.ok) return { status: 'unreadable', problems: validation.problems }
  if (earliest) {
    validation.problems.push({ file: 'the rules', severity: 'warning', message: `Kindred holds no DfE rules for ${request.year - 1} to ${request.year}, so the return was checked with ${earliest}'s, which may not all apply to it` })
  }
  const errors = validation.report.filter((row) => row.kind === 'Error').length
  if (request.strict && errors > 0) return { status: 'failed-rules', validation, errors }
  const year = collectionYear(request.year)
  try {
    return await db.transaction().execute(async (trx) => {
      const accounts = await importAccounts(trx, request.laCode)
      if (!accounts) return { status: 'no-authority' as const }
      const source: ImportSource = {
        laCode: request.laCode, ...accounts, censusDate: year.end, from: `the ${request.kind === 'cin' ? 'CIN census' : 'SSDA903 return'} ${request.year - 1} to ${request.year}`,
      }
      const counts = request.kind === 'cin'
        ? await importCinCensus(trx, source, validation.tables, request.progress ?? quiet)
        : await importSsda903(trx, source, validation.tables, year, request.progress ?? quiet)
      return { status: 'imported' as const, validation, errors, counts }
    })
  } catch (error) {
    if (error instanceof ImportRefusedError) return { status: 'refused-row', validation, refusal: error }
    throw error
  }
}
