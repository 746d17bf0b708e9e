import { describe, expect, it } from 'vitest'
import { shippedHolidayCalendar } from './bank-holidays.js'
import { addSchoolDays, SchoolCalendar, schoolDaysBetween } from './school-days.js'
import { addWorkingDays } from './working-days.js'

const holidays = shippedHolidayCalendar()

describe('school days from a list of school holidays (the default)', () => {
  const school = new SchoolCalendar(holidays, {
    closures: [{ start: '2025-04-07', end: '2025-04-21' }, { start: '2025-05-26', end: '2025-05-30' }],
  })

  it('are working days outside the listed holidays', () => {
    expect(school.isSchoolDay('2025-04-04')).toBe(true)
    expect(school.isSchoolDay('2025-04-09')).toBe(false) // Easter holidays
    expect(school.isSchoolDay('2025-05-05')).toBe(false) // bank holiday
    expect(school.isSchoolDay('2025-05-31')).toBe(false) // Saturday
  })

  it('differ from working days across a school holiday', () => {
    // 20 school days after Thu 2025-04-03: Fri 4 April, none in the Easter holidays, 19 from 22 April (not 5 May).
    expect(addSchoolDays('2025-04-03', 20, school)).toBe('2025-05-19')
    expect(addWorkingDays('2025-04-03', 20, holidays)).toBe('2025-05-06')
    expect(schoolDaysBetween('2025-04-03', '2025-05-19', school)).toBe(20)
  })

  it('with no holidays listed are exactly working days', () => {
    expect(addSchoolDays('2024-12-02', 45, new SchoolCalendar(holidays))).toBe('2025-02-06')
  })
})

describe('school days from term dates', () => {
  const school = new SchoolCalendar(holidays, {
    terms: [
      { start: '2025-09-03', end: '2025-12-19' },
      { start: '2026-01-05', end: '2026-03-27' },
      { start: '2026-04-13', end: '2026-07-22' },
    ],
    closures: [{ start: '2025-10-27', end: '2025-10-31' }],
  })

  it('are working days inside a term and outside closures', () => {
    expect(school.isSchoolDay('2025-09-02')).toBe(false) // before term
    expect(school.isSchoolDay('2025-09-03')).toBe(true)
    expect(school.isSchoolDay('2025-10-28')).toBe(false) // half term
    expect(school.isSchoolDay('2025-12-22')).toBe(false) // Christmas holidays
  })

  it('count across the Christmas holidays and New Year', () => {
    // Mon 15 December: four more days of term, then 5-9 and 12 January.
    expect(addSchoolDays('2025-12-15', 10, school)).toBe('2026-01-12')
  })

  it('fall back to working days after the last term entered', () => {
    expect(school.isSchoolDay('2026-07-23')).toBe(true)
    expect(school.isSchoolDay('2026-08-31')).toBe(false) // bank holiday
  })

  it('give the end of the next term', () => {
    expect(school.endOfTermAfter('2025-10-01')).toBe('2026-03-27')
    expect(school.endOfTermAfter('2025-08-01')).toBe('2025-12-19')
    expect(school.endOfTermAfter('2025-10-01', 2)).toBe('2026-07-22')
    expect(school.endOfTermAfter('2026-05-01')).toBeNull()
  })
})
