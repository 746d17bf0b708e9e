// Small building blocks shared by the SSDA903 rules: row grouping by child, code checks, failure lists.
import type { Failure } from '../validation/rule.js'
import type { Cell, Table } from '../validation/table.js'
import { column, memo, rowCount } from '../validation/table.js'
import { civilFromDayNumber } from '../../../platform/working-days/local-date.js'
import { dayNumber, isLeapYear, parseDay } from '../validation/dates.js'
import { SHORT_BREAK_LS } from './codes.js'

/** Row positions of a table grouped by the value of one column (CHILD by default); blank keys are skipped. */
export function rowsBy(table: Table, name = 'CHILD'): ReadonlyMap<string, readonly number[]> {
  return memo(table, `rowsBy:${name}`, () => {
    const groups = new Map<string, number[]>()
    column(table, name).forEach((key, row) => {
      if (key === null) return
      const rows = groups.get(key)
      if (rows) rows.push(row)
      else groups.set(key, [row])
    })
    for (const rows of groups.values()) Object.freeze(rows)
    return groups
  })
}

/** The first row position for each value of a column (CHILD by default). */
export function firstRowBy(table: Table, name = 'CHILD'): ReadonlyMap<string, number> {
  return memo(table, `firstRowBy:${name}`, () => {
    const first = new Map<string, number>()
    column(table, name).forEach((key, row) => {
      if (key !== null && !first.has(key)) first.set(key, row)
    })
    return first
  })
}

/** Row positions by a column's value (blank cells under null), in table order: worked out once per column. */
export function rowsByValue(table: Table, name: string): ReadonlyMap<Cell, readonly number[]> {
  return memo(table, `rowsByValue:${name}`, () => {
    const groups = new Map<Cell, number[]>()
    column(table, name).forEach((value, row) => {
      const rows = groups.get(value)
      if (rows) rows.push(row)
      else groups.set(value, [row])
    })
    for (const rows of groups.values()) Object.freeze(rows)
    return groups
  })
}

/**
 * Row positions whose value in a column passes a test, in table order. The test runs once per distinct value, so a
 * rule about a rare code reads only its rows.
 */
export function rowsWhereValue(table: Table, name: string, accepts: (value: Cell) => boolean): number[] {
  const found: number[] = []
  let groups = 0
  for (const [value, rows] of rowsByValue(table, name)) {
    if (!accepts(value)) continue
    for (const row of rows) found.push(row)
    groups++
  }
  return groups > 1 ? found.sort((a, b) => a - b) : found
}

/** The set of non-blank values in a column. */
export function valueSet(table: Table | undefined, name = 'CHILD'): ReadonlySet<string> {
  if (!table) return new Set()
  return memo(table, `valueSet:${name}`, () => {
    const values = new Set<string>()
    for (const value of column(table, name)) if (value !== null) values.add(value)
    return values
  })
}

/** A column parsed to day numbers (null where blank or not a valid date). */
export function dayColumn(table: Table, name: string): readonly (number | null)[] {
  return memo(table, `days:${name}`, () => column(table, name).map(parseDay))
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
  for (let row = 0, rows = rowCount(table); row < rows; row++) if (failing(row)) failures.push({ table: tableName, row, fields })
  return failures
}

/**
 * The same calendar day a number of years later or earlier; 29 February becomes 28 February in other years, the
 * way DfE's tools count birthdays. Age checks compare `addYears(dob, n)` with the day in question.
 */
export function addYears(day: number, years: number): number {
  const { year, month, day: date } = civilFromDayNumber(day)
  const moved = year + years
  return dayNumber(moved, month, month === 2 && date === 29 && !isLeapYear(moved) ? 28 : date)
}

/** Each child's date from a column (DOB by default), taken from the child's first row; invalid dates are left out. */
export function dayByChild(table: Table | undefined, name = 'DOB'): ReadonlyMap<string, number> {
  if (!table) return new Map()
  return memo(table, `dayByChild:${name}`, () => {
    const days = new Map<string, number>()
    const children = column(table, 'CHILD')
    const dates = dayColumn(table, name)
    children.forEach((child, row) => {
      const day = dates[row]
      if (child !== null && !days.has(child) && day !== null && day !== undefined) days.set(child, day)
    })
    return days
  })
}

/**
 * Each child's row positions in date order (DECOM by default), as DfE's tools sort episodes: rows with a blank or
 * invalid date come last, and ties keep table order. Rows without a CHILD are left out.
 */
export function rowsByChildInOrder(table: Table, name = 'DECOM'): ReadonlyMap<string, readonly number[]> {
  return memo(table, `rowsInOrder:${name}`, () => {
    const dates = dayColumn(table, name)
    const order = (a: number, b: number) => (dates[a] ?? Infinity) - (dates[b] ?? Infinity) || a - b
    const groups = new Map<string, readonly number[]>()
    for (const [child, rows] of rowsBy(table)) {
      // Most children's rows are already in date order: their (frozen) group is shared rather than copied.
      const sorted = rows.every((row, i) => i === 0 || order(rows[i - 1]!, row) <= 0)
      groups.set(child, sorted ? rows : Object.freeze([...rows].sort(order)))
    }
    return groups
  })
}

/**
 * Children looked after continuously for at least 12 months at 31 March (the OC2 cohort), as DfE's tools judge it
 * from the episodes: leaving out short breaks (V3/V4), the child was looked after on the first day of the year, and
 * no episode ended in the year for a reason other than X1, nor did a new period of care (RNE S) begin in it.
 */
export function lookedAfterTwelveMonths(episodes: Table | undefined, start: number, end: number): ReadonlySet<string> {
  if (!episodes) return new Set()
  return memo(episodes, `lookedAfterTwelveMonths:${start}:${end}`, () => twelveMonthCohort(episodes, start, end))
}

function twelveMonthCohort(episodes: Table, start: number, end: number): Set<string> {
  const children = new Set<string>()
  const starts = dayColumn(episodes, 'DECOM')
  const ends = dayColumn(episodes, 'DEC')
  const legalStatus = column(episodes, 'LS')
  const reasons = column(episodes, 'REC')
  const newEpisode = column(episodes, 'RNE')
  for (const [child, rows] of rowsBy(episodes)) {
    let since = Infinity
    let broken = false
    for (const row of rows) {
      const began = starts[row]
      const ended = ends[row]
      if (began === null || began === undefined || isIn(legalStatus[row] ?? null, SHORT_BREAK_LS)) continue
      since = Math.min(since, began)
      if (ended !== null && ended !== undefined && ended >= start && ended <= end && reasons[row] !== 'X1') broken = true
      if (newEpisode[row] === 'S' && began > start && began <= end) broken = true
    }
    if (since <= start && !broken) children.add(child)
  }
  return children
}
