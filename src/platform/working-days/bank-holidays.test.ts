import { describe, expect, it } from 'vitest'
import { HolidayCalendar, shippedHolidayCalendar } from './bank-holidays.js'

describe('HolidayCalendar', () => {
  it('ships the GOV.UK England and Wales snapshot, 2020-2027', () => {
    const calendar = shippedHolidayCalendar()
    expect(calendar.holidays).toHaveLength(67)
    expect(calendar.holidays[0]).toEqual({ date: '2020-01-01', title: "New Year's Day" })
    expect(calendar.isHoliday('2022-09-19')).toBe(true) // one-off: the Queen's state funeral
    expect(calendar.isHoliday('2023-05-08')).toBe(true) // one-off: the coronation
    expect(calendar.isHoliday('2026-12-28')).toBe(true) // Boxing Day substitute
    expect(calendar.isHoliday('2026-12-24')).toBe(false)
    expect(calendar.covers('2027-06-01')).toBe(true)
    expect(calendar.covers('2028-06-01')).toBe(false)
  })

  it('is built from any list, so an administrator can add a one-off holiday', () => {
    const calendar = new HolidayCalendar([...shippedHolidayCalendar().holidays, { date: '2026-06-15', title: 'One-off' }])
    expect(calendar.isHoliday('2026-06-15')).toBe(true)
    expect(new HolidayCalendar(['2030-05-06']).isHoliday('2030-05-06')).toBe(true)
    expect(() => new HolidayCalendar(['06/05/2030'])).toThrow(RangeError)
  })

  it('reads the whole GOV.UK feed as well as a single division', () => {
    const calendar = HolidayCalendar.fromGovUk({
      'england-and-wales': { events: [{ date: '2028-05-01', title: 'Early May bank holiday' }] },
    })
    expect(calendar.isHoliday('2028-05-01')).toBe(true)
  })

  it('always treats Christmas Day and Good Friday as holidays, as the statute names them', () => {
    const empty = new HolidayCalendar([])
    expect(empty.isHoliday('2031-12-25')).toBe(true)
    expect(empty.isHoliday('2028-04-14')).toBe(true) // Good Friday 2028
    expect(empty.isHoliday('2028-04-17')).toBe(false) // Easter Monday is a bank holiday: it must come from data
    expect(empty.isHoliday('2031-12-26')).toBe(false)
  })

  it('computes the same Good Fridays as the GOV.UK list', () => {
    const empty = new HolidayCalendar([])
    const goodFridays = shippedHolidayCalendar().holidays.filter((h) => h.title === 'Good Friday').map((h) => h.date)
    expect(goodFridays).toHaveLength(8)
    for (const date of goodFridays) expect(empty.isHoliday(date)).toBe(true)
  })
})
