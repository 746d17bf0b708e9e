// NHS numbers: ten digits, the last a modulus 11 check digit over the first nine (weights 10 down to 2).

/** The check digit for nine digits, or null when the remainder makes 10 (no valid number uses those nine). */
export function nhsCheckDigit(firstNine: string): number | null {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += (firstNine.charCodeAt(i) - 48) * (10 - i)
  const check = 11 - (sum % 11)
  if (check === 11) return 0
  return check === 10 ? null : check
}

/** Ten digits (spaces and dashes dropped) with a correct check digit, else null. */
export function normaliseNhsNumber(text: string | null | undefined): string | null {
  if (!text) return null
  const digits = text.replace(/[\s-]/g, '')
  if (!/^\d{10}$/.test(digits)) return null
  return nhsCheckDigit(digits) === digits.charCodeAt(9) - 48 ? digits : null
}

export function isValidNhsNumber(text: string): boolean {
  return normaliseNhsNumber(text) !== null
}
