// RFC 4180 records with the line each starts on: quoted fields may hold commas, doubled quotes and line breaks.
// Blank lines are skipped. Unquoted fields are sliced, not built a character at a time, for large returns.

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
  let fields: string[] = []
  let line = 1
  let recordLine = 1
  let i = 0
  const endRecord = (): void => {
    if (fields.length > 1 || fields[0] !== '') records.push({ fields, line: recordLine })
    fields = []
  }
  while (i <= text.length) {
    if (text[i] === '"') {
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
      while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++
      fields.push(text.slice(i, end))
      i = end
    }
    const next = text[i]
    if (next === ',') { i++; continue }
    if (next === '\r' || next === '\n') {
      i += next === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      endRecord()
      recordLine = line
      continue
    }
    if (next === undefined) { endRecord(); break }
    throw new CsvSyntaxError(line, fields.length, 'text follows a closing quote in the same value')
  }
  return records
}

function countLineBreaks(value: string): number {
  let count = 0
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\n' || (value[i] === '\r' && value[i + 1] !== '\n')) count++
  }
  return count
}
