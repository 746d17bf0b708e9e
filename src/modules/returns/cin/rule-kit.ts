// Building blocks the CIN census rules share: reading a table by column name, census dates, CIN's yes/no
// flags, joining rows on the child and the CIN episode, and collecting failures in the tool's groups.
import { parseDay } from '../validation/dates.js'
import type { Failure, Rule, RuleContext } from '../validation/rule.js'
import { column, memo, rowCount, type Cell, type Table, type Tables } from '../validation/table.js'

/** A table read by column name; an absent table reads as empty and an absent column as blanks. */
export interface View {
  name: string
  /** The table read, so that groupings of it are worked out once for every rule (see grouped). */
  table: Table | undefined
  size: number
  get(row: number, column: string): Cell
  has(column: string): boolean
}

export function view(tables: Tables, name: string): View {
  const table = tables[name]
  const columns = new Map((table?.columns ?? []).map((heading) => [heading, column(table!, heading)]))
  return {
    name,
    table,
    size: table ? rowCount(table) : 0,
    get: (row, heading) => columns.get(heading)?.[row] ?? null,
    has: (heading) => columns.has(heading),
  }
}

const DAY_MONTH_YEAR_DASHED = /^(\d{1,2})-(\d{1,2})-(\d{4})$/

/** A cell's date as a day number: yyyy-mm-dd (the XML), dd/mm/yyyy, or dd-mm-yyyy as some sources write it. */
export function day(cell: Cell): number | null {
  if (cell === null) return null
  const text = cell.trim()
  // Nearly every date reads as it is (and parseDay remembers it); only what it cannot read is tried as dd-mm-yyyy.
  const read = parseDay(text)
  if (read !== null) return read
  const dashed = DAY_MONTH_YEAR_DASHED.exec(text)
  return dashed ? parseDay(`${dashed[1]}/${dashed[2]}/${dashed[3]}`) : null
}

/** Day of the week, 0 Sunday to 6 Saturday. */
export function weekday(dayNumber: number): number {
  return (dayNumber + 4) % 7
}

/** CIN's yes/no type is 0/1; XML booleans also allow false/true. */
export function isYes(cell: Cell): boolean {
  return cell !== null && /^(1|true)$/i.test(cell.trim())
}

export function isNo(cell: Cell): boolean {
  return cell !== null && /^(0|false)$/i.test(cell.trim())
}

export function present(cell: Cell): cell is string {
  return cell !== null && cell.trim() !== ''
}

/** The census year: 1 April to the header's ReferenceDate (31 March), or the context's collection year without one. */
export interface Census {
  start: number
  end: number
}

export function census(tables: Tables, context: RuleContext): Census {
  const end = day(view(tables, 'Header').get(0, 'ReferenceDate'))
  if (end === null) return { start: context.collectionStart, end: context.collectionEnd }
  return { start: sameDayYearsLater(end, -1) + 1, end }
}

/** The same calendar day some years later or earlier (29 February becomes 28 February). */
export function sameDayYearsLater(dayNumber: number, years: number): number {
  const date = new Date(dayNumber * 86_400_000)
  const year = date.getUTCFullYear() + years
  const month = date.getUTCMonth()
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastOfMonth)) / 86_400_000
}

/** A join key from cells; a blank cell is a value of its own, as in the DfE tool's joins. */
export function keyOf(...cells: Cell[]): string {
  return cells.map((cell) => (cell === null ? '\u0000' : cell.trim())).join('\u001f')
}

/** Rows of a view grouped by a key; rows whose key is null are left out. */
export function groupRows(table: View, keyFor: (row: number) => string | null): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  for (let row = 0; row < table.size; row++) {
    const key = keyFor(row)
    if (key === null) continue
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
  }
  return groups
}

/**
 * A grouping of a table that many rules ask for, worked out once: 109 rules would otherwise build the same keys for
 * every row. Rules only read the groups.
 */
