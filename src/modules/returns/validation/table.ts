// A return's table as the validation engine sees it: named columns and rows of raw cell text.
// Cells keep the text as submitted (trimmed; blank becomes null) so rules can flag bad formats.

export type Cell = string | null

export interface Table {
  columns: string[]
  rows: Cell[][]
}

/** Tables by name: `Header`, `Episodes`, ... and the previous year's as `Header_last`, `Episodes_last`. */
export type Tables = Record<string, Table | undefined>

const derived = new WeakMap<Table, Map<string, unknown>>()

/**
 * A table read column by column (a large CSV file): each column is kept as read and handed to rules as it is, and the
 * rows are put together only if something asks for them, since every rule reads columns.
 */
export function columnarTable(columns: string[], values: Cell[][], rowCount: number): Table {
  let rows: Cell[][] | undefined
  const table: Table = {
    columns,
    get rows() {
      rows ??= Array.from({ length: rowCount }, (_, row) => values.map((cells) => cells[row] ?? null))
      return rows
    },
  }
  derived.set(table, new Map(columns.map((name, i) => [`column:${name}`, Object.freeze(values[i]!)])))
  counts.set(table, rowCount)
  return table
}

const counts = new WeakMap<Table, number>()

/** The number of rows, without putting together a columnar table's rows. */
export function rowCount(table: Table): number {
  return counts.get(table) ?? table.rows.length
}

/**
 * Something worked out from a table once and shared by every rule that asks (a column, its dates, its rows by
 * child): 311 rules read the same few columns. Tables do not change once validation starts. What is kept is frozen,
 * so a rule that tried to change it would fail its tests rather than upset the rules after it.
 */
export function memo<T>(table: Table, key: string, compute: () => T): T {
  let byKey = derived.get(table)
  if (!byKey) derived.set(table, (byKey = new Map()))
  if (byKey.has(key)) return byKey.get(key) as T
  const value = compute()
  if (Array.isArray(value)) Object.freeze(value)
  byKey.set(key, value)
  return value
}

/** One column's cells, or an array of nulls when the table lacks that column. */
export function column(table: Table, name: string): readonly Cell[] {
  return memo(table, `column:${name}`, () => {
    const index = table.columns.indexOf(name)
    if (index === -1) return new Array<Cell>(rowCount(table)).fill(null)
    return table.rows.map((row) => row[index] ?? null)
  })
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
