// A generated return checked the way any submitted return is: its files read back by the same readers and every
// DfE rule for the year run over them, so what Kindred writes and what it checks can never drift apart.
import type { ReturnKind } from '../rulesets.js'
import { validateReturn, type ReportRow, type ValidationOutcome } from '../validate/validate-return.js'
import type { ReturnFile } from './ssda903-files.js'

export interface GeneratedCheck {
  outcome: ValidationOutcome
  errors: number
  queries: number
}

/** `lastYear`: the previous year's 903 tables, for the rules that compare the two (see GeneratedReturn). */
export function checkGenerated(kind: ReturnKind, year: number, laCode: string, files: readonly ReturnFile[], lastYear: readonly ReturnFile[] = []): GeneratedCheck {
  const submitted = (list: readonly ReturnFile[]) => list.map((file) => ({ name: file.name, bytes: Buffer.from(file.content, 'utf8') }))
  const outcome = validateReturn({ kind, year, localAuthority: laCode, files: submitted(files), lastYear: submitted(lastYear) })
  const report: ReportRow[] = outcome.ok ? outcome.report : []
  return { outcome, errors: report.filter((r) => r.kind === 'Error').length, queries: report.filter((r) => r.kind === 'Query').length }
}
