// `kindred validate`: a return from any system is read whatever its files are called or saved as, checked against
// the year's DfE rules, and reported; a file that cannot be read gets an error naming the file, line and column.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { toCsv } from '../../platform/http/csv.js'
import { synthetic903 } from './bench/synthetic-903.js'
import { syntheticCinXml } from './bench/synthetic-cin.js'
import { EXIT_FAILED_RULES, EXIT_UNREADABLE, validateCommand } from './cli-validate.js'
import { parseCsv } from './ssda903/ruleset.js'
import { REPORT_COLUMNS } from './validate/validate-return.js'

let dir: string
let errors: string

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kindred-validate-'))
  errors = ''
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { errors += `${args.join(' ')}\n` })
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  vi.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

const tables = synthetic903(40, 2026, 'cli-test')

/** Writes the return's tables into a folder, each under the name given (DfE's own by default), changed as asked. */
function write(folder: string, options: { names?: Record<string, string>; change?: (name: string, text: string) => string | Buffer } = {}): string {
  const target = path.join(dir, folder)
  rmSync(target, { recursive: true, force: true })
  mkdirSync(target)
  for (const [name, table] of Object.entries(tables)) {
    const text = toCsv(table.columns, table.rows)
    writeFileSync(path.join(target, options.names?.[name] ?? `${name}.csv`), options.change?.(name, text) ?? text)
  }
  return target
}

/** The number Excel shows for a date: days since 30 December 1899. */
function excelSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000
}

async function validate(...args: string[]): Promise<{ code: number; report: string[][] }> {
  const out = path.join(dir, `report-${Math.random()}.csv`)
  const code = await validateCommand.run([...args, '--format', 'csv', '--out', out])
  let report: string[][] = []
  try { report = parseCsv(readFileSync(out, 'utf8')) } catch { /* no report for an unreadable return */ }
  return { code, report }
}

