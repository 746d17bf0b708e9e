// A return's tables as rows the import reads by column name, grouped by child, with its dates as yyyy-mm-dd. Cells
// keep the text as submitted, so a date the import cannot read (the rules will have flagged it) is null, and a row
// that needs it is skipped and reported rather than guessed at.
import { parseLocalDate, type LocalDate } from '../../../platform/working-days/local-date.js'
import { column, type Cell, type Table, type Tables } from '../validation/table.js'

export type Row = { index: number; cell: (column: string) => Cell }

/** A row that was not imported, and why, for the summary. */
export interface Skipped {
  table: string
  /** The row's number within its table, from 1, as the validation report numbers them. */
  row: number
  reason: string
}

/** Each table's rows by the child id in `childColumn`, in the table's order. */
export function rowsByChild(tables: Tables, childColumn: string): Map<string, Map<string, Row[]>> {
  const byTable = new Map<string, Map<string, Row[]>>()
  for (const [name, table] of Object.entries(tables)) {
    if (!table || name.endsWith('_last')) continue
    byTable.set(name, groupRows(table, childColumn))
  }
  return byTable
}

function groupRows(table: Table, childColumn: string): Map<string, Row[]> {
  const columns = new Map(table.columns.map((name) => [name, column(table, name)]))
  const groups = new Map<string, Row[]>()
  columns.get(childColumn)?.forEach((child, index) => {
    if (child === null) return
    const row: Row = { index, cell: (name) => columns.get(name)?.[index] ?? null }
    const list = groups.get(child)
    if (list) list.push(row)
    else groups.set(child, [row])
  })
  return groups
}

/** dd/mm/yyyy (the 903) or yyyy-mm-dd (XML) as a local date; null when blank or not a date. */
export function dateOf(cell: Cell): LocalDate | null {
  if (!cell) return null
  const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(cell)
  return parseLocalDate(dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : cell)
}
