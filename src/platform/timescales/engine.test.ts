import { describe, expect, it } from 'vitest'
import { HolidayCalendar } from '../working-days/bank-holidays.js'
import { SchoolCalendar } from '../working-days/school-days.js'
import { addPeriod, deadlineStatus, dueDate, effectivePeriod, timescaleSettings } from './engine.js'
import { TIMESCALE_RULES, timescaleRule, type TimescaleRuleId } from './rules.js'

const settings = timescaleSettings()

// Each rule from a trigger whose period runs over a bank holiday (Easter 2025: Good Friday 18 April, Easter Monday
// 21 April, then 5 May; Christmas 2026: 25 and 28 December). Periods in working days skip them; periods in days,
// weeks and months end on the same date regardless, even on a bank holiday.
const ACROSS_A_BANK_HOLIDAY: Record<TimescaleRuleId, [trigger: string, due: string]> = {
  'CP-01': ['2026-12-24', '2026-12-29'],
  'CP-02': ['2024-12-02', '2025-02-06'],
  'CP-03': ['2026-12-24', '2026-12-29'],
  'CP-04': ['2025-04-14', '2025-05-08'],
  'CP-05': ['2025-04-14', '2025-05-08'],
  'CP-07.first': ['2025-04-14', '2025-04-30'],
  'CP-07.subsequent': ['2025-04-07', '2025-05-05'],
  'CP-08': ['2025-02-05', '2025-05-05'],
  'CP-09': ['2024-11-05', '2025-05-05'],
  'CP-10': ['2025-04-14', '2025-04-30'],
  'CP-11': ['2025-04-14', '2025-05-08'],
  'LAC-01': ['2025-04-14', '2025-04-30'],
  'LAC-02': ['2025-04-16', '2025-04-25'],
  'LAC-03': ['2026-12-21', '2026-12-30'],
  'LAC-04.first': ['2025-04-14', '2025-05-15'],
  'LAC-04.second': ['2025-02-05', '2025-05-05'],
  'LAC-04.subsequent': ['2024-11-05', '2025-05-05'],
  'LAC-05.first': ['2025-04-14', '2025-04-21'],
  'LAC-05.interval': ['2025-03-24', '2025-05-05'],
  'LAC-05.long-term': ['2025-02-05', '2025-05-05'],
  'LAC-06.weekly': ['2025-04-11', '2025-04-18'],
  'LAC-06.interval': ['2025-03-24', '2025-05-05'],
  'LAC-07.weekly': ['2026-12-18', '2026-12-25'],
  'LAC-07.interval': ['2025-04-07', '2025-05-05'],
  'LAC-08.first': ['2025-04-28', '2025-05-05'],
  'LAC-08.interval': ['2025-03-24', '2025-05-05'],
  'LAC-09': ['2025-04-14', '2025-05-15'],
  'LAC-10.under-5': ['2024-11-05', '2025-05-05'],
  'LAC-10.5-and-over': ['2024-05-05', '2025-05-05'],
  'LAC-11.initial': ['2025-04-14', '2025-05-15'],
  'LAC-11.review': ['2025-01-05', '2025-05-05'],
  'CL-01': ['2025-02-05', '2025-05-05'],
  'CL-02': ['2024-11-05', '2025-05-05'],
  'CIN-01': ['2025-02-05', '2025-05-05'],
  'FH-01': ['2025-02-05', '2025-05-05'],
}

describe('dueDate for every rule, across a bank holiday', () => {
  it('has a case for every rule', () => {
    expect(Object.keys(ACROSS_A_BANK_HOLIDAY).sort()).toEqual(TIMESCALE_RULES.map((rule) => rule.id).sort())
  })

  it.each(Object.entries(ACROSS_A_BANK_HOLIDAY))('%s', (id, [trigger, due]) => {
    expect(dueDate(id as TimescaleRuleId, trigger, settings)).toBe(due)
  })

  it('moves working-day deadlines when the calendar lacks the bank holidays', () => {
    const noBankHolidays = timescaleSettings({ holidays: new HolidayCalendar([]) })
    expect(dueDate('CP-05', '2025-04-14', noBankHolidays)).toBe('2025-05-06') // Good Friday is still statutory
    expect(dueDate('CP-01', '2026-12-24', noBankHolidays)).toBe('2026-12-28')
    expect(dueDate('CP-08', '2025-02-05', noBankHolidays)).toBe('2025-05-05')
  })
})

describe('month rules at the end of a month', () => {
  it('use the last day of a shorter month', () => {
    expect(dueDate('CP-08', '2024-11-30', settings)).toBe('2025-02-28')
    expect(dueDate('LAC-04.second', '2023-11-30', settings)).toBe('2024-02-29')
    expect(dueDate('CP-09', '2025-08-31', settings)).toBe('2026-02-28')
    expect(dueDate('LAC-04.subsequent', '2025-03-31', settings)).toBe('2025-09-30')
    expect(dueDate('LAC-10.5-and-over', '2024-02-29', settings)).toBe('2025-02-28')
    expect(dueDate('CL-01', '2025-05-31', settings)).toBe('2025-08-31')
  })
})

