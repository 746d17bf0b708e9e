// The one place statutory deadlines are computed: a rule's period (national, or the authority's own setting)
// counted from its trigger date in working days, school days, days, weeks, months or terms.
import { shippedHolidayCalendar, type HolidayCalendar } from '../working-days/bank-holidays.js'
import { addDays, addMonths, daysBetween, type LocalDate } from '../working-days/local-date.js'
import { addSchoolDays, SchoolCalendar } from '../working-days/school-days.js'
import { addWorkingDays } from '../working-days/working-days.js'
import {
  DEFAULT_LOCAL_TIMESCALES, timescaleRule, type LocalTimescaleSettings, type Period, type TimescaleRule,
  type TimescaleRuleId,
} from './rules.js'

/** Everything a deadline depends on besides its trigger date. */
export interface TimescaleSettings {
  holidays: HolidayCalendar
  school: SchoolCalendar
  local: LocalTimescaleSettings
}

const DAY_UNITS = new Set(['working-days', 'school-days', 'days', 'weeks', 'months', 'terms'])

/** Throws unless the period is a whole, non-negative count of a known unit (settings come from administrators). */
export function checkPeriod(period: Period): Period {
  if (!DAY_UNITS.has(period.unit) || !Number.isInteger(period.count) || period.count < 0) {
    throw new RangeError(`Not a valid timescale period: ${JSON.stringify(period)}`)
  }
  return period
}

/**
 * Settings for an authority: its bank holidays (default: the shipped GOV.UK list), school calendar (default: working
 * days) and local timescales (default: DEFAULT_LOCAL_TIMESCALES, overridden by `local`).
 */
export function timescaleSettings(options: {
  holidays?: HolidayCalendar
  school?: SchoolCalendar
  local?: Partial<LocalTimescaleSettings>
} = {}): TimescaleSettings {
  const holidays = options.holidays ?? shippedHolidayCalendar()
  const overrides = Object.entries(options.local ?? {}).filter(([, value]) => value !== undefined)
  const local: LocalTimescaleSettings = { ...DEFAULT_LOCAL_TIMESCALES, ...Object.fromEntries(overrides) }
  for (const value of Object.values(local)) if (typeof value === 'object') checkPeriod(value)
  if (local.termLengthWithoutTermDates.unit === 'terms') throw new RangeError('A term cannot be measured in terms')
  if (local.pepDayType !== 'school-days' && local.pepDayType !== 'working-days') {
    throw new RangeError(`pepDayType must be school-days or working-days, not ${String(local.pepDayType)}`)
  }
  return { holidays, school: options.school ?? new SchoolCalendar(holidays), local }
}

/** The period that applies in this authority: the rule's own, or the local setting that replaces it. */
export function effectivePeriod(rule: TimescaleRule, settings: TimescaleSettings): Period {
  if (rule.setting === undefined) return rule.period
  if (rule.setting === 'pepDayType') return { ...rule.period, unit: settings.local.pepDayType }
  return settings.local[rule.setting]
}

/** The date a period after `from` ends (`from` is day 0). Periods in days, weeks and months never roll to a working day. */
export function addPeriod(from: LocalDate, period: Period, settings: TimescaleSettings): LocalDate {
  const { count } = checkPeriod(period)
  switch (period.unit) {
    case 'working-days': return addWorkingDays(from, count, settings.holidays)
    case 'school-days': return addSchoolDays(from, count, settings.school)
    case 'days': return addDays(from, count)
    case 'weeks': return addDays(from, 7 * count)
    case 'months': return addMonths(from, count)
    case 'terms': {
      if (count === 0) return from
      const termLength = settings.local.termLengthWithoutTermDates
      return settings.school.endOfTermAfter(from, count) ??
        addPeriod(from, { unit: termLength.unit, count: termLength.count * count }, settings)
    }
  }
}

/** The deadline for a rule whose trigger happened on `trigger`. */
export function dueDate(rule: TimescaleRule | TimescaleRuleId, trigger: LocalDate, settings: TimescaleSettings): LocalDate {
  const resolved = typeof rule === 'string' ? timescaleRule(rule) : rule
  return addPeriod(trigger, effectivePeriod(resolved, settings), settings)
}

export type Rag = 'red' | 'amber' | 'green'

export interface DeadlineStatus {
  due: LocalDate
  /** Calendar days from today to the deadline: 0 when due today, negative when overdue. */
  daysLeft: number
  /** Calendar days past the deadline; 0 when not overdue. */
  daysOverdue: number
  /** Red: overdue. Amber: due today or within `amberWithinDays`. Green: later. */
  rag: Rag
}

export function deadlineStatus(due: LocalDate, today: LocalDate, { amberWithinDays = 7 } = {}): DeadlineStatus {
  const daysLeft = daysBetween(today, due)
  return {
    due,
    daysLeft,
    daysOverdue: Math.max(0, -daysLeft),
    rag: daysLeft < 0 ? 'red' : daysLeft <= amberWithinDays ? 'amber' : 'green',
  }
}

const unitWords: Record<Period['unit'], [string, string]> = {
  'working-days': ['working day', 'working days'], 'school-days': ['school day', 'school days'], days: ['day', 'days'],
  weeks: ['week', 'weeks'], months: ['month', 'months'], terms: ['term', 'terms'],
}

/** "10 working days", "1 month". */
export const describePeriod = (period: Period): string => `${period.count} ${unitWords[period.unit][period.count === 1 ? 0 : 1]}`
