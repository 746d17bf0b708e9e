import { describe, expect, it } from 'vitest'
import { formatDateOfBirth, oneDigitApart, parseDateOfBirth, swapDayAndMonth } from './dates.js'

describe('dates of birth', () => {
  it('reads yyyy-mm-dd and dd/mm/yyyy, blank as 0 and anything else as null', () => {
    expect(parseDateOfBirth('2015-03-04')).toBe(20150304)
    expect(parseDateOfBirth('04/03/2015')).toBe(20150304)
    expect(parseDateOfBirth(' 4/3/2015 ')).toBe(20150304)
    expect(parseDateOfBirth('')).toBe(0)
    expect(parseDateOfBirth('31/02/2015')).toBeNull()
    expect(parseDateOfBirth('2015-13-01')).toBeNull()
    expect(parseDateOfBirth('March 2015')).toBeNull()
    expect(formatDateOfBirth(20150304)).toBe('2015-03-04')
  })

  it('swaps day and month only where that is a real date', () => {
    expect(swapDayAndMonth(20150304)).toBe(20150403)
    expect(swapDayAndMonth(20150319)).toBe(0)
  })

  it('finds dates one digit apart', () => {
    expect(oneDigitApart(20150304, 20150384)).toBe(true)
    expect(oneDigitApart(20150304, 20160304)).toBe(true)
    expect(oneDigitApart(20150304, 20160305)).toBe(false)
    expect(oneDigitApart(20150304, 20150304)).toBe(false)
  })
})
