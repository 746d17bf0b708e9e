// NHS numbers as linkage compares them: a valid number, or missing. The rules live in platform/identifiers.
import { isValidNhsNumber, normaliseNhsNumber as digitsOf } from '../../../platform/identifiers/nhs-number.js'

export { nhsCheckDigit, isValidNhsNumber } from '../../../platform/identifiers/nhs-number.js'

/** Ten digits (spaces and dashes dropped) with a correct check digit, else null (compared as missing). */
export function normaliseNhsNumber(text: string | null | undefined): string | null {
  if (!text) return null
  const digits = digitsOf(text)
  return isValidNhsNumber(digits) ? digits : null
}
