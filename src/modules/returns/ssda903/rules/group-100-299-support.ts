// Rule shapes repeated across SSDA903 rules 100-299 and 1000-1016: code lists, date formats, all-or-none items.
import type { Failure, Rule, RuleContext } from '../../validation/rule.js'
import type { Cell, Table, Tables } from '../../validation/table.js'
import { column, rowCount } from '../../validation/table.js'
import { parseDay } from '../../validation/dates.js'
import { failuresWhere, rowsBy } from '../helpers.js'

type Validate = (tables: Tables, context: RuleContext) => Failure[]

/** A rule version: `definedIn` is the ruleset folder of the version (lac2022_23 unless it changed later). */
export function rule(code: string, validate: Validate, definedIn = 'lac2022_23'): Rule {
  return { code, definedIn, validate }
}

/**
 * A code-list check on one column. A blank cell is flagged only when `blankFails` (the item is mandatory);
 * otherwise blanks are left to the rules about missing items.
 */
export function codeRule(options: {
  code: string
  definedIn?: string
  table: string
  field: string
  codes: ReadonlySet<string>
  blankFails?: boolean
}): Rule {
  return rule(options.code, (tables) => {
    const table = tables[options.table]
    if (!table) return []
    const values = column(table, options.field)
    return failuresWhere(options.table, table, [options.field], (row) => {
      const value = values[row] ?? null
      return value === null ? options.blankFails === true : !options.codes.has(value)
    })
  }, options.definedIn)
}

/** A date-format check on one column: dd/mm/yyyy (or ISO). A blank is flagged only when `blankFails`. */
export function dateRule(options: { code: string; table: string; field: string; blankFails?: boolean }): Rule {
  return rule(options.code, (tables) => {
    const table = tables[options.table]
    if (!table) return []
    // Row by row rather than through the value index: a date column has thousands of distinct values, and parseDay
    // remembers each.
    const values = column(table, options.field)
    return failuresWhere(options.table, table, [options.field], (row) => {
      const value = values[row] ?? null
      return value === null ? options.blankFails === true : parseDay(value) === null
    })
  })
}

/** Per row, whether any of the named columns holds a value. */
export function anyPresent(table: Table, names: readonly string[]): boolean[] {
  const columns = names.map((name) => column(table, name))
  return Array.from({ length: rowCount(table) }, (_, row) => columns.some((values) => values[row] !== null))
}

/** Per row, whether every one of the named columns holds a value. */
export function allPresent(table: Table, names: readonly string[]): boolean[] {
  const columns = names.map((name) => column(table, name))
  return Array.from({ length: rowCount(table) }, (_, row) => columns.every((values) => values[row] !== null))
}

/** Children (by CHILD) for whom some row satisfies a predicate. */
export function childrenWith(table: Table | undefined, predicate: (row: number) => boolean): Set<string> {
  const children = new Set<string>()
  if (!table) return children
  for (const [child, rows] of rowsBy(table)) if (rows.some(predicate)) children.add(child)
  return children
}

/** Row positions in a table whose CHILD is in the set. */
export function rowsFor(table: Table | undefined, children: ReadonlySet<string>): number[] {
  if (!table) return []
  const rows: number[] = []
  column(table, 'CHILD').forEach((child, row) => {
    if (child !== null && children.has(child)) rows.push(row)
  })
  return rows
}

/** The value as upper case, for codes DfE compares without regard to case. */
export function upper(value: Cell): string | null {
  return value === null ? null : value.toUpperCase()
}
