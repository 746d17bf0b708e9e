import { describe, expect, it } from 'vitest'
import {
  formatNhsNumber, isTestRangeNhsNumber, isValidNhsNumber, nhsCheckDigit, normaliseNhsNumber,
  TEST_RANGE_NHS_NUMBER_COUNT, testNhsNumber,
} from './nhs-number.js'

describe('NHS number validation (modulus 11)', () => {
  it('accepts 9434765919 and rejects 9434765918', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true)
    expect(isValidNhsNumber('9434765918')).toBe(false)
  })

  it('ignores spaces and hyphens in what was typed', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true)
    expect(isValidNhsNumber('943-476-5919')).toBe(true)
    expect(normaliseNhsNumber(' 943 476-5919 ')).toBe('9434765919')
  })

  it('accepts the test-range numbers 9990000018 and 9990000026', () => {
    expect(isValidNhsNumber('9990000018')).toBe(true)
    expect(isValidNhsNumber('9990000026')).toBe(true)
  })

  it('finds no valid check digit for 999000000x', () => {
    expect(nhsCheckDigit('999000000')).toBeNull()
    for (let digit = 0; digit <= 9; digit++) expect(isValidNhsNumber(`999000000${digit}`)).toBe(false)
  })

  it('rejects the usual display example 987 654 4321, which fails the checksum', () => {
    expect(isValidNhsNumber('987 654 4321')).toBe(false)
  })

  it('rejects the wrong number of digits and letters', () => {
    expect(isValidNhsNumber('943476591')).toBe(false)
    expect(isValidNhsNumber('94347659190')).toBe(false)
    expect(isValidNhsNumber('943476591A')).toBe(false)
    expect(isValidNhsNumber('')).toBe(false)
  })

  it('turns a check sum of 11 into the check digit 0', () => {
    // The weighted sum of 999000005 is 253 = 23 x 11.
    expect(nhsCheckDigit('999000005')).toBe(0)
    expect(isValidNhsNumber('9990000050')).toBe(true)
    expect(isValidNhsNumber('9990000051')).toBe(false)
  })
})

describe('NHS number display and test range', () => {
  it('formats as 3-3-4', () => {
    expect(formatNhsNumber('9990000018')).toBe('999 000 0018')
    expect(formatNhsNumber('999-000-0018')).toBe('999 000 0018')
    expect(() => formatNhsNumber('99900')).toThrow(RangeError)
  })

  it('knows the 999 test range', () => {
    expect(isTestRangeNhsNumber('999 000 0018')).toBe(true)
    expect(isTestRangeNhsNumber('9999999999')).toBe(true)
    expect(isTestRangeNhsNumber('9434765919')).toBe(false)
    expect(isTestRangeNhsNumber('999000001')).toBe(false)
  })
})

describe('testNhsNumber: the n-th valid number in the test range', () => {
  it('starts 9990000018, 9990000026', () => {
    expect(testNhsNumber(0)).toBe('9990000018')
    expect(testNhsNumber(1)).toBe('9990000026')
  })

  it('matches a plain scan of the range for the first few thousand', () => {
    const scanned: string[] = []
    for (let prefix = 999_000_000; scanned.length < 3000; prefix++) {
      const check = nhsCheckDigit(String(prefix))
      if (check !== null) scanned.push(`${prefix}${check}`)
    }
    scanned.forEach((number, n) => expect(testNhsNumber(n)).toBe(number))
  })

  it('gives valid, test-range, strictly increasing numbers right up to the end of the range', () => {
    let previous = ''
    for (let n = 0; n < TEST_RANGE_NHS_NUMBER_COUNT; n += 997) {
      const number = testNhsNumber(n)
      expect(isValidNhsNumber(number) && isTestRangeNhsNumber(number)).toBe(true)
      expect(number > previous).toBe(true)
      previous = number
    }
    const last = testNhsNumber(TEST_RANGE_NHS_NUMBER_COUNT - 1)
    expect(isValidNhsNumber(last)).toBe(true)
    // Nothing valid lies beyond the last one.
    for (let prefix = Number(last.slice(0, 9)) + 1; prefix <= 999_999_999; prefix++) {
      expect(nhsCheckDigit(String(prefix))).toBeNull()
    }
  })

  it('counts the valid numbers in the range exactly', () => {
    let count = 0
    for (let prefix = 999_000_000; prefix <= 999_999_999; prefix++) if (nhsCheckDigit(String(prefix)) !== null) count++
    expect(TEST_RANGE_NHS_NUMBER_COUNT).toBe(count)
  })

  it('refuses an n outside the range', () => {
    expect(() => testNhsNumber(-1)).toThrow(RangeError)
    expect(() => testNhsNumber(1.5)).toThrow(RangeError)
    expect(() => testNhsNumber(TEST_RANGE_NHS_NUMBER_COUNT)).toThrow(RangeError)
  })
})
