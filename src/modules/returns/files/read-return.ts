// Reads a submitted return from its files, whatever system made them: SSDA903 as CSV tables (each recognised by
// its columns) or XML, with last year's files optional; the CIN census as one XML file. Every problem names the
// file and, where it can, the line and column; a file that cannot be read is an error, never a crash.
import { CinXmlError, readCinXml } from '../cin/xml.js'
import type { ReturnKind } from '../rulesets.js'
import type { Tables } from '../validation/table.js'
import { decodeFile } from './decode.js'
import { FileReadError, type FileProblem } from './problems.js'
import { Interner } from './interner.js'
import { readSsda903Csv, type SourcedTable } from './ssda903-csv.js'
import { readSsda903Xml } from './ssda903-xml.js'

export interface SubmittedFile {
  name: string
  bytes: Uint8Array
}

export interface ReadReturn {
  tables: Tables
  /** Where each table's rows came from (903 only): the file and each row's line. */
  sources: Record<string, { file: string; lines: number[] }>
  format: 'csv' | 'xml'
  problems: FileProblem[]
}

export function hasErrors(problems: readonly FileProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error')
}

export function readReturn(kind: ReturnKind, files: SubmittedFile[], lastYear: SubmittedFile[] = []): ReadReturn {
  return kind === 'cin' ? readCin(files) : readSsda903(files, lastYear)
}

function readCin(files: SubmittedFile[]): ReadReturn {
  const result: ReadReturn = { tables: {}, sources: {}, format: 'xml', problems: [] }
  if (files.length !== 1) {
    result.problems.push({ file: files.map((f) => f.name).join(', ') || '(none)', severity: 'error', message: 'the CIN census is one XML file: give exactly one' })
    return result
  }
  const file = files[0]!
  const text = decode(file, result.problems)
  if (text === null) return result
  if (!text.trimStart().startsWith('<')) {
    result.problems.push({ file: file.name, line: 1, column: 1, severity: 'error', message: 'the CIN census must be XML, and this file does not start with <' })
    return result
  }
  try {
    result.tables = readCinXml(text)
  } catch (error) {
    if (!(error instanceof CinXmlError)) throw error
    result.problems.push({ file: file.name, line: error.line, column: error.column, severity: 'error', message: error.reason })
  }
  return result
}

function readSsda903(files: SubmittedFile[], lastYear: SubmittedFile[]): ReadReturn {
  const result: ReadReturn = { tables: {}, sources: {}, format: 'csv', problems: [] }
  const interned = new Interner()
  const current = readSsda903Files(files, result, interned)
  for (const required of ['Header', 'Episodes']) {
    if (!hasErrors(result.problems) && !current.some((t) => t.name === required)) {
      result.problems.push({ file: files.map((f) => f.name).join(', ') || '(none)', severity: 'error', message: `none of the files is the ${required} table, which every SSDA903 return has` })
    }
  }
  const last = readSsda903Files(lastYear, result, interned)
  for (const [suffix, tables] of [['', current], ['_last', last]] as const) {
    for (const sourced of tables) {
      const name = `${sourced.name}${suffix}`
      const earlier = result.sources[name]
      if (earlier) {
        result.problems.push({ file: sourced.file, line: 1, severity: 'error', message: `this is the ${sourced.name} table again (already read from ${earlier.file})` })
        continue
      }
      result.tables[name] = sourced.table
      result.sources[name] = { file: sourced.file, lines: sourced.lines }
    }
  }
  return result
}

/** Each file's tables: one for a CSV file, all of them for an XML file (whose empty tables are left out). */
function readSsda903Files(files: SubmittedFile[], result: ReadReturn, interned: Interner): SourcedTable[] {
  const tables: SourcedTable[] = []
  for (const file of files) {
    const text = decode(file, result.problems)
    if (text === null) continue
    try {
      if (text.trimStart().startsWith('<')) {
        result.format = 'xml'
        tables.push(...readSsda903Xml(file.name, text).filter((t) => t.table.rows.length > 0 || t.name === 'Header' || t.name === 'Episodes'))
      } else {
        const { read, problems } = readSsda903Csv(file.name, text, interned)
        result.problems.push(...problems)
        if (read) tables.push(read)
      }
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error
      result.problems.push({ ...error.problem, severity: 'error' })
    }
  }
  return tables
}

function decode(file: SubmittedFile, problems: FileProblem[]): string | null {
  try {
    const { text, warning } = decodeFile(file.name, file.bytes)
    if (warning) problems.push({ file: file.name, severity: 'warning', ...warning })
    return text
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error
    problems.push({ ...error.problem, severity: 'error' })
    return null
  }
}
