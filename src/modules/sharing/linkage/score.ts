// Scoring record pairs. PairScorer is the hot path over interned columns; explainPair recomputes the same
// levels from the text with the comparison functions, adding the notes a practitioner reads.
import {
  compareDateOfBirth, compareFirstName, compareNhsNumber, comparePostcode, compareSchool, compareSex, compareSurname,
  type Comparison, type FirstNameComparison,
} from './compare.js'
import { oneDigitApart, swapDayAndMonth } from './dates.js'
import {
  CLOSE, DIFFERENT, EXACT, FIELDS, LEVELS, MISSING, fieldIndex, priorWeight, probabilityOfWeight, weightTable,
  type Parameters,
} from './model.js'
import { parsePostcode } from './postcode.js'
import { FEMALE, MALE, columnsOf, type Columns, type Vocabulary } from './records.js'

/** Everything scoring needs, in a form that can be posted to a worker thread. */
export interface ScoringData {
  a: Columns
  b: Columns
  names: readonly string[]
  schools: readonly string[]
  postcodeSector: Int32Array
  postcodeDistrict: Int32Array
  /** `weightTable(parameters)`, with the prior's log odds alongside. */
  weights: Float64Array
  prior: number
  /** Exact-agreement weights per name id, from how common the name is (a shared rare name says more). */
  firstNameExact: Float64Array
  lastNameExact: Float64Array
}

/** Names rarer than this still count as this common, so one odd spelling cannot dominate a score. */
const RAREST_NAME = 1e-5

export function scoringData(vocabulary: Vocabulary, a: Columns, b: Columns, parameters: Parameters): ScoringData {
  const weights = weightTable(parameters)
  const exactWeight = (field: 'firstName' | 'lastName'): number => weights[fieldIndex(field) * 4 + EXACT]!
  return {
    a: columnsOf(a),
    b: columnsOf(b),
    names: vocabulary.names.strings,
    schools: vocabulary.schools.strings,
    postcodeSector: Int32Array.from(vocabulary.postcodeSector),
    postcodeDistrict: Int32Array.from(vocabulary.postcodeDistrict),
    weights,
    prior: priorWeight(parameters.prior),
    firstNameExact: exactNameWeights(vocabulary.names.size, a.firstName, b.firstName, exactWeight('firstName')),
    lastNameExact: exactNameWeights(vocabulary.names.size, a.lastName, b.lastName, exactWeight('lastName')),
  }
}

/**
 * Term-frequency adjustment (as in Splink): the field's exact weight, plus how much rarer this name is than
 * the chance that two records share a name at all. Two Smiths agreeing says less than two Fitzwilliams.
 */
function exactNameWeights(size: number, a: Int32Array, b: Int32Array, exactWeight: number): Float64Array {
  const counts = new Float64Array(size)
  let total = 0
  for (const column of [a, b]) {
    for (const id of column) {
      if (id < 0) continue
      counts[id]!++
      total++
    }
  }
  let sharing = 0
  for (const count of counts) sharing += (count / total) ** 2
  return counts.map((count) => exactWeight + Math.log2(sharing / Math.max(count / total, RAREST_NAME)))
}

/** Name comparison levels by id pair: names recur, so each distinct pair is compared once (bounded cache). */
class NameLevels {
  private readonly cache = new Map<number, number>()
  constructor(private readonly names: readonly string[], private readonly compare: (a: string, b: string) => Comparison) {}

  level(a: number, b: number): number {
    if (a < 0 || b < 0) return MISSING
    if (a === b) return EXACT
    const key = a * this.names.length + b
    let level = this.cache.get(key)
    if (level === undefined) {
      level = LEVELS.indexOf(this.compare(this.names[a]!, this.names[b]!).level)
      if (this.cache.size >= 1 << 21) this.cache.clear()
      this.cache.set(key, level)
    }
    return level
  }
}

export class PairScorer {
  private readonly firstNames: NameLevels
  private readonly lastNames: NameLevels
  private readonly schools: NameLevels
  private readonly w: Float64Array
  private readonly nhs = fieldIndex('nhsNumber') * 4
  private readonly first = fieldIndex('firstName') * 4
  private readonly last = fieldIndex('lastName') * 4
  private readonly dob = fieldIndex('dateOfBirth') * 4
  private readonly sex = fieldIndex('sex') * 4
  private readonly postcode = fieldIndex('postcode') * 4
  private readonly school = fieldIndex('school') * 4

