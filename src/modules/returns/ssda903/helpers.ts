// Small building blocks shared by the SSDA903 rules: row grouping by child, code checks, failure lists.
import type { Failure } from '../validation/rule.js'
import type { Cell, Table } from '../validation/table.js'
import { column } from '../validation/table.js'
import { parseDay } from '../validation/dates.js'

/** Row positions of a table grouped by the value of one column (CHILD by default); blank keys are skipped. */
export function rowsBy(table: Table, name = 'CHILD'): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  column(table, name).forEach((key, row) => {
    if (key === null) return
    const rows = groups.get(key)
    if (rows) rows.push(row)
    else groups.set(key, [row])
  })
  return groups
}

/** The first row position for each value of a column (CHILD by default). */
export function firstRowBy(table: Table, name = 'CHILD'): Map<string, number> {
  const first = new Map<string, number>()
  column(table, name).forEach((key, row) => {
    if (key !== null && !first.has(key)) first.set(key, row)
  })
  return first
}

/** The set of non-blank values in a column. */
export function valueSet(table: Table | undefined, name = 'CHILD'): Set<string> {
  const values = new Set<string>()
  if (!table) return values
  for (const value of column(table, name)) if (value !== null) values.add(value)
  return values
}

/** A column parsed to day numbers (null where blank or not a valid date). */
export function dayColumn(table: Table, name: string): (number | null)[] {
  return column(table, name).map(parseDay)
}

/** True when the cell is present and in the code set. */
export function isIn(value: Cell, codes: ReadonlySet<string>): value is string {
  return value !== null && codes.has(value)
}

/** True when the cell is blank or not in the code set. */
export function isNotIn(value: Cell, codes: ReadonlySet<string>): boolean {
  return value === null || !codes.has(value)
}

/** Failures for the given row positions of one table, in row order without duplicates. */
export function failuresAt(table: string, rows: Iterable<number>, fields: string[]): Failure[] {
  return [...new Set(rows)].sort((a, b) => a - b).map((row) => ({ table, row, fields }))
}

/** Failures for every row of a table where the predicate holds. */
export function failuresWhere(
  tableName: string,
  table: Table | undefined,
  fields: string[],
  failing: (row: number) => boolean,
): Failure[] {
  if (!table) return []
  const failures: Failure[] = []
  for (let row = 0; row < table.rows.length; row++) if (failing(row)) failures.push({ table: tableName, row, fields })
  return failures
}