describe('local settings', () => {
  it('mark the rules an authority may change', () => {
    const adjustable = TIMESCALE_RULES.filter((rule) => 'setting' in rule).map((rule) => rule.id)
    expect(adjustable).toEqual(['CP-03', 'CP-07.subsequent', 'CP-10', 'CP-11', 'LAC-11.initial', 'CIN-01', 'FH-01'])
    expect(TIMESCALE_RULES.filter((rule) => rule.scope === 'local').map((rule) => rule.id))
      .toEqual(['CP-03', 'CP-07.subsequent', 'CP-10', 'CP-11', 'CIN-01', 'FH-01'])
  })

  it('replace the default period', () => {
    const local = timescaleSettings({
      local: {
        strategyDiscussion: { unit: 'working-days', count: 3 },
        childProtectionVisitInterval: { unit: 'days', count: 28 },
        coreGroupInterval: { unit: 'weeks', count: 6 },
        transferInConference: { unit: 'working-days', count: 10 },
      },
    })
    expect(dueDate('CP-03', '2026-12-24', local)).toBe('2026-12-31')
    expect(dueDate('CP-10', '2025-04-14', local)).toBe('2025-05-12')
    expect(dueDate('CP-07.subsequent', '2025-04-07', local)).toBe('2025-05-19')
    expect(dueDate('CP-11', '2025-04-14', local)).toBe('2025-04-30')
    expect(dueDate('CP-05', '2025-04-14', local)).toBe('2025-05-08') // national rules are unaffected
  })

  it('allow a same-day strategy discussion', () => {
    const sameDay = timescaleSettings({ local: { strategyDiscussion: { unit: 'working-days', count: 0 } } })
    expect(dueDate('CP-03', '2025-04-14', sameDay)).toBe('2025-04-14')
  })

  it('choose school days or working days for the first PEP', () => {
    const school = (holidays: HolidayCalendar) =>
      new SchoolCalendar(holidays, { closures: [{ start: '2025-04-07', end: '2025-04-21' }] })
    const schoolDays = timescaleSettings()
    const withClosures = timescaleSettings({ school: school(schoolDays.holidays) })
    const workingDays = timescaleSettings({ school: school(schoolDays.holidays), local: { pepDayType: 'working-days' } })
    expect(dueDate('LAC-11.initial', '2025-04-03', withClosures)).toBe('2025-05-19')
    expect(dueDate('LAC-11.initial', '2025-04-03', workingDays)).toBe('2025-05-06')
    expect(effectivePeriod(timescaleRule('LAC-11.initial'), workingDays)).toEqual({ unit: 'working-days', count: 20 })
  })

  it('ignore overrides left undefined and refuse nonsense', () => {
    expect(timescaleSettings({ local: { strategyDiscussion: undefined } }).local.strategyDiscussion)
      .toEqual({ unit: 'working-days', count: 1 })
    expect(() => timescaleSettings({ local: { strategyDiscussion: { unit: 'working-days', count: -1 } } })).toThrow(RangeError)
    expect(() => timescaleSettings({ local: { coreGroupInterval: { unit: 'weeks', count: 1.5 } } })).toThrow(RangeError)
    expect(() => timescaleSettings({ local: { termLengthWithoutTermDates: { unit: 'terms', count: 1 } } })).toThrow(RangeError)
  })
})

describe('terms', () => {
  it('end with the next term where term dates are known, else after the configured term length', () => {
    const holidays = timescaleSettings().holidays
    const withTerms = timescaleSettings({
      school: new SchoolCalendar(holidays, {
        terms: [{ start: '2025-09-03', end: '2025-12-19' }, { start: '2026-01-05', end: '2026-03-27' }],
      }),
    })
    expect(dueDate('LAC-11.review', '2025-10-15', withTerms)).toBe('2026-03-27')
    expect(dueDate('LAC-11.review', '2026-02-01', withTerms)).toBe('2026-06-01') // terms entered run out
    expect(addPeriod('2025-10-15', { unit: 'terms', count: 2 }, settings)).toBe('2026-06-15')
  })
})

describe('deadlineStatus', () => {
  it('counts calendar days left and colours the deadline', () => {
    expect(deadlineStatus('2025-05-08', '2025-04-14')).toEqual({ due: '2025-05-08', daysLeft: 24, daysOverdue: 0, rag: 'green' })
    expect(deadlineStatus('2025-05-08', '2025-05-01').rag).toBe('amber')
    expect(deadlineStatus('2025-05-08', '2025-04-30').rag).toBe('green')
    expect(deadlineStatus('2025-05-08', '2025-05-08')).toEqual({ due: '2025-05-08', daysLeft: 0, daysOverdue: 0, rag: 'amber' })
    expect(deadlineStatus('2025-05-08', '2025-05-11')).toEqual({ due: '2025-05-08', daysLeft: -3, daysOverdue: 3, rag: 'red' })
  })

  it('takes the amber window as an option', () => {
    expect(deadlineStatus('2025-05-08', '2025-04-24', { amberWithinDays: 14 }).rag).toBe('amber')
    expect(deadlineStatus('2025-05-08', '2025-05-07', { amberWithinDays: 0 }).rag).toBe('green')
  })
})