  constructor(readonly data: ScoringData) {
    this.firstNames = new NameLevels(data.names, compareFirstName)
    this.lastNames = new NameLevels(data.names, compareSurname)
    this.schools = new NameLevels(data.schools, compareSchool)
    this.w = data.weights
  }

  /**
   * The match weight (prior included) of record a in file A against record b in file B, or -Infinity once
   * the cheap fields show it cannot reach `floor`, skipping the name comparisons.
   */
  score(a: number, b: number, floor = -Infinity): number {
    const { a: A, b: B } = this.data
    const w = this.w
    let weight = this.data.prior
    weight += w[this.nhs + levelOfEquality(A.nhs[a]!, B.nhs[b]!)]!
    weight += w[this.dob + dateLevel(A.dob[a]!, B.dob[b]!)]!
    weight += w[this.sex + levelOfEquality(A.sex[a]!, B.sex[b]!)]!
    weight += w[this.postcode + this.postcodeLevel(A.postcode[a]!, B.postcode[b]!)]!
    const firstA = A.firstName[a]!
    const lastA = A.lastName[a]!
    const bestFirst = firstA === B.firstName[b] && firstA >= 0 ? this.data.firstNameExact[firstA]! : Math.max(0, w[this.first + CLOSE]!)
    const bestLast = lastA === B.lastName[b] && lastA >= 0 ? this.data.lastNameExact[lastA]! : Math.max(0, w[this.last + CLOSE]!)
    const bestSchool = Math.max(0, w[this.school + EXACT]!)
    if (weight + bestFirst + bestLast + bestSchool < floor) return -Infinity
    weight += this.nameWeight(this.firstNames.level(firstA, B.firstName[b]!), this.first, firstA, this.data.firstNameExact)
    weight += this.nameWeight(this.lastNames.level(lastA, B.lastName[b]!), this.last, lastA, this.data.lastNameExact)
    weight += w[this.school + this.schools.level(A.school[a]!, B.school[b]!)]!
    return weight
  }

  /** Postcode ids: the same unit is exact, the same sector or district close (see comparePostcode). */
  private postcodeLevel(a: number, b: number): number {
    if (a < 0 || b < 0) return MISSING
    if (a === b) return EXACT
    const { postcodeSector, postcodeDistrict } = this.data
    return postcodeSector[a] === postcodeSector[b] || postcodeDistrict[a] === postcodeDistrict[b] ? CLOSE : DIFFERENT
  }

  private nameWeight(level: number, field: number, id: number, exact: Float64Array): number {
    return level === EXACT ? exact[id]! : this.w[field + level]!
  }

  /** The hot-path twin of siblingGuard: false when the pair may be twins or siblings. */
  mayAccept(a: number, b: number): boolean {
    const { a: A, b: B } = this.data
    if (levelOfEquality(A.nhs[a]!, B.nhs[b]!) === EXACT) return true
    if (dateLevel(A.dob[a]!, B.dob[b]!) === DIFFERENT) return false
    const first = A.firstName[a]!
    const other = B.firstName[b]!
    return first < 0 || other < 0 || first === other
      || compareFirstName(this.data.names[first]!, this.data.names[other]!).plausiblySame
  }

  /** Levels for one pair in FIELDS order (for estimating parameters). */
  levels(a: number, b: number, into: Uint8Array, offset: number): void {
    const { a: A, b: B } = this.data
    into[offset + this.nhs / 4] = levelOfEquality(A.nhs[a]!, B.nhs[b]!)
    into[offset + this.first / 4] = this.firstNames.level(A.firstName[a]!, B.firstName[b]!)
    into[offset + this.last / 4] = this.lastNames.level(A.lastName[a]!, B.lastName[b]!)
    into[offset + this.dob / 4] = dateLevel(A.dob[a]!, B.dob[b]!)
    into[offset + this.sex / 4] = levelOfEquality(A.sex[a]!, B.sex[b]!)
    into[offset + this.postcode / 4] = this.postcodeLevel(A.postcode[a]!, B.postcode[b]!)
    into[offset + this.school / 4] = this.schools.level(A.school[a]!, B.school[b]!)
  }
}

