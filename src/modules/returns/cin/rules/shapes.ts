// Rule shapes several CIN modules share: a date against the child's death or the episode's referral, records on a
// no-further-action episode, more than one open record, overlapping periods, and one record starting inside another.
import { addCountedDays } from '../../../../platform/working-days/day-counting.js'
import { shippedHolidayCalendar } from '../../../../platform/working-days/bank-holidays.js'
import { toDayNumber } from '../../../../platform/working-days/local-date.js'
import { workingDayKind } from '../../../../platform/working-days/working-days.js'
import { formatDay } from '../../validation/dates.js'
import type { Rule } from '../../validation/rule.js'
import {
  Failures, byChild, byEpisode, childKey, cinRule, day, episodeKey, isYes, keyOf, view, type View,
} from '../rule-kit.js'

/** A date in `tableName` later than the child's date of death. */
export function afterDeathRule(code: string, tableName: string, column: string): Rule {
  return cinRule(code, 'cin2022_23', (tables) => {
    const table = view(tables, tableName)
    const children = view(tables, 'ChildIdentifiers')
    const childrenByKey = byChild(children)
    const failures = new Failures()
    for (let row = 0; row < table.size; row++) {
      const date = day(table.get(row, column))
      if (date === null) continue
      for (const child of childrenByKey.get(childKey(table, row)) ?? []) {
        const death = day(children.get(child, 'PersonDeathDate'))
        if (death === null || date <= death) continue
        const group = keyOf(table.get(row, 'LAchildID'), String(row))
        failures.add(table, row, [column], group).add(children, child, ['PersonDeathDate'], group)
      }
    }
    return failures.toArray()
  })
}

/** A date in `tableName` earlier than the referral date of its CIN episode. */
export function beforeReferralRule(code: string, tableName: string, column: string): Rule {
  return cinRule(code, 'cin2022_23', (tables) => {
    const table = view(tables, tableName)
    const episodes = view(tables, 'CINdetails')
    const episodesByKey = byEpisode(episodes)
    const failures = new Failures()
    for (let row = 0; row < table.size; row++) {
      const date = day(table.get(row, column))
      if (date === null) continue
      for (const episode of episodesByKey.get(episodeKey(table, row)) ?? []) {
        const referral = day(episodes.get(episode, 'CINreferralDate'))
        if (referral === null || date >= referral) continue
        const group = keyOf(episodeKey(table, row), String(row))
        failures.add(table, row, [column], group).add(episodes, episode, ['CINreferralDate'], group)
      }
    }
    return failures.toArray()
  })
}

/** Any record in `tableName` on an episode whose referral led to no further action. */
export function onNoFurtherActionRule(code: string, tableName: string, fields: string[]): Rule {
  return cinRule(code, 'cin2022_23', (tables) => {
    const table = view(tables, tableName)
    const episodes = view(tables, 'CINdetails')
    const episodesByKey = byEpisode(episodes)
    const failures = new Failures()
    for (let row = 0; row < table.size; row++) {
      const key = episodeKey(table, row)
      for (const episode of episodesByKey.get(key) ?? []) {
        if (!isYes(episodes.get(episode, 'ReferralNFA'))) continue
        failures.add(table, row, fields, key).add(episodes, episode, ['ReferralNFA'], key)
      }
    }
    return failures.toArray()
  })
}

/** More than one open record (by `isOpen`) in a group; every open record of such a group is flagged. */
export function moreThanOneOpenRule(
  code: string,
  tableName: string,
  fields: string[],
  isOpen: (table: View, row: number) => boolean,
  groupBy: (table: View) => Map<string, number[]> = byEpisode,
): Rule {
  return cinRule(code, 'cin2022_23', (tables) => {
    const table = view(tables, tableName)
    const failures = new Failures()
    for (const [key, group] of groupBy(table)) {
      const open = group.filter((row) => isOpen(table, row))
      if (open.length > 1) for (const row of open) failures.add(table, row, fields, key)
    }
    return failures.toArray()
  })
}

export interface Periods {
  /** Rows compared with each other: the child's, or the episode's. */
  groupBy: (table: View) => Map<string, number[]>
  start: string
  /** A row's last day: a day number, Infinity while it is still open, or null when it is not a period to compare. */
  end: (table: View, row: number) => number | null
  /** Whether a record starting on the day another ends overlaps it. */
  touching: boolean
  startFields: string[]
  endFields: string[]
}

/**
 * Records of one group overlapping: a record starting on or after another's start and before (or, when `touching`,
 * on) its end. Both are flagged: the later one with its start, the earlier one with its dates. Groups are sorted
 * once; the inner loop stops at the first record starting after the earlier one ends.
 */
export function overlapRule(code: string, tableName: string, periods: Periods): Rule {
  return cinRule(code, 'cin2022_23', (tables) => {
    const table = view(tables, tableName)
    const failures = new Failures()
    for (const [key, group] of periods.groupBy(table)) {
      const dated = group
        .map((row) => ({ row, start: day(table.get(row, periods.start)) }))
        .filter((item): item is { row: number; start: number } => item.start !== null)
        .sort((a, b) => a.start - b.start || a.row - b.row)
      dated.forEach((earlier, i) => {
        const end = periods.end(table, earlier.row)
        if (end === null) return
        for (let j = i + 1; j < dated.length; j++) {
          const later = dated[j]!
          if (periods.touching ? later.start > end : later.start >= end) break
          const pair = keyOf(key, String(earlier.row), String(later.row))
          failures.add(table, later.row, periods.startFields, pair).add(table, earlier.row, periods.endFields, pair)
        }
      })
    }
    return failures.toArray()
  })
}

/** A period's end: its end date, or open (Infinity) when it has none. */
export function endOrOpen(column: string): (table: View, row: number) => number {
  return (table, row) => day(table.get(row, column)) ?? Infinity
}

/** Whether a period runs on a day: from its start up to, not including, its end (open without one). */
export function runsOn(date: number, start: number | null, end: number | null): boolean {
  return start !== null && start <= date && (end === null || date < end)
}

/**
 * A record of `subject` starting while one of the child's `container` records runs (from its start up to, not
 * including, its end; open without one). Both are flagged.
 */
export function startsWithinRule(
  code: string,
  subject: { table: string; start: string; fields: string[] },
  container: { table: string; start: string; end: string; fields: string[] },
): Rule {
  return cinRule(code, 'cin2022_23', (tables) => {
    const inner = view(tables, subject.table)
    const outer = view(tables, container.table)
    const outerByChild = byChild(outer)
    const failures = new Failures()
    for (let row = 0; row < inner.size; row++) {
      const start = day(inner.get(row, subject.start))
      if (start === null) continue
      for (const other of outerByChild.get(childKey(inner, row)) ?? []) {
        if (!runsOn(start, day(outer.get(other, container.start)), day(outer.get(other, container.end)))) continue
        const group = keyOf(inner.get(row, 'LAchildID'), inner.get(row, subject.start))
        failures.add(outer, other, container.fields, group).add(inner, row, subject.fields, group)
      }
    }
    return failures.toArray()
  })
}

const workingDay = workingDayKind(shippedHolidayCalendar())

/** The n-th working day in England after a day (before it when n is negative), as a day number. */
export function workingDaysLater(dayNumber: number, n: number): number {
  return toDayNumber(addCountedDays(formatDay(dayNumber), n, workingDay))
}
