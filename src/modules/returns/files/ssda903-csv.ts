// Reads one SSDA903 CSV file: recognises its table by the header row, checks every required column is there,
// trims cells (blank is missing), and reads spreadsheet-mangled dates back to dd/mm/yyyy with a warning saying
// where. Records keep their line in the file so the report can point at it.
import { columnarTable, type Cell, type Table } from '../validation/table.js'
import { CsvSyntaxError, forEachCsvRecord } from './csv-records.js'
import { hasTwoDigitYear, repairDate } from './excel-dates.js'
import { detached, Interner } from './interner.js'
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

export function readSsda903Csv(file: string, text: string, interned = new Interner()): CsvReadResult {
  let reading: ColumnReader | undefined
  try {
    forEachCsvRecord(text, (fields, line) => {
      if (!reading) reading = new ColumnReader(file, fields, interned)
      else return reading.add(fields, line)
    })
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    throw new FileReadError({ file, line: error.line, column: error.column, message: error.message })
  }
  if (!reading) throw new FileReadError({ file, message: 'the file is empty: it needs a header row naming the columns' })
  return reading.result()
}

/** Checks the header row, then reads each record's cells straight into the table's columns. */
class ColumnReader {
  private readonly name: Ssda903TableName
  private readonly expected: readonly string[]
  private readonly problems: FileProblem[] = []
  private readonly positions: number[]
  private readonly isDate: boolean[]
  private readonly values: Cell[][]
  private readonly lines: number[] = []
  private readonly dates: DateRepairs
  private readonly headerLength: number
  /** The header has an error, so the rows are only checked, not kept. */
  private readonly headerFailed: boolean

  constructor(private readonly file: string, headerFields: string[], private readonly interned: Interner) {
    const header = headerFields.map((name) => name.trim().toUpperCase())
    const name = recogniseTable(header)
    if (!name) {
      throw new FileReadError({ file, line: 1, message: `the header row (${header.join(', ')}) does not match any SSDA903 table's columns` })
    }
    this.name = name
    const expected: readonly string[] = SSDA903_TABLES[name]
    this.expected = expected
    const missing = expected.filter((column) => !header.includes(column))
    if (missing.length > 0) {
      this.problems.push({ file, line: 1, severity: 'error', message: `this looks like the ${name} table but has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}` })
    }
    header.forEach((column, i) => {
      if (!expected.includes(column)) this.problems.push({ file, line: 1, column: i + 1, severity: 'warning', message: `the ${name} table has no column "${column}"; it was left out` })
      else if (header.indexOf(column) !== i) this.problems.push({ file, line: 1, column: i + 1, severity: 'error', message: `the column ${column} appears twice` })
    })
    this.headerLength = header.length
    this.headerFailed = this.problems.some((problem) => problem.severity === 'error')
    this.positions = expected.map((column) => header.indexOf(column))
    this.isDate = expected.map((column) => SSDA903_DATE_COLUMNS.has(column))
    this.values = expected.map(() => [])
    this.dates = new DateRepairs(file)
  }

  /** Takes one data record; false (stop reading) once the file is known to be unusable. */
  add(fields: string[], line: number): boolean {
    if (fields.length > this.headerLength && fields.slice(this.headerLength).some((field) => field.trim() !== '')) {
      this.problems.push({ file: this.file, line, column: this.headerLength + 1, severity: 'error', message: `the row has ${fields.length} values but the header names ${this.headerLength} columns` })
      return false
    }
    if (this.headerFailed) return true
    for (let i = 0; i < this.expected.length; i++) this.values[i]!.push(this.cell(fields, i, line))
    this.lines.push(line)
    return true
  }

  result(): CsvReadResult {
    if (this.problems.some((problem) => problem.severity === 'error')) return { read: null, problems: this.problems }
    const table = columnarTable([...this.expected], this.values, this.lines.length)
    return { read: { name: this.name, file: this.file, table, lines: this.lines }, problems: [...this.problems, ...this.dates.warnings()] }
  }

  private cell(fields: string[], i: number, line: number): Cell {
    const position = this.positions[i]!
    const raw = fields[position]
    if (raw === undefined || raw === '') return null
    const text = raw.trim()
    if (text === '') return null
    const value = this.isDate[i] ? this.dates.read(text, this.expected[i]!, line, position + 1) : text
    return this.interned.intern(value)
  }
}

/** Repairs dates and gathers one warning per column and kind of repair, with the first place it happened. */
class DateRepairs {
  private readonly seen = new Map<string, FileProblem & { count: number; example: string }>()

  constructor(private readonly file: string) {}

  read(text: string, column: string, line: number, position: number): string {
    const repaired = repairDate(text)
    if (repaired) this.note(column, line, position, `dates ${repaired.how}`, () => `"${detached(text)}" was read as ${repaired.value}`)
    else if (hasTwoDigitYear(text)) this.note(column, line, position, 'dates with a two-digit year, which cannot be read safely', () => `"${text}" needs a four-digit year`)
    return repaired?.value ?? text
  }

  /** Counts a repair; the example is written for the first only. */
  private note(column: string, line: number, position: number, what: string, example: () => string): void {
    const key = `${column}|${what}`
    const found = this.seen.get(key)
    if (found) found.count++
    else this.seen.set(key, { file: this.file, line, column: `${position} (${column})`, severity: 'warning', message: what, count: 1, example: example() })
  }

  warnings(): FileProblem[] {
    return [...this.seen.values()].map(({ count, example, ...problem }) => ({
      ...problem,
      message: `${count.toLocaleString('en-GB')} ${problem.message.replace(/^dates/, count === 1 ? 'date' : 'dates')} (first here: ${example})`,
    }))
  }
}
