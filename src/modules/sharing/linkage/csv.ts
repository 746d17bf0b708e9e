// CSV as RFC 4180 has it: comma-separated, double quotes around fields holding commas, quotes or line breaks.
// Errors name the file and the line so an operator can find the fault.

export class CsvError extends Error {
  constructor(readonly file: string, readonly line: number, problem: string) {
    super(`${file} line ${line}: ${problem}`)
  }
}

export interface CsvRow {
  cells: string[]
  /** The line the row starts on (1 is the header). */
  line: number
}

/** Rows of the text after the header line, skipping blank lines; every row must have the header's width. */
export function* csvRows(text: string, file: string): Generator<CsvRow, void, undefined> {
  const rows = rawRows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file)
  const header = rows.next()
  if (header.done) throw new CsvError(file, 1, 'the file is empty (expected a header line)')
  const width = header.value.cells.length
  yield header.value
  for (const row of rows) {
    if (row.cells.length === 1 && row.cells[0] === '') continue
    if (row.cells.length !== width) {
      throw new CsvError(file, row.line, `${row.cells.length} fields where the header has ${width}`)
    }
    yield row
  }
}

const QUOTE = 34
const COMMA = 44
const NEWLINE = 10
const RETURN = 13

function* rawRows(text: string, file: string): Generator<CsvRow, void, undefined> {
  let at = 0
  let line = 1
  while (at < text.length) {
    const start = line
    const cells: string[] = []
    for (;;) {
      let cell: string
      if (text.charCodeAt(at) === QUOTE) {
        let value = ''
        let from = at + 1
        for (;;) {
          const close = text.indexOf('"', from)
          if (close === -1) throw new CsvError(file, start, 'a quoted field is not closed')
          value += text.slice(from, close)
          for (let i = from; i < close; i++) if (text.charCodeAt(i) === NEWLINE) line++
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"'
            from = close + 2
            continue
          }
          at = close + 1
          break
        }
        const next = text.charCodeAt(at)
        if (at < text.length && next !== COMMA && next !== NEWLINE && next !== RETURN) {
          throw new CsvError(file, line, 'unexpected text after a closing quote')
        }
        cell = value
      } else {
        let end = at
        for (let c = text.charCodeAt(end); end < text.length && c !== COMMA && c !== NEWLINE && c !== RETURN; c = text.charCodeAt(++end)) {
          if (c === QUOTE) throw new CsvError(file, line, 'a quote inside an unquoted field')
        }
        cell = text.slice(at, end)
        at = end
      }
      cells.push(cell)
      if (text.charCodeAt(at) !== COMMA) break
      at++
    }
    if (text.charCodeAt(at) === RETURN) at++
    if (text.charCodeAt(at) === NEWLINE) at++
    line++
    yield { cells, line: start }
  }
}

/** One CSV line (with its line break), quoting fields that need it. */
export function csvLine(cells: readonly (string | number)[]): string {
  return cells.map((cell) => {
    const text = String(cell)
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }).join(',') + '\n'
}