/** For values where 0 means missing and anything else either agrees or not (NHS numbers, sex codes). */
function levelOfEquality(a: number, b: number): number {
  return a === 0 || b === 0 ? MISSING : a === b ? EXACT : DIFFERENT
}

function dateLevel(a: number, b: number): number {
  if (a === 0 || b === 0) return MISSING
  if (a === b) return EXACT
  return swapDayAndMonth(a) === b || oneDigitApart(a, b) ? CLOSE : DIFFERENT
}

/**
 * Why a pair must not be linked without a practitioner, or null. Twins and siblings share a surname and an
 * address (twins a date of birth too), so those fields agreeing says little: a first name that cannot be the
 * same child's, or a date of birth that differs by more than a slip, rules out an automatic link however high
 * the score. The same NHS number overrides both: twins and siblings each have their own.
 */
export function siblingGuard(firstName: FirstNameComparison, dateOfBirth: Comparison, nhsNumber: Comparison): string | null {
  if (nhsNumber.level === 'exact') return null
  if (!firstName.plausiblySame) return 'first names differ: possible twin or sibling, not linked automatically'
  if (dateOfBirth.level === 'different') return 'dates of birth differ: possible sibling, not linked automatically'
  return null
}

export interface Explanation {
  weight: number
  probability: number
  comparisons: Comparison[]
  /** False when the pair could be twins or siblings (see siblingGuard): never accepted outright. */
  mayAccept: boolean
  /** The contributing fields, e.g. "same date of birth +12.8; first name: nickname of +2.9". */
  reasons: string
}

/** The same score as PairScorer, recomputed from the text with a note for each field. */
export function explainPair(data: ScoringData, postcodes: readonly string[], a: number, b: number): Explanation {
  const { a: A, b: B, names, schools } = data
  const name = (id: number): string => (id < 0 ? '' : names[id]!)
  const sexOf = (code: number): string => (code === MALE ? 'M' : code === FEMALE ? 'F' : '')
  const postcodeOf = (id: number) => (id < 0 ? null : parsePostcode(postcodes[id]))
  const nhsOf = (value: number): string => (value === 0 ? '' : String(value).padStart(10, '0'))
  const firstName = compareFirstName(name(A.firstName[a]!), name(B.firstName[b]!))
  const comparisons: Record<(typeof FIELDS)[number], Comparison> = {
    nhsNumber: compareNhsNumber(nhsOf(A.nhs[a]!), nhsOf(B.nhs[b]!)),
    firstName,
    lastName: compareSurname(name(A.lastName[a]!), name(B.lastName[b]!)),
    dateOfBirth: compareDateOfBirth(A.dob[a]!, B.dob[b]!),
    sex: compareSex(sexOf(A.sex[a]!), sexOf(B.sex[b]!)),
    postcode: comparePostcode(postcodeOf(A.postcode[a]!), postcodeOf(B.postcode[b]!)),
    school: compareSchool(A.school[a]! < 0 ? '' : schools[A.school[a]!]!, B.school[b]! < 0 ? '' : schools[B.school[b]!]!),
  }
  let weight = data.prior
  const reasons: string[] = []
  FIELDS.forEach((field, f) => {
    const comparison = comparisons[field]
    const level = LEVELS.indexOf(comparison.level)
    if (level === MISSING) return
    const contribution = level === EXACT && field === 'firstName' ? data.firstNameExact[A.firstName[a]!]!
      : level === EXACT && field === 'lastName' ? data.lastNameExact[A.lastName[a]!]!
        : data.weights[f * 4 + level]!
    weight += contribution
    reasons.push(`${comparison.note} ${contribution >= 0 ? '+' : ''}${contribution.toFixed(1)}`)
  })
  const guard = siblingGuard(firstName, comparisons.dateOfBirth, comparisons.nhsNumber)
  if (guard) reasons.push(guard)
  return {
    weight,
    probability: probabilityOfWeight(weight),
    comparisons: FIELDS.map((field) => comparisons[field]),
    mayAccept: !guard,
    reasons: reasons.join('; '),
  }
}