export function grouped(table: View, grouping: string, keyFor: (row: number) => string | null): Map<string, number[]> {
  if (!table.table) return groupRows(table, keyFor)
  return memo(table.table, `cin:${grouping}`, () => groupRows(table, keyFor))
}

/** Grouped by child (LAchildID). */
export function byChild(table: View): Map<string, number[]> {
  return grouped(table, 'byChild', (row) => keyOf(table.get(row, 'LAchildID')))
}

/** Grouped by CIN episode (LAchildID and CINdetailsID). */
export function byEpisode(table: View): Map<string, number[]> {
  return grouped(table, 'byEpisode', (row) => episodeKey(table, row))
}

/** Grouped by child protection plan (LAchildID and CPPID), which is how Reviews refer to their plan. */
export function byPlan(table: View): Map<string, number[]> {
  return grouped(table, 'byPlan', (row) => keyOf(table.get(row, 'LAchildID'), table.get(row, 'CPPID')))
}

export function episodeKey(table: View, row: number): string {
  return keyOf(table.get(row, 'LAchildID'), table.get(row, 'CINdetailsID'))
}

export function childKey(table: View, row: number): string {
  return keyOf(table.get(row, 'LAchildID'))
}

/** Failures in the order found, each (table, row, group) once. */
export class Failures {
  private readonly seen = new Set<string>()
  private readonly list: Failure[] = []

  add(table: View, row: number, fields: string[], group?: string): this {
    const id = `${table.name}\u001f${row}\u001f${group ?? ''}`
    if (!this.seen.has(id)) {
      this.seen.add(id)
      this.list.push(group === undefined ? { table: table.name, row, fields } : { table: table.name, row, fields, group })
    }
    return this
  }

  /** A query about the return as a whole. */
  addReturnLevel(tableName: string, fields: string[]): this {
    this.list.push({ table: tableName, row: -1, fields, returnLevel: true })
    return this
  }

  toArray(): Failure[] {
    return this.list
  }
}

export function cinRule(
  code: string,
  definedIn: string,
  validate: (tables: Tables, context: RuleContext) => Failure[],
): Rule {
  return { code, definedIn, validate }
}

/** A rule flagging single rows of one table by a test on that row. */
export function rowRule(
  code: string,
  definedIn: string,
  tableName: string,
  fields: string[],
  fails: (get: (column: string) => Cell, census: Census) => boolean,
): Rule {
  return cinRule(code, definedIn, (tables, context) => {
    const table = view(tables, tableName)
    const year = census(tables, context)
    const failures = new Failures()
    // One reader moved from row to row, rather than a new one for every row of every rule.
    let row = 0
    const get = (column: string) => table.get(row, column)
    for (; row < table.size; row++) if (fails(get, year)) failures.add(table, row, fields)
    return failures.toArray()
  })
}

/** A code must be present and on the list (or, when `optional`, on the list if present). */
export function codeListRule(
  code: string,
  definedIn: string,
  tableName: string,
  column: string,
  codes: ReadonlySet<string>,
  optional = false,
): Rule {
  return rowRule(code, definedIn, tableName, [column], (get) => {
    const value = get(column)
    return value === null ? !optional : !codes.has(value.trim())
  })
}

/** A date, when present (or always, when `required`), must fall in the census year. */
export function inCensusYearRule(
  code: string,
  definedIn: string,
  tableName: string,
  column: string,
  required = false,
): Rule {
  return rowRule(code, definedIn, tableName, [column], (get, year) => {
    const date = day(get(column))
    return date === null ? required : date < year.start || date > year.end
  })
}

/** A date must be no later than the end of the census year, and present unless `optional`. */
export function notAfterCensusRule(
  code: string,
  definedIn: string,
  tableName: string,
  column: string,
  optional = false,
): Rule {
  return rowRule(code, definedIn, tableName, [column], (get, year) => {
    const date = day(get(column))
    return date === null ? !optional : date > year.end
  })
}
