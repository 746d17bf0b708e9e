// Reads one SSDA903 CSV file: recognises its table by the header row, checks every required column is there,
// trims cells (blank is missing), and reads spreadsheet-mangled dates back to dd/mm/yyyy with a warning saying
// where. Records keep their line in the file so the report can point at it.
import type { Cell, Table } from '../validation/table.js'
import { CsvSyntaxError, csvRecords, type CsvRecord } from './csv-records.js'
import { hasTwoDigitYear, repairDate } from './excel-dates.js'
import { FileReadError, type FileProblem } from './problems.js'
import { recogniseTable, SSDA903_DATE_COLUMNS, SSDA903_TABLES, type Ssda903TableName } from './ssda903-tables.js'

export interface SourcedTable {
  name: Ssda903TableName
  file: string
  table: Table
  /** Each row's line in the file. */
  lines: number[]
}

export interface CsvReadResult {
  /** Null when the file could not be read as a 903 table; `problems` then says why. */
  read: SourcedTable | null
  problems: FileProblem[]
}

export function readSsda903Csv(file: string, text: string): CsvReadResult {
  let records
  try {
    records = csvRecords(text)
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    throw new FileReadError({ file, line: error.line, column: error.column, message: error.message })
  }
  const [headerRecord, ...rows] = records
  if (!headerRecord) throw new FileReadError({ file, message: 'the file is empty: it needs a header row naming the columns' })
  const header = headerRecord.fields.map((name) => name.trim().toUpperCase())
  const name = recogniseTable(header)
  if (!name) {
    throw new FileReadError({ file, line: 1, message: `the header row (${header.join(', ')}) does not match any SSDA903 table's columns` })
  }
  const problems: FileProblem[] = []
  const expected: readonly string[] = SSDA903_TABLES[name]
  const missing = expected.filter((column) => !header.includes(column))
  if (missing.length > 0) {
    problems.push({ file, line: 1, severity: 'error', message: `this looks like the ${name} table but has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}` })
  }
  header.forEach((column, i) => {
    if (!expected.includes(column)) problems.push({ file, line: 1, column: i + 1, severity: 'warning', message: `the ${name} table has no column "${column}"; it was left out` })
    else if (header.indexOf(column) !== i) problems.push({ file, line: 1, column: i + 1, severity: 'error', message: `the column ${column} appears twice` })
  })
  for (const record of rows) {
    if (record.fields.length > header.length && record.fields.slice(header.length).some((field) => field.trim() !== '')) {
      problems.push({ file, line: record.line, column: header.length + 1, severity: 'error', message: `the row has ${record.fields.length} values but the header names ${header.length} columns` })
      break
    }
  }
  if (problems.some((problem) => problem.severity === 'error')) return { read: null, problems }

  const positions = expected.map((column) => header.indexOf(column))
  const dates = new DateRepairs(file)
  const isDate = expected.map((column) => SSDA903_DATE_COLUMNS.has(column))
  const cell = (record: CsvRecord, i: number): Cell => {
    const position = positions[i]!
    const text = record.fields[position]?.trim() ?? ''
    if (text === '') return null
    return isDate[i] ? dates.read(text, expected[i]!, record.line, position + 1) : text
  }
  // Files in the DfE column order (nearly all) are converted in place rather than copied: a return has 200,000 rows.
  const inOrder = positions.every((position, i) => position === i)
  const tableRows: Cell[][] = rows.map((record) => {
    if (!inOrder) return expected.map((_, i) => cell(record, i))
    const cells: Cell[] = record.fields
    for (let i = 0; i < expected.length; i++) cells[i] = cell(record, i)
    cells.length = expected.length
    return cells
  })
  problems.push(...dates.warnings())
  return { read: { name, file, table: { columns: [...expected], rows: tableRows }, lines: rows.map((record) => record.line) }, problems }
}

/** Repairs dates and gathers one warning per column and kind of repair, with the first place it happened. */
class DateRepairs {
  private readonly seen = new Map<string, FileProblem & { count: number; example: string }>()

  constructor(private readonly file: string) {}

  read(text: string, column: string, line: number, position: number): string {
    const repaired = repairDate(text)
    if (repaired) this.note(column, line, position, `dates ${repaired.how}`, `"${text}" was read as ${repaired.value}`)
    else if (hasTwoDigitYear(text)) this.note(column, line, position, 'dates with a two-digit year, which cannot be read safely', `"${text}" needs a four-digit year`)
    return repaired?.value ?? text
  }

  private note(column: string, line: number, position: number, what: string, example: string): void {
    const key = `${column}|${what}`
    const found = this.seen.get(key)
    if (found) found.count++
    else this.seen.set(key, { file: this.file, line, column: `${position} (${column})`, severity: 'warning', message: what, count: 1, example })
  }

  warnings(): FileProblem[] {
    return [...this.seen.values()].map(({ count, example, ...problem }) => ({
      ...problem,
      message: `${count.toLocaleString('en-GB')} ${problem.message.replace(/^dates/, count === 1 ? 'date' : 'dates')} (first here: ${example})`,
    }))
  }
}
