// UK postcodes: format only (whether a postcode exists needs the ONS Postcode Directory, not a pattern).
// Pattern from the UK Government Data Standards Catalogue (BS 7666): outward code A9, A99, AA9, AA99, A9A or AA9A,
// then inward code 9AA; letters restricted by position. GIR 0AA (Girobank) is the one historic exception.

const OUTWARD = '(?:[A-PR-UWYZ](?:\\d{1,2}|[A-HJ-Y]\\d{1,2}|\\d[A-HJKPSTUW]|[A-HJ-Y]\\d[ABEHMNPRVWXY]))'
const INWARD = '\\d[ABD-HJLNP-UW-Z]{2}'
const POSTCODE = new RegExp(`^(?:(${OUTWARD})(${INWARD})|(GIR)(0AA))$`)

/** `SW1A 1AA` (upper case, one space before the inward code), or null when the input is not a UK postcode. */
export function normalisePostcode(input: string): string | null {
  const match = POSTCODE.exec(input.replace(/\s/g, '').toUpperCase())
  if (!match) return null
  const outward = match[1] ?? match[3]!
  const inward = match[2] ?? match[4]!
  return `${outward} ${inward}`
}

export function isValidPostcode(input: string): boolean {
  return normalisePostcode(input) !== null
}

/** The outward code, i.e. the postcode district: `SW1A` from `sw1a 1aa`. Null when not a postcode. */
export function postcodeDistrict(input: string): string | null {
  return normalisePostcode(input)?.split(' ')[0] ?? null
}

/** The postcode sector: the outward code and the inward code's digit, `SW1A 1` from `SW1A 1AA`. */
export function postcodeSector(input: string): string | null {
  return normalisePostcode(input)?.slice(0, -2) ?? null
}
