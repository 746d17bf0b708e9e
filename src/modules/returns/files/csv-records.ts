// RFC 4180 records with the line each starts on: quoted fields may hold commas, doubled quotes and line breaks.
// Blank lines are skipped. A line with no quote in it (nearly every line of a return) is split in one call; others
// are read a field at a time, slicing rather than building values a character at a time.

export interface CsvRecord {
  fields: string[]
  line: number
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, readonly column: number, reason: string) {
    super(reason)
    this.name = 'CsvSyntaxError'
  }
}

export function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = []
  forEachCsvRecord(text, (fields, line) => { records.push({ fields, line }) })
  return records
}

const COMMA = 44
const LF = 10
const CR = 13

/**
 * Hands each record to `onRecord` as it is read, so a large file's records need not all be held at once. Returning
 * false stops the reading.
 */
export function forEachCsvRecord(text: string, onRecord: (fields: string[], line: number) => boolean | void): void {
  let fields: string[] = []
  let line = 1
  let recordLine = 1
  let i = 0
  /** False when the reader asked to stop. */
  const endRecord = (): boolean => {
    const going = fields.length > 1 || fields[0] !== '' ? onRecord(fields, recordLine) !== false : true
    fields = []
    return going
  }
  // Where the next quote and carriage return are, found again only once passed, so each is searched for once.
  let nextQuote = -1
  let nextCr = -1
  while (i <= text.length) {
    if (fields.length === 0) {
      const lineFeed = indexOrEnd(text, '\n', i)
      if (nextQuote < i) nextQuote = indexOrEnd(text, '"', i)
      if (nextCr < i) nextCr = indexOrEnd(text, '\r', i)
      if (nextQuote >= lineFeed && nextCr >= lineFeed - 1) {
        fields = text.slice(i, nextCr === lineFeed - 1 ? nextCr : lineFeed).split(',')
        if (lineFeed === text.length) { endRecord(); break }
        i = lineFeed + 1
        line++
        if (!endRecord()) return
        recordLine = line
        continue
      }
    }
    if (text.charCodeAt(i) === 34) {
      const startLine = line
      let value = ''
      let from = i + 1
      for (;;) {
        const quote = text.indexOf('"', from)
        if (quote === -1) throw new CsvSyntaxError(startLine, fields.length + 1, 'a quoted value is never closed (a " with no matching ")')
        value += text.slice(from, quote)
        if (text[quote + 1] === '"') { value += '"'; from = quote + 2; continue }
        i = quote + 1
        break
      }
      line += countLineBreaks(value)
      fields.push(value)
    } else {
      let end = i
      for (let code = text.charCodeAt(end); end < text.length && code !== COMMA && code !== LF && code !== CR; code = text.charCodeAt(++end));
      fields.push(text.slice(i, end))
      i = end
    }
    const next = text.charCodeAt(i)
    if (next === COMMA) { i++; continue }
    if (next === CR || next === LF) {
      i += next === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
      line++
      if (!endRecord()) return
      recordLine = line
      continue
    }
    if (i >= text.length) { endRecord(); break }
    throw new CsvSyntaxError(line, fields.length, 'text follows a closing quote in the same value')
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from)
  return found === -1 ? text.length : found
}

function countLineBreaks(value: string): number {
  let count = 0
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\n' || (value[i] === '\r' && value[i + 1] !== '\n')) count++
  }
  return count
}
