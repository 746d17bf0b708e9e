import { describe, expect, it } from 'vitest'
import {
  addDays, addMonths, addYears, civilFromDayNumber, dayOfWeek, daysBetween, fromDayNumber, parseLocalDate,
  toDayNumber, todayInEngland,
} from './local-date.js'

describe('LocalDate', () => {
  it('parses only real yyyy-mm-dd dates', () => {
    expect(parseLocalDate('2024-02-29')).toBe('2024-02-29')
    expect(parseLocalDate('2025-02-29')).toBeNull()
    expect(parseLocalDate('2025-13-01')).toBeNull()
    expect(parseLocalDate('02/12/2024')).toBeNull()
    expect(parseLocalDate('2024-12-02T00:00:00Z')).toBeNull()
    expect(() => toDayNumber('2025-02-30')).toThrow(RangeError)
  })

  it('counts days across month, year and daylight-saving boundaries exactly', () => {
    expect(toDayNumber('1970-01-01')).toBe(0)
    expect(fromDayNumber(toDayNumber('2025-03-30'))).toBe('2025-03-30')
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31') // clocks go forward on 30 March 2025
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1)
  })

  it('knows the day of the week (1 = Monday)', () => {
    expect(dayOfWeek('2024-12-02')).toBe(1)
    expect(dayOfWeek('2026-12-24')).toBe(4)
    expect(dayOfWeek('1969-12-28')).toBe(7)
  })

  it('splits day numbers into year, month and day', () => {
    for (let day = toDayNumber('1999-12-25'); day < toDayNumber('2031-01-10'); day += 13) {
      const { year, month, day: dayOfMonth } = civilFromDayNumber(day)
      expect([year, month, dayOfMonth].join('-')).toBe(fromDayNumber(day).split('-').map(Number).join('-'))
    }
  })
})

describe('addMonths: same calendar day, else the last day of that month', () => {
  it('keeps the day where the month has it', () => {
    expect(addMonths('2025-01-15', 3)).toBe('2025-04-15')
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28')
    expect(addMonths('2025-10-15', 6)).toBe('2026-04-15')
  })

  it('falls back to the month end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28')
    expect(addMonths('2025-05-31', 1)).toBe('2025-06-30')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
  })

  it('does not creep: two single months from 31 January is not the same as two months', () => {
    expect(addMonths(addMonths('2025-01-31', 1), 1)).toBe('2025-03-28')
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31')
  })

  it('goes backwards and across years', () => {
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28')
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15')
    expect(addYears('2008-02-29', 16)).toBe('2024-02-29')
    expect(addYears('2009-02-28', 16)).toBe('2025-02-28')
  })
})

describe('todayInEngland', () => {
  it('uses the date in London, not the server time zone', () => {
    expect(todayInEngland(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01') // BST
    expect(todayInEngland(new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31') // GMT
  })
})
