// Loads a rule test case (fixtures/<return>/<ruleset>/<code>.json) into the engine's own shapes, so every
// return's harness runs its cases the same way. Outputs are left as they are: 903 lists flagged row labels per
// table, CIN uses richer groups, and each return's test interprets its own.
import { readFileSync } from 'node:fs'
import { formatDay, parseDay } from './dates.js'
import type { RuleContext } from './rule.js'
import type { Cell, Table, Tables } from './table.js'

/** A table as the fixture files serialise it (a pandas DataFrame). */
interface SerialisedFrame {
  $dataframe?: boolean
  columns: string[]
  index: unknown[]
  rows: unknown[][]
}

interface SerialisedCall {
  input: Record<string, unknown>
  output: unknown
}

export interface SerialisedFixture {
  ruleset_dir: string
  code: string
  message: string
  affected_fields?: string[]
  tables?: string[]
  upstream_test_status?: string
  calls: SerialisedCall[]
}

export interface FixtureCall {
  tables: Tables
  context: RuleContext
  /** Each table's row labels by position, as text, so a failure's row maps back to the case's `index`. */
  labels: Record<string, string[]>
  /** The expected output, exactly as in the file. */
  output: unknown
}

export interface Fixture {
  code: string
  rulesetDir: string
  message: string
  affectedFields: string[]
  tables: string[]
  upstreamTestStatus: string | undefined
  calls: FixtureCall[]
}

export function loadFixture(path: string): Fixture {
  return parseFixture(JSON.parse(readFileSync(path, 'utf8')) as SerialisedFixture)
}

export function parseFixture(fixture: SerialisedFixture): Fixture {
  const endingYear = collectionYearOfRuleset(fixture.ruleset_dir)
  return {
    code: fixture.code,
    rulesetDir: fixture.ruleset_dir,
    message: fixture.message,
    affectedFields: fixture.affected_fields ?? [],
    tables: fixture.tables ?? [],
    upstreamTestStatus: fixture.upstream_test_status,
    calls: fixture.calls.map((call) => parseCall(call, endingYear)),
  }
}

/** The year a ruleset's collection ends in: `lac2025_26` and `cin2025_26` end on 31 March 2026. */
export function collectionYearOfRuleset(ruleset: string): number | undefined {
  const match = /(\d{4})_(\d{2})$/.exec(ruleset)
  return match ? Number(match[1]) + 1 : undefined
}

function parseCall(call: SerialisedCall, fallbackEndingYear: number | undefined): FixtureCall {
  const tables: Tables = {}
  const labels: Record<string, string[]> = {}
  let metadata: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(call.input)) {
    if (name === 'metadata') {
      metadata = parseMetadata(value as Record<string, unknown>)
    } else {
      const frame = value as SerialisedFrame
      tables[name] = toTable(frame)
      labels[name] = frame.index.map(labelText)
    }
  }
  return { tables, labels, context: contextFrom(metadata, fallbackEndingYear), output: call.output }
}

/** Metadata as rules see it: dates as yyyy-mm-dd and embedded frames (provider information) as Tables. */
function parseMetadata(raw: Record<string, unknown>): Record<string, unknown> {
  const metadata: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (isFrame(value)) metadata[key] = toTable(value)
    else if (isDate(value)) metadata[key] = cellText(value)
    else metadata[key] = value
  }
  return metadata
}

/**
 * Collection dates come from `collection_start`/`collection_end` when given; a missing one is a year from the
 * other; with neither, from `collectionYear` (the year the collection ends), then from the ruleset's year.
 */
function contextFrom(metadata: Record<string, unknown>, fallbackEndingYear: number | undefined): RuleContext {
  let start = dayOf(metadata.collection_start)
  let end = dayOf(metadata.collection_end)
  if (start === null && end !== null) start = shiftYears(end, -1) + 1
  if (end === null && start !== null) end = shiftYears(start, 1) - 1
  if (start === null || end === null) {
    const year = Number(metadata.collectionYear ?? fallbackEndingYear ?? new Date().getUTCFullYear())
    start = Date.UTC(year - 1, 3, 1) / 86_400_000
    end = Date.UTC(year, 2, 31) / 86_400_000
  }
  return { collectionStart: start, collectionEnd: end, metadata }
}

function dayOf(value: unknown): number | null {
  return typeof value === 'string' ? parseDay(value) : null
}

/** The same calendar day a number of years later (29 February falls back to 28 February). */
function shiftYears(day: number, years: number): number {
  const date = new Date(day * 86_400_000)
  const shifted = Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate())
  const check = new Date(shifted)
  return check.getUTCDate() === date.getUTCDate() ? shifted / 86_400_000 : shifted / 86_400_000 - 1
}

function toTable(frame: SerialisedFrame): Table {
  return { columns: [...frame.columns], rows: frame.rows.map((row) => row.map(cellText)) }
}

/**
 * Cell text: null is missing, dates become yyyy-mm-dd, numbers their shortest text. Strings stay exactly as the case
 * has them: a case's '' is a present-but-empty value (as in the DfE tool), which some codes-list cases rely on.
 */
function cellText(value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (isDate(value)) {
    const day = parseDay(value.$date.slice(0, 10))
    return day === null ? value.$date : formatDay(day)
  }
  if (typeof value === 'number') return Number.isNaN(value) ? null : String(value)
  return String(value)
}

function labelText(label: unknown): string {
  return String(label)
}

function isDate(value: unknown): value is { $date: string } {
  return typeof value === 'object' && value !== null && typeof (value as { $date?: unknown }).$date === 'string'
}

function isFrame(value: unknown): value is SerialisedFrame {
  return typeof value === 'object' && value !== null && Array.isArray((value as { rows?: unknown }).rows)
}
