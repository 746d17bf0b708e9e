// A return's table as the validation engine sees it: named columns and rows of raw cell text.
// Cells keep the text as submitted (trimmed; blank becomes null) so rules can flag bad formats.

export type Cell = string | null

export interface Table {
  columns: string[]
  rows: Cell[][]
}

/** Tables by name: `Header`, `Episodes`, ... and the previous year's as `Header_last`, `Episodes_last`. */
export type Tables = Record<string, Table | undefined>

/** One column's cells, or an array of nulls when the table lacks that column. */
export function column(table: Table, name: string): Cell[] {
  const index = table.columns.indexOf(name)
  if (index === -1) return table.rows.map(() => null)
  return table.rows.map((row) => row[index] ?? null)
}

/** Row accessor by column name, resolved once per table rather than per row. */
export function reader(table: Table): (row: number, name: string) => Cell {
  const indexes = new Map(table.columns.map((name, i) => [name, i]))
  return (row, name) => {
    const i = indexes.get(name)
    return i === undefined ? null : (table.rows[row]?.[i] ?? null)
  }
}

export function emptyTable(columns: string[] = []): Table {
  return { columns, rows: [] }
}
