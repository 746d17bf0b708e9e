import { describe, expect, it } from 'vitest'
import { generateUpn, isTemporaryUpn, isValidUpn, upnCheckLetter, upnProblem } from './upn.js'

describe('UPN validation', () => {
  it('accepts A950000178301 and H243278544154', () => {
    expect(isValidUpn('A950000178301')).toBe(true)
    expect(isValidUpn('H243278544154')).toBe(true)
  })

  it('rejects R247962919251 and X428558133462 for their check letters', () => {
    expect(upnProblem('R247962919251')).toBe('check-letter')
    expect(upnProblem('X428558133462')).toBe('check-letter')
    expect(upnCheckLetter('247962919251')).toBe('Q')
    expect(isValidUpn('Q247962919251')).toBe(true)
  })

  it('ignores case and spaces in what was typed', () => {
    expect(isValidUpn(' a9500 0017 8301 ')).toBe(true)
  })

  it('names each problem the CIN census rules check', () => {
    expect(upnProblem('A95000017830')).toBe('length')
    expect(upnProblem('A9500001783011')).toBe('length')
    expect(upnProblem('AX50000178301')).toBe('la-code')
    expect(upnProblem('A9500A0178301')).toBe('not-numeric')
    expect(upnProblem('A95000017830I')).toBe('character-13')
    expect(upnProblem('A95000017830S')).toBe('character-13')
  })

  it('accepts a temporary UPN with a letter in position 13, the letter counting as its alphabet index', () => {
    // Characters 2-12 of A950000178301 with a letter B (index 1) in place of the final 1: the sum is unchanged.
    expect(isValidUpn('A95000017830B')).toBe(true)
    expect(isTemporaryUpn('A95000017830B')).toBe(true)
    expect(isTemporaryUpn('A950000178301')).toBe(false)
    expect(isValidUpn('B95000017830B')).toBe(false)
  })
})

describe('generateUpn', () => {
  it('rebuilds the documented valid UPNs from their parts', () => {
    expect(generateUpn({ laCode: 950, establishment: 1, year: 78, serial: 301 })).toBe('A950000178301')
    expect(generateUpn({ laCode: 243, establishment: 2785, year: 2044, serial: 154 })).toBe('H243278544154')
  })

  it('produces valid UPNs for many parts', () => {
    for (let serial = 0; serial < 1000; serial += 7) {
      expect(isValidUpn(generateUpn({ laCode: 201, establishment: 3614, year: 24, serial }))).toBe(true)
    }
  })

  it('refuses parts that do not fit', () => {
    expect(() => generateUpn({ laCode: 99, establishment: 1, year: 24, serial: 1 })).toThrow(RangeError)
    expect(() => generateUpn({ laCode: 201, establishment: 10000, year: 24, serial: 1 })).toThrow(RangeError)
    expect(() => generateUpn({ laCode: 201, establishment: 1, year: 24, serial: 1000 })).toThrow(RangeError)
  })
})
