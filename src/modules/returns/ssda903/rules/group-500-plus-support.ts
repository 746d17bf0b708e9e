// Building blocks shared by the SSDA903 rules 500 and above: same-value checks between tables and years, periods
// in care, overlapping date ranges (missing periods, DoLOs, adoption decisions) and partly known dates.
import type { RuleContext } from '../../validation/rule.js'
import type { Cell, Table } from '../../validation/table.js'
import { column, memo } from '../../validation/table.js'
import { parseDay } from '../../validation/dates.js'
import { addYears, dayColumn, rowsBy, rowsByChildInOrder } from '../helpers.js'
import { SHORT_BREAK_LS } from '../codes.js'

/** True when a numeric cell holds the given number (`1`, `1.0`). */
export function isNumber(value: Cell, n: number): boolean {
  return value !== null && value.trim() !== '' && Number(value) === n
}

/** Female in either coding of SEX: F (from 2024/25) or 2. */
export function isFemale(value: Cell): boolean {
  return value === 'F' || isNumber(value, 2)
}

/**
 * Two cells hold the same value: both blank, the same day when both are dates, the same number when both are
 * numbers, else the same text.
 */
export function sameValue(a: Cell, b: Cell): boolean {
  if (a === null || b === null) return a === b
  const dayA = parseDay(a)
  const dayB = parseDay(b)
  if (dayA !== null && dayB !== null) return dayA === dayB
  if (a.trim() !== '' && b.trim() !== '' && !Number.isNaN(Number(a)) && !Number.isNaN(Number(b))) {
    return Number(a) === Number(b)
  }
  return a === b
}

/** The child's age has reached `years` on `day`. */
export function isAtLeastAge(dob: number, years: number, day: number): boolean {
  return addYears(dob, years) <= day
}

/** Each child's last row of a table in table order. */
export function lastRowByChild(table: Table): Map<string, number> {
  const last = new Map<string, number>()
  column(table, 'CHILD').forEach((child, row) => {
    if (child !== null) last.set(child, row)
  })
  return last
}

/** The row of each child's latest valid date in a column (the first such row on ties). */
export function latestRowByChild(table: Table, name: string, keep: (row: number) => boolean = () => true) {
  const dates = dayColumn(table, name)
  const latest = new Map<string, number>()
  column(table, 'CHILD').forEach((child, row) => {
    const day = dates[row]
    if (child === null || day === null || day === undefined || !keep(row)) return
    const current = latest.get(child)
    if (current === undefined || day > (dates[current] as number)) latest.set(child, row)
  })
  return latest
}

/** A span of days; `end` null while it is still open. */
export interface Span {
  start: number
  end: number | null
}

/** True when the day falls within the span, both ends included. */
export function within(span: Span, day: number): boolean {
  return span.start <= day && (span.end === null || day <= span.end)
}

/** Each child's episodes as spans (episodes without a valid start are left out). */
export function episodeSpans(episodes: Table): ReadonlyMap<string, readonly Readonly<Span>[]> {
  return memo(episodes, 'episodeSpans', () => spansOf(episodes))
}

function spansOf(episodes: Table): Map<string, Span[]> {
  const starts = dayColumn(episodes, 'DECOM')
  const ends = dayColumn(episodes, 'DEC')
  const spans = new Map<string, Span[]>()
  for (const [child, rows] of rowsByChildInOrder(episodes)) {
    const list: Span[] = []
    for (const row of rows) {
      const start = starts[row]
      if (start !== null && start !== undefined) list.push({ start, end: ends[row] ?? null })
    }
    spans.set(child, list)
  }
  return spans
}

/** Each child's periods of care: episodes in date order joined while each starts the day the last one ended. */
export function periodsOfCare(episodes: Table): ReadonlyMap<string, readonly Readonly<Span>[]> {
  return memo(episodes, 'periodsOfCare', () => joinedPeriods(episodes))
}

function joinedPeriods(episodes: Table): Map<string, Span[]> {
  const periods = new Map<string, Span[]>()
  for (const [child, spans] of episodeSpans(episodes)) {
    const joined: Span[] = []
    for (const span of spans) {
      const last = joined.at(-1)
      if (last && last.end !== null && last.end === span.start) last.end = span.end
      else joined.push({ ...span })
    }
    periods.set(child, joined)
  }
  return periods
}

/**
 * Rows of a dated-period table (Missing, DoLo) that outlast the child's care: the period is still open although the
 * period of care it belongs to has ended, or it ended on a day the child was not looked after. A period belongs to
 * the period of care it started in, else the next one to start, else the child's last. Children without episodes
 * are not judged.
 */
export function periodsOutsideCare(table: Table, episodes: Table, startName: string, endName: string): number[] {
  const periods = periodsOfCare(episodes)
  const children = column(table, 'CHILD')
  const starts = dayColumn(table, startName)
  const ends = dayColumn(table, endName)
  const flagged: number[] = []
  children.forEach((child, row) => {
    const start = starts[row]
    const care = child === null ? undefined : periods.get(child)
    if (start === null || start === undefined || !care || care.length === 0) return
    const belongsTo = care.find((span) => within(span, start) || span.start > start) ?? (care.at(-1) as Span)
    const end = ends[row]
    const outlasts = end === null || end === undefined
      ? belongsTo.end !== null
      : !care.some((span) => within(span, end))
    if (outlasts) flagged.push(row)
  })
  return flagged
}

