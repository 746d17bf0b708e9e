// Validates a submitted return against a ruleset: reads the files, runs every rule once over the tables, and gives
// the report rows (rule, message, table, row, child, fields, and the file and line the row came from). Shared by
// `kindred validate` and the upload page.
import { readReturn, hasErrors, type SubmittedFile } from '../files/read-return.js'
import type { FileProblem } from '../files/problems.js'
import { returnOfRuleset, rulesetForYear, rulesetNamed, type ReturnKind, type Ruleset } from '../rulesets.js'
import { collectionYearOfRuleset } from '../validation/fixtures.js'
import { collectionContext, runRuleset } from '../validation/run.js'
import type { Tables } from '../validation/table.js'
import { rowCount } from '../validation/table.js'

export interface ValidationRequest {
  kind: ReturnKind
  /** The collection year of the data, by the year it ends in (2026 for 2025/26). */
  year: number
  /** A named ruleset to apply instead of the year's own (`lac2025_26`, `cin2025_26`). */
  rulesetName?: string
  files: SubmittedFile[]
  lastYear?: SubmittedFile[]
  /** The submitting authority's DfE code, for the rules about placements in or out of area. */
  localAuthority?: string
  onProgress?: (done: number, total: number) => void
}

export interface ReportRow {
  rule: string
  kind: 'Error' | 'Query'
  message: string
  table: string
  /** The row's number within its table, from 1; null for a query about the whole return. */
  row: number | null
  child: string | null
  fields: string
  file: string | null
  line: number | null
}

export type ValidationOutcome =
  | { ok: false; problems: FileProblem[] }
  | { ok: true; ruleset: Ruleset; problems: FileProblem[]; report: ReportRow[]; children: number; tables: Tables }

/**
 * Episode columns DfE works out from the postcodes rather than collecting: a return from another system rarely has
 * them, and without the postcode directory Kindred cannot either, so the rules on them are left out and said so.
 */
const POSTCODE_DERIVED = ['PL_DISTANCE', 'PL_LA', 'PL_LOCATION']

export const REPORT_COLUMNS = ['rule', 'type', 'message', 'table', 'row', 'child', 'fields', 'file', 'line'] as const

/** A report row as the CSV's cells, in REPORT_COLUMNS order. */
export function reportCells(row: ReportRow): (string | number | null)[] {
  return [row.rule, row.kind, row.message, row.table, row.row, row.child, row.fields, row.file, row.line]
}

/** The ruleset to apply, or why there is none. */
export function chooseRuleset(kind: ReturnKind, year: number, name?: string): Ruleset | string {
  if (name) {
    if (returnOfRuleset(name) !== kind) return `"${name}" is not a ${kind === '903' ? 'SSDA903 ruleset (like lac2025_26)' : 'CIN census ruleset (like cin2025_26)'}`
    return rulesetNamed(name) ?? `Kindred has no ruleset called ${name}`
  }
  return rulesetForYear(kind, year) ?? `Kindred has no ${kind === '903' ? 'SSDA903' : 'CIN census'} rules for ${year - 1} to ${year}`
}

export function validateReturn(request: ValidationRequest): ValidationOutcome {
  const ruleset = chooseRuleset(request.kind, request.year, request.rulesetName)
  if (typeof ruleset === 'string') return { ok: false, problems: [{ file: '(ruleset)', severity: 'error', message: ruleset }] }
  const read = readReturn(request.kind, request.files, request.lastYear)
  if (hasErrors(read.problems)) return { ok: false, problems: read.problems }
  const metadata: Record<string, unknown> = { file_format: read.format }
  if (request.localAuthority) metadata.localAuthority = request.localAuthority
  if (!request.rulesetName && collectionYearOfRuleset(ruleset.name) !== request.year) {
    read.problems.push({ file: 'the rules', severity: 'warning', message: `DfE has published no rules for ${request.year - 1} to ${request.year} yet, so the ${ruleset.name} rules were applied` })
  }
  const { applied, note } = withoutUnderivedRules(ruleset, read.tables.Episodes?.columns)
  if (note) read.problems.push(note)
  const findings = runRuleset(applied, read.tables, collectionContext(request.year, metadata), request.onProgress)
  const report = findings.map((finding): ReportRow => {
    const source = read.sources[finding.table]
    return {
      rule: finding.code, kind: finding.kind, message: finding.message, table: finding.table,
      row: finding.row < 0 ? null : finding.row + 1, child: finding.child, fields: finding.fields.join(', '),
      file: source?.file ?? null, line: finding.row < 0 ? null : (source?.lines[finding.row] ?? null),
    }
  })
  const children = read.tables[request.kind === 'cin' ? 'ChildIdentifiers' : 'Header']
  return { ok: true, ruleset, problems: read.problems, report, children: children ? rowCount(children) : 0, tables: read.tables }
}

/** The ruleset less the rules on postcode-derived columns the episodes do not have, and a note naming them. */
function withoutUnderivedRules(ruleset: Ruleset, episodeColumns: string[] | undefined): { applied: Ruleset; note?: FileProblem } {
  if (ruleset.returnKind !== '903' || !episodeColumns) return { applied: ruleset }
  const absent = POSTCODE_DERIVED.filter((column) => !episodeColumns.includes(column))
  const left = ruleset.rules.filter((rule) => rule.fields.some((field) => absent.includes(field)))
  if (left.length === 0) return { applied: ruleset }
  return {
    applied: { ...ruleset, rules: ruleset.rules.filter((rule) => !left.includes(rule)) },
    note: {
      file: 'the Episodes table', severity: 'warning',
      message: `rules ${left.map((rule) => rule.code).join(', ')} were not applied: they check ${absent.join(', ')}, which DfE works out from the postcodes and the files do not give`,
    },
  }
}
