import { describe, expect, it } from 'vitest'
import { isValidNhsNumber, nhsCheckDigit, normaliseNhsNumber } from './nhs-number.js'

describe('NHS numbers', () => {
  it('computes the modulus 11 check digit over the first nine digits', () => {
    expect(nhsCheckDigit('943476591')).toBe(9)
    expect(nhsCheckDigit('401023213')).toBe(7)
  })

  it('maps a remainder giving 11 to 0, and rejects one giving 10', () => {
    const prefixes = Array.from({ length: 200 }, (_, i) => `999000${String(i).padStart(3, '0')}`)
    const zero = prefixes.find((prefix) => weightedSum(prefix) % 11 === 0)!
    const ten = prefixes.find((prefix) => weightedSum(prefix) % 11 === 1)!
    expect(nhsCheckDigit(zero)).toBe(0)
    expect(nhsCheckDigit(ten)).toBeNull()
    expect(isValidNhsNumber(`${ten}0`)).toBe(false)
  })

  it('accepts valid numbers with spaces or dashes, and rejects wrong check digits and lengths', () => {
    expect(normaliseNhsNumber('943 476 5919')).toBe('9434765919')
    expect(normaliseNhsNumber('943-476-5919')).toBe('9434765919')
    expect(normaliseNhsNumber('9434765918')).toBeNull()
    expect(normaliseNhsNumber('943476591')).toBeNull()
    expect(normaliseNhsNumber('')).toBeNull()
    expect(normaliseNhsNumber(undefined)).toBeNull()
  })
})

function weightedSum(digits: string): number {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i)
  return sum
}