/** Rows of a dated-period table whose start falls outside every episode of the child (children with episodes only). */
export function startsOutsideEpisodes(table: Table, episodes: Table, startName: string): number[] {
  const spans = episodeSpans(episodes)
  const starts = dayColumn(table, startName)
  const flagged: number[] = []
  column(table, 'CHILD').forEach((child, row) => {
    const start = starts[row]
    const care = child === null ? undefined : spans.get(child)
    if (start === null || start === undefined || !care || care.length === 0) return
    if (!care.some((span) => within(span, start))) flagged.push(row)
  })
  return flagged
}

/**
 * Overlapping periods of one child (Missing, DoLo), as DfE's tools find them: periods ordered by when they ended
 * (an open period counts as ending the day it started), each flagged when the one before it is still open or had
 * not ended by the time it started.
 */
export function overlappingPeriods(table: Table, startName: string, endName: string): number[] {
  const starts = dayColumn(table, startName)
  const ends = dayColumn(table, endName)
  const endOrStart = (row: number) => ends[row] ?? starts[row] ?? Infinity
  const flagged: number[] = []
  for (const rows of rowsBy(table).values()) {
    const dated = rows.filter((row) => starts[row] !== null)
    dated.sort((a, b) => endOrStart(a) - endOrStart(b) || (starts[a] as number) - (starts[b] as number) || a - b)
    for (let i = 1; i < dated.length; i++) {
      const row = dated[i] as number
      const previous = dated[i - 1] as number
      if (ends[previous] === null || (starts[row] as number) < endOrStart(previous)) flagged.push(row)
    }
  }
  return flagged
}

/**
 * Each child's periods in start order, flagging one that starts while the one before it is still open or before it
 * ended (adoption decisions: a new decision must follow the end of the last).
 */
export function periodsStartingTooSoon(table: Table, startName: string, endName: string): number[] {
  const ends = dayColumn(table, endName)
  const starts = dayColumn(table, startName)
  const flagged: number[] = []
  for (const rows of rowsByChildInOrder(table, startName).values()) {
    const dated = rows.filter((row) => starts[row] !== null)
    for (let i = 1; i < dated.length; i++) {
      const row = dated[i] as number
      const previousEnd = ends[dated[i - 1] as number]
      if (previousEnd === null || previousEnd === undefined || (starts[row] as number) < previousEnd) flagged.push(row)
    }
  }
  return flagged
}

/**
 * Open periods in last year's table (Missing_last, DoLo_last) that this year's table does not carry over with the
 * same start date. For each such child, their last row this year is flagged.
 */
export function openPeriodsNotCarriedOver(table: Table, last: Table, startName: string, endName: string): number[] {
  const lastStarts = dayColumn(last, startName)
  const lastEnds = column(last, endName)
  const thisStarts = dayColumn(table, startName)
  const thisRows = rowsBy(table)
  const flagged = new Set<number>()
  column(last, 'CHILD').forEach((child, row) => {
    const start = lastStarts[row]
    const rows = child === null ? undefined : thisRows.get(child)
    if (lastEnds[row] !== null || start === null || start === undefined || !rows) return
    if (!rows.some((thisRow) => thisStarts[thisRow] === start)) flagged.add(rows.at(-1) as number)
  })
  return [...flagged]
}

/**
 * Children looked after continuously for at least 12 months at the end of the collection year (the OC2 cohort):
 * not in respite care, looked after since the start of the year, and no episode ceasing in the year for a reason
 * other than X1 (a change within care).
 */
export function continuouslyLookedAfter(episodes: Table, { collectionStart, collectionEnd }: RuleContext): ReadonlySet<string> {
  return memo(episodes, `continuouslyLookedAfter:${collectionStart}:${collectionEnd}`, () => cohortOf(episodes, collectionStart, collectionEnd))
}

function cohortOf(episodes: Table, collectionStart: number, collectionEnd: number): Set<string> {
  const starts = dayColumn(episodes, 'DECOM')
  const ends = dayColumn(episodes, 'DEC')
  const legalStatus = column(episodes, 'LS')
  const reasons = column(episodes, 'REC')
  const children = new Set<string>()
  for (const [child, rows] of rowsBy(episodes)) {
    const inYear = rows.filter((row) => {
      const start = starts[row]
      const end = ends[row]
      const status = legalStatus[row]
      return start !== null && start !== undefined && start <= collectionEnd
        && (end === null || end === undefined || end >= collectionStart)
        && !(status !== null && status !== undefined && SHORT_BREAK_LS.has(status))
    })
    if (inYear.length === 0) continue
    const since = Math.min(...inYear.map((row) => starts[row] as number))
    const left = inYear.some((row) => {
      const end = ends[row]
      return end !== null && end !== undefined && end <= collectionEnd && reasons[row] !== 'X1'
    })
    if (since <= collectionStart && !left) children.add(child)
  }
  return children
}

const MASKED_DATE = /^(\d{2}|ZZ)\/(\d{2}|ZZ)\/(\d{4}|ZZZZ)$/

/**
 * A date that may have unknown parts written as ZZ (day, month) or ZZZZ (year), as DATE_PERM and social worker
 * dates allow: the earliest day it could be, `unknown` when the year is unknown, or null when it is not such a date.
 */
export function maskedDate(text: Cell): number | 'unknown' | null {
  if (text === null) return null
  const full = parseDay(text)
  if (full !== null) return full
  const match = MASKED_DATE.exec(text)
  if (!match) return null
  const [, dayPart, monthPart, yearPart] = match as unknown as [string, string, string, string]
  const day = dayPart === 'ZZ' ? 1 : Number(dayPart)
  const month = monthPart === 'ZZ' ? 1 : Number(monthPart)
  if (day < 1 || day > 31 || month < 1 || month > 12) return null
  if (yearPart === 'ZZZZ') return 'unknown'
  if (dayPart !== 'ZZ' && monthPart !== 'ZZ') return null
  return parseDay(`${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${yearPart}`)
}
