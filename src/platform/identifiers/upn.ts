// Unique Pupil Number (DfE UPN guide v1.2; CIN census rules 1510, 1530-1550):
// [1] check letter, [2-4] DfE LA code, [5-8] establishment, [9-10] year of allocation, [11-12] serial,
// [13] serial digit, or a letter for a temporary UPN.

/** The 23 letters UPNs use (no I, O or S), indexed 0-22 by the check-letter calculation. */
const ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ'

/** What is wrong with a UPN, in the order CIN census rules check it. */
export type UpnProblem =
  | 'length' // not 13 characters
  | 'la-code' // characters 2-4 are not digits (rule 1530 further checks the code is a real LA)
  | 'not-numeric' // characters 5-12 are not all digits (rule 1540)
  | 'character-13' // neither a digit nor one of the 23 letters (rule 1550)
  | 'check-letter' // character 1 is not the check letter (rule 1510)

/** Upper case, without surrounding or inner spaces. Not validated. */
export function normaliseUpn(input: string): string {
  return input.replace(/\s/g, '').toUpperCase()
}

/** The check letter for characters 2-13: weights 2..13, a digit counts its value, a letter its alphabet index. */
export function upnCheckLetter(lastTwelve: string): string {
  if (!/^\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(lastTwelve)) {
    throw new RangeError(`upnCheckLetter needs 11 digits then a digit or UPN letter, got "${lastTwelve}"`)
  }
  let sum = 0
  for (let i = 0; i < 12; i++) {
    const character = lastTwelve[i]!
    const value = /\d/.test(character) ? Number(character) : ALPHABET.indexOf(character)
    sum += value * (i + 2)
  }
  return ALPHABET[sum % 23]!
}

/** The first problem with a UPN (after normalising), or null when it is valid. */
export function upnProblem(input: string): UpnProblem | null {
  const upn = normaliseUpn(input)
  if (upn.length !== 13) return 'length'
  if (!/^\d{3}$/.test(upn.slice(1, 4))) return 'la-code'
  if (!/^\d{8}$/.test(upn.slice(4, 12))) return 'not-numeric'
  if (!/^[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(upn[12]!)) return 'character-13'
  if (upnCheckLetter(upn.slice(1)) !== upn[0]) return 'check-letter'
  return null
}

export function isValidUpn(input: string): boolean {
  return upnProblem(input) === null
}

/** A valid UPN whose 13th character is a letter: issued when the permanent UPN is not yet known. */
export function isTemporaryUpn(input: string): boolean {
  return isValidUpn(input) && /[A-Z]$/.test(normaliseUpn(input))
}

export interface UpnParts {
  /** DfE three-digit local authority code, 100-999. */
  laCode: number
  /** Four-digit establishment number, 0-9999. */
  establishment: number
  /** Year of allocation: two digits, or a four-digit year whose last two digits are used. */
  year: number
  /** Serial within the school and year, 0-999 (characters 11-13). */
  serial: number
}

/** A valid permanent UPN built from its parts (for synthetic data). */
export function generateUpn({ laCode, establishment, year, serial }: UpnParts): string {
  const field = (value: number, width: number, min: number, name: string): string => {
    if (!Number.isInteger(value) || value < min || value >= 10 ** width) {
      throw new RangeError(`generateUpn: ${name} must be an integer from ${min} to ${10 ** width - 1}`)
    }
    return String(value).padStart(width, '0')
  }
  const body =
    field(laCode, 3, 100, 'laCode') +
    field(establishment, 4, 0, 'establishment') +
    field(year >= 100 ? year % 100 : year, 2, 0, 'year') +
    field(serial, 3, 0, 'serial')
  return upnCheckLetter(body) + body
}