describe('kindred validate 903', () => {
  it('checks a directory of DfE tables with every rule for the year and writes the report as CSV', async () => {
    const { code, report } = await validate('903', '--year', '2026', write('plain'))
    expect(code).toBe(EXIT_FAILED_RULES)
    expect(report[0]).toEqual([...REPORT_COLUMNS])
    expect(report.length).toBeGreaterThan(1)
    expect(errors).toContain('40 children checked with 311 rules (lac2025_26)')
    // Every failure names its rule, message, table, row, the child and the file line it came from.
    for (const row of report.slice(1)) {
      const [rule, type, message, table, rowNumber, , , file, line] = row
      expect(rule && message && table && file).toBeTruthy()
      expect(type).toBe('Error')
      expect(Number(rowNumber)).toBeGreaterThan(0)
      expect(Number(line)).toBe(Number(rowNumber) + 1)
    }
  })

  it('recognises each table by its columns whatever the file is called', async () => {
    const plain = await validate('903', '--year', '2026', write('plain'))
    const renamed = await validate('903', '--year', '2026', write('renamed', {
      names: Object.fromEntries(Object.keys(tables).map((name, i) => [name, `export (${i}).txt`])),
    }))
    const withoutFile = (rows: string[][]) => rows.map((row) => [...row.slice(0, 7), row[8]])
    expect(withoutFile(renamed.report)).toEqual(withoutFile(plain.report))
  })

  it('flags a bad value with the child, the row and the line', async () => {
    const folder = write('bad-sex', { change: (name, text) => (name === 'Header' ? text.replace(/^(100003,)[MF],/m, '$1X,') : text) })
    const { report } = await validate('903', '--year', '2026', folder)
    expect(report).toContainEqual(['101', 'Error', 'The child or young person’s reported sex is not valid.', 'Header', '4', '100003', 'SEX', path.join(folder, 'Header.csv'), '5'])
  })

  it('refuses an unknown return, a year that is not one, and a file that does not exist', async () => {
    await expect(validate('ssda', '--year', '2026', write('plain'))).rejects.toThrow('say which return: 903 or cin')
    await expect(validate('903', '--year', '2026/27', write('plain'))).rejects.toThrow('--year must be the year the collection ends')
    await expect(validate('903', '--year', '2026')).rejects.toThrow('give the files or directory to validate')
    expect((await validate('903', '--year', '2026', path.join(dir, 'not-there'))).code).toBe(EXIT_UNREADABLE)
  })

  it('refuses a table with a column missing, naming the file and line', async () => {
    const folder = write('missing', { change: (name, text) => (name === 'Episodes' ? text.replace('CHILD,DECOM,', 'CHILD,STARTED,') : text) })
    const { code } = await validate('903', '--year', '2026', folder)
    expect(code).toBe(EXIT_UNREADABLE)
    expect(errors).toContain(`Error: ${path.join(folder, 'Episodes.csv')}, line 1: this looks like the Episodes table but has no DECOM column`)
    expect(errors).toContain('The return was not validated')
  })

  it('reads a file saved as UTF-16 or Latin-1, saying so', async () => {
    const plain = await validate('903', '--year', '2026', write('plain'))
    const utf16 = await validate('903', '--year', '2026', write('utf16', {
      change: (name, text) => (name === 'Header' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : text),
    }))
    expect(utf16.report.map((row) => row.slice(0, 7))).toEqual(plain.report.map((row) => row.slice(0, 7)))
    expect(errors).toMatch(/Header\.csv, line 1: the file is saved as UTF-16 \(little-endian\)/)

    const latin1 = write('latin1', { change: (name, text) => (name === 'Episodes' ? Buffer.from(text.replace('OTHER', 'Café'), 'latin1') : text) })
    expect((await validate('903', '--year', '2026', latin1)).code).toBe(EXIT_FAILED_RULES)
    expect(errors).toMatch(/Episodes\.csv, line \d+, column \d+: the file is not UTF-8; Kindred read it as Windows-1252/)
  })

  it('reads back dates a spreadsheet has mangled, saying where, and reports as for the real dates', async () => {
    const plain = await validate('903', '--year', '2026', write('plain'))
    const mangled = write('excel', {
      change: (name, text) => {
        if (name === 'Header') return text.replace(/,(\d{2})\/(\d{2})\/(\d{4}),/g, (_, d: string, m: string, y: string) => `,${Number(d)}/${Number(m)}/${y},`)
        if (name === 'Reviews') return text.replace(/,(\d{2})\/(\d{2})\/(\d{4}),/g, (_, d: string, m: string, y: string) => `,${y}-${m}-${d} 00:00:00,`)
        if (name === 'Episodes') return text.replace(/^(\d+),(\d{2})\/(\d{2})\/(\d{4}),/m, (_, child: string, d: string, m: string, y: string) => `${child},${excelSerial(Number(y), Number(m), Number(d))},`)
        return text
      },
    })
    const { report } = await validate('903', '--year', '2026', mangled)
    expect(report.map((row) => row.slice(0, 7))).toEqual(plain.report.map((row) => row.slice(0, 7)))
    expect(errors).toMatch(/Header\.csv, line 2, column 3 \(DOB\): \d+ dates written without leading zeros \(first here: "\d{1,2}\/\d{1,2}\/\d{4}" was read as \d{2}\/\d{2}\/\d{4}\)/)
    expect(errors).toMatch(/Episodes\.csv, line 2, column 2 \(DECOM\): 1 date an Excel serial day number/)
    expect(errors).toMatch(/Reviews\.csv, line 2, column \d \((DOB|REVIEW)\): \d+ dates written year first/)
  })

  it('applies a named year\'s rules with --ruleset, and refuses the other return\'s', async () => {
    await validate('903', '--year', '2027', '--ruleset', 'lac2025_26', write('plain'))
    expect(errors).toContain('checked with 311 rules (lac2025_26)')
    await validate('903', '--year', '2027', write('plain'))
    expect(errors).toMatch(/checked with \d+ rules \(lac2026_27\)/)
    const { code } = await validate('903', '--year', '2026', '--ruleset', 'cin2025_26', write('plain'))
    expect(code).toBe(EXIT_UNREADABLE)
    expect(errors).toContain('"cin2025_26" is not a SSDA903 ruleset')
  })
})

describe('kindred validate cin', () => {
  it('checks a census file with the year\'s errors and queries, and applies the latest published rules to 2026/27', async () => {
    const file = path.join(dir, 'census.xml')
    writeFileSync(file, syntheticCinXml(30, 2026, 'cli-test'))
    const { report } = await validate('cin', '--year', '2026', file)
    expect(errors).toMatch(/30 children checked with \d+ rules \(cin2025_26\): \d+ errors?, \d+ quer(y|ies)/)
    for (const row of report.slice(1)) expect(['Error', 'Query']).toContain(row[1])
    await validate('cin', '--year', '2027', file)
    expect(errors).toContain('Warning: the rules: DfE has published no rules for 2026 to 2027 yet, so the cin2025_26 rules were applied')
  })

  it('refuses malformed XML with the line and column', async () => {
    const file = path.join(dir, 'cin.xml')
    writeFileSync(file, '<Message>\n  <Header>\n    <CollectionDetails><Collection>CIN</Collection>\n  </Header>\n</Message>\n')
    const { code } = await validate('cin', '--year', '2026', file)
    expect(code).toBe(EXIT_UNREADABLE)
    expect(errors).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}, line 4, column \\d+: `))
  })
})
