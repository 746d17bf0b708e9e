// What the module's changes answer, and small helpers they share.
import type { LocalDate } from '../../platform/working-days/local-date.js'
import type { ChangedMeanwhile, Done } from './submissions.js'

/** Field name to message, in the GOV.UK way; the routes show them next to the fields. */
export type FieldErrors = Record<string, string>
export interface Invalid { outcome: 'invalid'; errors: FieldErrors }
export type Outcome<R extends { outcome: string } = never> = Done | Invalid | ChangedMeanwhile | R

export const invalid = (errors: FieldErrors): Invalid => ({ outcome: 'invalid', errors })
export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
/** 5 May 2025, for messages and event summaries. */
export const ukDate = (date: LocalDate): string => dateFormat.format(new Date(`${date}T00:00:00Z`))

/** The authority's timescale settings (its bank holidays; local intervals at their defaults until set). */
export const familyHelpHref = (childId: string): string => `/children/${childId}/family-help`
export const childInNeedHref = (childId: string): string => `/children/${childId}/child-in-need`
