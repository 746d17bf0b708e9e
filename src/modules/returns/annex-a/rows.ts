// Building a list's rows: the columns every list starts with (who the child is) and a row that names its
// cells by heading, so a cell cannot land in the wrong column.
import { addMonths, type LocalDate } from '../../../platform/working-days/local-date.js'
import { ageInYears } from '../../people/age.js'
import type { ChildCharacteristics } from '../../people/service.js'
import { allocatedOn, type AllocationSpan } from '../../workforce/service.js'
import { annexALists, type Heading, type ListNumber } from './columns.js'
import { disability, ethnicity, gender } from './codes.js'
import type { Cell } from './xlsx.js'

export type Row<N extends ListNumber> = Partial<Record<Heading<N>, Cell>>

export function cells<N extends ListNumber>(list: N, row: Row<N>): Cell[] {
  const spec = annexALists.find((l) => l.number === list)!
  return spec.columns.map(([heading]) => (row as Record<string, Cell>)[heading] ?? null)
}

/** Child Unique ID to Does the Child have a Disability: the authority's own child ID where it has one. */
export function whoTheChildIs(child: ChildCharacteristics, asOf: LocalDate) {
  return {
    'Child Unique ID': child.laChildId ?? child.id,
    Gender: gender(child.sex),
    Ethnicity: ethnicity(child.ethnicity),
    'Date of Birth': child.dateOfBirth,
    'Age of Child (Years)': child.dateOfBirth && child.dateOfBirth <= asOf ? ageInYears(child.dateOfBirth, asOf) : null,
    'Does the Child have a Disability': disability(child.disabilities),
  } as const
}

/** The team and worker allocated at the end of the range, or the last before it for a case since closed. */
export function allocated(spans: readonly AllocationSpan[], childId: string, asOf: LocalDate) {
  const span = allocatedOn(spans, childId, asOf) ?? spans.filter((s) => s.childId === childId && s.startedOn <= asOf).at(-1)
  return { 'Allocated Team': span?.team ?? null, 'Allocated Worker': span?.worker ?? null }
}

/** Dates in the 12 months up to and including `date`: "in the last 12 months" counts back from the end of the range. */
export const inTwelveMonthsTo = (date: LocalDate) => (d: LocalDate): boolean => d > addMonths(date, -12) && d <= date

export const latest = <T>(items: readonly T[], dateOf: (item: T) => LocalDate | null, onOrBefore: LocalDate): T | undefined =>
  items.filter((i) => { const d = dateOf(i); return d !== null && d <= onOrBefore }).at(-1)

/** Whether a span of dates (end null while open) overlaps the range. */
export const overlaps = (start: LocalDate, end: LocalDate | null, range: { from: LocalDate; to: LocalDate }): boolean =>
  start <= range.to && (end === null || end >= range.from)

/** A date as at the end of the range: blank when it falls after it. */
export const byEnd = (date: LocalDate | null, to: LocalDate): LocalDate | null => (date !== null && date <= to ? date : null)
