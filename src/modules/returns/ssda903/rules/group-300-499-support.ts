// Building blocks for the SSDA903 rules 300-499: the date and sequence checks several of them share.
import type { Failure, Rule } from '../../validation/rule.js'
import type { Cell, Table, Tables } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import { addYears, dayByChild, dayColumn, failuresAt, rowsBy, rowsByChildInOrder, rowsWhereValue } from '../helpers.js'

/** True when both days are known and the first is later. */
export function isAfter(a: number | null | undefined, b: number | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && a > b
}

/** The row of each child's earliest (or, with `latest`, latest) valid date in a column: the first such row on ties. */
export function earliestRowByChild(table: Table, name = 'DECOM', latest = false): Map<string, number> {
  const dates = dayColumn(table, name)
  const found = new Map<string, number>()
  column(table, 'CHILD').forEach((child, row) => {
    const day = dates[row]
    if (child === null || day === null || day === undefined) return
    const current = found.get(child)
    const best = current === undefined ? undefined : (dates[current] as number)
    if (best === undefined || (latest ? day > best : day < best)) found.set(child, row)
  })
  return found
}

/** Calls `visit` for each episode with the child's previous episode in date order (see rowsByChildInOrder). */
export function forEachWithPrevious(table: Table, visit: (row: number, previous: number) => void): void {
  for (const rows of rowsByChildInOrder(table).values()) {
    for (let i = 1; i < rows.length; i++) visit(rows[i] as number, rows[i - 1] as number)
  }
}

/** True when the child's age in whole years on `day` is under `years`. */
export function isUnder(dob: number | undefined, years: number, day: number | null | undefined): boolean {
  return dob !== undefined && day !== null && day !== undefined && addYears(dob, years) > day
}

/** A table's rows for the given children, e.g. to point a child-level fault at the child's header too. */
export function rowsOfChildren(table: Table, children: ReadonlySet<string>): number[] {
  const rows: number[] = []
  column(table, 'CHILD').forEach((child, row) => {
    if (child !== null && children.has(child)) rows.push(row)
  })
  return rows
}

/**
 * A rule on the child's age at an episode date: flags episodes matching `applies` where the child is under (or, with
 * `atLeast`, at or over) `years` on `dateName`, and the child's header too when `flagHeader` is set.
 */
export function episodeAgeRule(options: {
  code: string
  definedIn?: string
  applies: (value: Cell) => boolean
  appliesTo: string
  dateName: 'DECOM' | 'DEC'
  years: number
  atLeast?: boolean
  fields: string[]
  flagHeader?: boolean
}): Rule {
  return {
    code: options.code,
    definedIn: options.definedIn ?? 'lac2022_23',
    validate({ Header, Episodes }: Tables): Failure[] {
      if (!Header || !Episodes) return []
      const dobs = dayByChild(Header)
      const children = column(Episodes, 'CHILD')
      const dates = dayColumn(Episodes, options.dateName)
      const flagged: number[] = []
      const flaggedChildren = new Set<string>()
      for (const row of rowsWhereValue(Episodes, options.appliesTo, options.applies)) {
        const child = children[row] ?? null
        const date = dates[row]
        if (child === null || date === null || date === undefined) continue
        const dob = dobs.get(child)
        if (dob === undefined) continue
        const under = isUnder(dob, options.years, date)
        if (options.atLeast ? !under : under) {
          flagged.push(row)
          flaggedChildren.add(child)
        }
      }
      const failures = failuresAt('Episodes', flagged, options.fields)
      if (!options.flagHeader) return failures
      return [...failures, ...failuresAt('Header', rowsOfChildren(Header, flaggedChildren), ['DOB'])]
    },
  }
}

/**
 * A rule on how long an episode lasted: flags episodes matching `applies` that lasted more than `maxDays` days
 * (an open episode runs to the end of the collection year). With `joinConsecutive`, back-to-back episodes of the
 * same kind for a child (one starting the day the last ended) count as one stay, and all of them are flagged.
 */
export function durationRule(options: {
  code: string
  definedIn?: string
  field: 'LS' | 'PLACE'
  codes: ReadonlySet<string>
  maxDays: number
  joinConsecutive?: boolean
  openRunsToYearEnd?: boolean
  fields: string[]
}): Rule {
  return {
    code: options.code,
    definedIn: options.definedIn ?? 'lac2022_23',
    validate({ Episodes }, { collectionEnd }) {
      if (!Episodes) return []
      const codes = column(Episodes, options.field)
      const starts = dayColumn(Episodes, 'DECOM')
      const ended = dayColumn(Episodes, 'DEC')
      const openEnd = options.openRunsToYearEnd !== false ? collectionEnd : null
      const ends = (row: number) => ended[row] ?? openEnd
      const flagged: number[] = []
      // Only the children with an episode of the kind: the codes are rare, and most children have none.
      const children = column(Episodes, 'CHILD')
      const concerned = new Set(rowsWhereValue(Episodes, options.field, (code) => code !== null && options.codes.has(code)).map((row) => children[row] ?? null))
      const inOrder = rowsByChildInOrder(Episodes)
      for (const child of concerned) {
        const rows = child === null ? undefined : inOrder.get(child)
        if (!rows) continue
        const stays: number[][] = []
        for (const row of rows) {
          const code = codes[row]
          if (code === null || code === undefined || !options.codes.has(code) || starts[row] === null) continue
          const last = stays.at(-1)
          const lastRow = last?.at(-1)
          if (options.joinConsecutive && last && lastRow !== undefined && ends(lastRow) === starts[row]) last.push(row)
          else stays.push([row])
        }
        for (const stay of stays) {
          const start = starts[stay[0] as number]
          const end = ends(stay.at(-1) as number)
          if (isAfter(end, start) && (end as number) - (start as number) > options.maxDays) flagged.push(...stay)
        }
      }
      return failuresAt('Episodes', flagged, options.fields)
    },
  }
}

/** Children whose rows in a table satisfy a predicate. */
export function childrenWhere(table: Table | undefined, predicate: (row: number) => boolean): Set<string> {
  const children = new Set<string>()
  if (!table) return children
  for (const [child, rows] of rowsBy(table)) if (rows.some(predicate)) children.add(child)
  return children
}

/**
 * Children known to be, or to have been, unaccompanied asylum-seeking children: UASC coded 1 in this or last year's
 * header, or a date UASC ceased in this or last year's UASC table.
 */
export function uascChildren(tables: Tables): Set<string> {
  const known = new Set<string>()
  for (const name of ['Header', 'Header_last']) {
    const table = tables[name]
    if (!table) continue
    const status = column(table, 'UASC')
    for (const child of childrenWhere(table, (row) => status[row] === '1')) known.add(child)
  }
  for (const name of ['UASC', 'UASC_last']) {
    const table = tables[name]
    if (!table) continue
    const ceased = column(table, 'DUC')
    for (const child of childrenWhere(table, (row) => ceased[row] !== null)) known.add(child)
  }
  return known
}

/** Postcodes compared without spaces or case (most pairs are the same text, which needs no rewriting). */
export function samePostcode(a: Cell, b: Cell): boolean {
  return a !== null && b !== null && (a === b || a.replace(/\s/g, '').toUpperCase() === b.replace(/\s/g, '').toUpperCase())
}
