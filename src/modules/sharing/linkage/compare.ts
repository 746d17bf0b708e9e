// Field comparisons. Each gives a level for scoring and a note a practitioner can read.
// Inputs are already normalised (see records.ts); an empty value is "missing", never "different".
import { oneDigitApart, swapDayAndMonth } from './dates.js'
import { areNicknames } from './nicknames.js'
import { jaroWinkler, oneSlipApart } from './names.js'
import type { Postcode } from './postcode.js'

export type Level = 'exact' | 'close' | 'different' | 'missing'

export interface Comparison {
  level: Level
  note: string
}

/** Similarity above which two differently spelt names count as close. */
export const CLOSE_NAME = 0.9

const missing = (what: string): Comparison => ({ level: 'missing', note: `${what} missing` })

export interface FirstNameComparison extends Comparison {
  /**
   * Whether the names could belong to one child: the same, a nickname, or one typing slip apart (or unknown).
   * Twins and siblings share everything else, so a pair failing this is never accepted automatically.
   */
  plausiblySame: boolean
}

export function compareFirstName(a: string, b: string): FirstNameComparison {
  if (!a || !b) return { ...missing('first name'), plausiblySame: true }
  if (a === b) return { level: 'exact', note: 'same first name', plausiblySame: true }
  if (areNicknames(a, b)) return { level: 'close', note: 'first name: nickname of', plausiblySame: true }
  if (oneSlipApart(a, b)) return { level: 'close', note: 'first name: one letter differs', plausiblySame: true }
  if (jaroWinkler(a, b) >= CLOSE_NAME) return { level: 'close', note: 'first name: similar spelling', plausiblySame: false }
  return { level: 'different', note: 'different first name', plausiblySame: false }
}

/** Surnames change (a parent's new partner, adoption, double-barrelling), so a part in common counts as close. */
export function compareSurname(a: string, b: string): Comparison {
  if (!a || !b) return missing('surname')
  if (a === b) return { level: 'exact', note: 'same surname' }
  if (sharesPart(a, b)) return { level: 'close', note: 'surname: shares a part (double-barrelled or changed)' }
  if (oneSlipApart(a, b) || jaroWinkler(a, b) >= CLOSE_NAME) return { level: 'close', note: 'surname: similar spelling' }
  return { level: 'different', note: 'different surname' }
}

function sharesPart(a: string, b: string): boolean {
  if (!/[- ]/.test(a) && !/[- ]/.test(b)) return false
  const partsA = a.split(/[- ]/)
  return b.split(/[- ]/).some((part) => part.length > 1 && partsA.includes(part))
}

/** Dates as yyyymmdd integers (0 missing): a swapped day and month, or one mistyped digit, is close. */
export function compareDateOfBirth(a: number, b: number): Comparison {
  if (!a || !b) return missing('date of birth')
  if (a === b) return { level: 'exact', note: 'same date of birth' }
  if (swapDayAndMonth(a) === b) return { level: 'close', note: 'date of birth: day and month swapped' }
  if (oneDigitApart(a, b)) return { level: 'close', note: 'date of birth: one digit differs' }
  return { level: 'different', note: 'different date of birth' }
}

/** Sex as 'M' or 'F' ('' when not known). */
export function compareSex(a: string, b: string): Comparison {
  if (!a || !b) return missing('sex')
  return a === b ? { level: 'exact', note: 'same sex' } : { level: 'different', note: 'different sex' }
}

/** Families move, often nearby: the same sector or district is close. */
export function comparePostcode(a: Postcode | null, b: Postcode | null): Comparison {
  if (!a || !b) return missing('postcode')
  if (a.full === b.full) return { level: 'exact', note: 'same postcode' }
  if (a.sector === b.sector) return { level: 'close', note: 'postcode sector matches' }
  if (a.district === b.district) return { level: 'close', note: 'postcode district matches' }
  return { level: 'different', note: 'different postcode' }
}

export function compareSchool(a: string, b: string): Comparison {
  if (!a || !b) return missing('school')
  if (a === b) return { level: 'exact', note: 'same school' }
  if (jaroWinkler(a, b) >= CLOSE_NAME) return { level: 'close', note: 'school: similar name' }
  return { level: 'different', note: 'different school' }
}

/** Only checksum-valid numbers reach here (others are treated as missing): they agree or they do not. */
export function compareNhsNumber(a: string, b: string): Comparison {
  if (!a || !b) return missing('NHS number')
  return a === b ? { level: 'exact', note: 'same NHS number' } : { level: 'different', note: 'different NHS number' }
}
