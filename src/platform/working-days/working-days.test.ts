import { describe, expect, it } from 'vitest'
import { HolidayCalendar, shippedHolidayCalendar } from './bank-holidays.js'
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.js'

const calendar = shippedHolidayCalendar()

describe('isWorkingDay', () => {
  it('excludes weekends, bank holidays, Christmas Day and Good Friday', () => {
    expect(isWorkingDay('2025-04-17', calendar)).toBe(true)
    expect(isWorkingDay('2025-04-18', calendar)).toBe(false) // Good Friday
    expect(isWorkingDay('2025-04-19', calendar)).toBe(false) // Saturday
    expect(isWorkingDay('2025-04-20', calendar)).toBe(false) // Sunday
    expect(isWorkingDay('2025-04-21', calendar)).toBe(false) // Easter Monday
    expect(isWorkingDay('2025-12-24', calendar)).toBe(true)
    expect(isWorkingDay('2025-12-25', calendar)).toBe(false)
  })
})

describe('addWorkingDays: within N working days of D = the N-th working day strictly after D', () => {
  it('45 WD after Mon 2024-12-02 is 2025-02-06', () => {
    expect(addWorkingDays('2024-12-02', 45, calendar)).toBe('2025-02-06')
  })

  it('15 WD after 2025-04-14 is 2025-05-08 (Good Friday, Easter Monday and 5 May skipped)', () => {
    expect(addWorkingDays('2025-04-14', 15, calendar)).toBe('2025-05-08')
  })

  it('1 WD after Thu 2026-12-24 is Tue 2026-12-29', () => {
    expect(addWorkingDays('2026-12-24', 1, calendar)).toBe('2026-12-29')
  })

  it('counts day 0 as the trigger even when that is not a working day', () => {
    expect(addWorkingDays('2025-04-19', 1, calendar)).toBe('2025-04-22') // Saturday of Easter
    expect(addWorkingDays('2025-04-19', 0, calendar)).toBe('2025-04-19')
  })

  it('counts back with a negative N', () => {
    expect(addWorkingDays('2025-04-22', -1, calendar)).toBe('2025-04-17')
    expect(addWorkingDays('2025-05-08', -15, calendar)).toBe('2025-04-14')
  })

  it('uses whatever holidays the calendar was given', () => {
    const withoutHolidays = new HolidayCalendar([])
    expect(addWorkingDays('2025-04-14', 15, withoutHolidays)).toBe('2025-05-06') // only Good Friday skipped
  })

  it('refuses a fractional number of days', () => {
    expect(() => addWorkingDays('2025-04-14', 1.5, calendar)).toThrow(RangeError)
  })
})

describe('workingDaysBetween', () => {
  it('is the inverse of addWorkingDays', () => {
    expect(workingDaysBetween('2024-12-02', '2025-02-06', calendar)).toBe(45)
    expect(workingDaysBetween('2025-04-14', '2025-05-08', calendar)).toBe(15)
    expect(workingDaysBetween('2026-12-24', '2026-12-29', calendar)).toBe(1)
    expect(workingDaysBetween('2025-02-06', '2024-12-02', calendar)).toBe(-45)
    expect(workingDaysBetween('2025-04-14', '2025-04-14', calendar)).toBe(0)
  })

  it('does not count a non-working end day', () => {
    expect(workingDaysBetween('2025-04-17', '2025-04-21', calendar)).toBe(0)
    expect(workingDaysBetween('2025-04-17', '2025-04-22', calendar)).toBe(1)
  })

  it('agrees with addWorkingDays for every start day of 2025', () => {
    for (let day = 1; day <= 365; day += 3) {
      const start = new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10)
      for (const n of [1, 5, 20, 45]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, calendar), calendar)).toBe(n)
      }
    }
  })
})
