// NHS number: 10 digits, the last a modulus 11 check digit (NHS Data Dictionary, "NHS NUMBER").
// Kindred holds only synthetic data, so every number it generates comes from the 999 test range.

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const
const TEN_DIGITS = /^\d{10}$/
const TEST_PREFIX = '999'

/** The digits of an NHS number as typed, without the spaces or hyphens people put in it. Not validated. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '')
}

/** The check digit for the first nine digits, or null where the sum leaves 10 (no number is issued with that prefix). */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError(`nhsCheckDigit needs nine digits, got "${firstNine}"`)
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * WEIGHTS[i]!
  const check = 11 - (sum % 11)
  if (check === 10) return null
  return check === 11 ? 0 : check
}

/** True when the input (spaces and hyphens allowed) is ten digits whose last digit is the right check digit. */
export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input)
  return TEN_DIGITS.test(digits) && nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9])
}

/** True when the input is ten digits in the range 999 000 0000 - 999 999 9999 reserved for test data. */
export function isTestRangeNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input)
  return TEN_DIGITS.test(digits) && digits.startsWith(TEST_PREFIX)
}

/** `999 000 0018`: the 3-3-4 grouping NHS services display. Throws unless the input is ten digits. */
export function formatNhsNumber(input: string): string {
  const digits = normaliseNhsNumber(input)
  if (!TEN_DIGITS.test(digits)) throw new RangeError('formatNhsNumber needs a ten-digit NHS number')
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
}

// The test range fixes digits 1-3 as 999 and leaves digits 4-9 free (weights 7..2). A prefix has no valid number
// when its weighted sum is 1 mod 11. invalidTails[k][r] counts the ways to fill the last k free digits so that a
// running sum r ends up there: it lets testNhsNumber jump straight to the n-th valid number instead of scanning.
const FREE_WEIGHTS = WEIGHTS.slice(3)
const invalidTails: number[][] = [Array.from({ length: 11 }, (_, r) => (r === 1 ? 1 : 0))]
for (let k = 1; k <= FREE_WEIGHTS.length; k++) {
  const weight = FREE_WEIGHTS[FREE_WEIGHTS.length - k]!
  invalidTails.push(Array.from({ length: 11 }, (_, r) => {
    let count = 0
    for (let digit = 0; digit <= 9; digit++) count += invalidTails[k - 1]![(r + weight * digit) % 11]!
    return count
  }))
}
const PREFIX_SUM = (9 * 10 + 9 * 9 + 9 * 8) % 11
const validTails = (k: number, runningSum: number): number => 10 ** k - invalidTails[k]![runningSum % 11]!

/** How many valid NHS numbers the test range holds (testNhsNumber accepts 0 up to one less than this). */
export const TEST_RANGE_NHS_NUMBER_COUNT = validTails(FREE_WEIGHTS.length, PREFIX_SUM)

/**
 * The n-th (from 0) valid NHS number in the test range, in ascending order, skipping prefixes that have no valid
 * check digit: testNhsNumber(0) is 9990000018, testNhsNumber(1) is 9990000026. Synthetic data generators give each
 * child its own n.
 */
export function testNhsNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= TEST_RANGE_NHS_NUMBER_COUNT) {
    throw new RangeError(`testNhsNumber: n must be an integer from 0 to ${TEST_RANGE_NHS_NUMBER_COUNT - 1}`)
  }
  let remaining = n
  let sum = PREFIX_SUM
  let prefix = TEST_PREFIX
  for (let position = 0; position < FREE_WEIGHTS.length; position++) {
    const weight = FREE_WEIGHTS[position]!
    const tailLength = FREE_WEIGHTS.length - position - 1
    for (let digit = 0; digit <= 9; digit++) {
      const inBranch = validTails(tailLength, sum + weight * digit)
      if (remaining < inBranch) {
        prefix += digit
        sum += weight * digit
        break
      }
      remaining -= inBranch
    }
  }
  return prefix + nhsCheckDigit(prefix)!
}
