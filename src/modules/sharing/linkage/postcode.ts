// UK postcodes: "LS6 2AB" has outward code (district) "LS6", sector "LS6 2" and the full unit "LS6 2AB".

const POSTCODE = /^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9])([A-Z]{2})$/

export interface Postcode {
  full: string
  sector: string
  district: string
}

/** A well-formed postcode split into its parts, or null (blank or malformed: compared as missing). */
export function parsePostcode(text: string | null | undefined): Postcode | null {
  if (!text) return null
  const match = POSTCODE.exec(text.toUpperCase().replace(/\s+/g, ''))
  if (!match) return null
  const [, outward, sectorDigit, unit] = match
  return { full: `${outward} ${sectorDigit}${unit}`, sector: `${outward} ${sectorDigit}`, district: outward! }
}
