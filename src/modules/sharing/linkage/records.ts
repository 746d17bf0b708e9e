// Records held column by column in typed arrays, with every text value interned once, so a million people
// fit in tens of megabytes and the columns can be shared with worker threads without copying.
import { parseDateOfBirth } from './dates.js'
import { normaliseName } from './names.js'
import { normaliseNhsNumber } from './nhs-number.js'
import { parsePostcode } from './postcode.js'

/** One person as supplied: any field but id may be blank. Dates are yyyy-mm-dd or dd/mm/yyyy. */
export interface Person {
  id: string
  firstName?: string
  lastName?: string
  dateOfBirth?: string
  sex?: string
  postcode?: string
  school?: string
  nhsNumber?: string
}

/** Interned strings: ids are dense from 0, so per-string facts live in typed arrays indexed by id. */
export class Pool {
  readonly strings: string[] = []
  private readonly ids = new Map<string, number>()

  intern(text: string): number {
    let id = this.ids.get(text)
    if (id === undefined) {
      id = this.strings.length
      this.strings.push(text)
      this.ids.set(text, id)
    }
    return id
  }

  get size(): number {
    return this.strings.length
  }
}

/** The strings both sides of a linkage share. Postcode ids index the sector and district tables. */
export class Vocabulary {
  readonly names = new Pool()
  readonly schools = new Pool()
  readonly postcodes = new Pool()
  /** Sector and district codes for each postcode id, interned in `areas`. */
  readonly areas = new Pool()
  postcodeSector: number[] = []
  postcodeDistrict: number[] = []
  private readonly rawNames = new Map<string, number>()
  private readonly rawDates = new Map<string, number | null>()

  /** Name id for raw text, or -1 when blank. Raw text is memoised: the same spellings recur constantly. */
  name(raw: string | undefined): number {
    if (!raw) return -1
    let id = this.rawNames.get(raw)
    if (id === undefined) {
      const normalised = normaliseName(raw)
      id = normalised ? this.names.intern(normalised) : -1
      this.rawNames.set(raw, id)
    }
    return id
  }

  /** yyyymmdd, 0 when blank, null when unreadable (see parseDateOfBirth); memoised, as birthdays recur. */
  dateOfBirth(raw: string | undefined): number | null {
    if (!raw) return 0
    let dob = this.rawDates.get(raw)
    if (dob === undefined) {
      dob = parseDateOfBirth(raw)
      this.rawDates.set(raw, dob)
    }
    return dob
  }

  postcode(raw: string | undefined): number {
    const postcode = parsePostcode(raw)
    if (!postcode) return -1
    const id = this.postcodes.intern(postcode.full)
    if (id === this.postcodeSector.length) {
      this.postcodeSector.push(this.areas.intern(postcode.sector))
      this.postcodeDistrict.push(this.areas.intern(postcode.district))
    }
    return id
  }

  school(raw: string | undefined): number {
    const normalised = normaliseName(raw)
    return normalised ? this.schools.intern(normalised) : -1
  }
}

export const SEX_UNKNOWN = 0
export const MALE = 1
export const FEMALE = 2

export function parseSex(raw: string | undefined): number {
  switch (raw?.trim().toUpperCase()) {
    case 'M': case 'MALE': case '1': case 'BOY': return MALE
    case 'F': case 'FEMALE': case '2': case 'GIRL': return FEMALE
    default: return SEX_UNKNOWN
  }
}

/** Typed-array columns, one entry per record. Missing values: -1 for interned ids, 0 for numbers. */
export interface Columns {
  size: number
  firstName: Int32Array
  lastName: Int32Array
  dob: Int32Array
  sex: Uint8Array
  postcode: Int32Array
  school: Int32Array
  /** Checksum-valid NHS numbers as numbers (ten digits fit exactly in a double). */
  nhs: Float64Array
}

export interface RecordSet extends Columns {
  ids: string[]
  /** Supplied values that could not be used: unreadable dates, NHS numbers failing the check digit. */
  unusable: { dateOfBirth: number; nhsNumber: number }
}

/** Just the typed arrays (what a worker thread needs), without the ids. */
export function columnsOf(set: Columns): Columns {
  const { size, firstName, lastName, dob, sex, postcode, school, nhs } = set
  return { size, firstName, lastName, dob, sex, postcode, school, nhs }
}

function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * 4))
}

export function emptyColumns(capacity: number): Columns {
  return {
    size: 0,
    firstName: sharedInt32(capacity),
    lastName: sharedInt32(capacity),
    dob: sharedInt32(capacity),
    sex: new Uint8Array(new SharedArrayBuffer(capacity)),
    postcode: sharedInt32(capacity),
    school: sharedInt32(capacity),
    nhs: new Float64Array(new SharedArrayBuffer(capacity * 8)),
  }
}

/** Builds a RecordSet of at most `capacity` people (say, the file's line count) against a shared vocabulary. */
export function buildRecordSet(vocabulary: Vocabulary, people: Iterable<Person>, capacity: number): RecordSet {
  const set: RecordSet = { ...emptyColumns(capacity), ids: [], unusable: { dateOfBirth: 0, nhsNumber: 0 } }
  for (const person of people) {
    const i = set.size++
    if (i >= capacity) throw new RangeError(`more than ${capacity} records`)
    set.ids.push(person.id)
    set.firstName[i] = vocabulary.name(person.firstName)
    set.lastName[i] = vocabulary.name(person.lastName)
    const dob = vocabulary.dateOfBirth(person.dateOfBirth)
    if (dob === null) set.unusable.dateOfBirth++
    set.dob[i] = dob ?? 0
    set.sex[i] = parseSex(person.sex)
    set.postcode[i] = vocabulary.postcode(person.postcode)
    set.school[i] = vocabulary.school(person.school)
    const nhs = normaliseNhsNumber(person.nhsNumber)
    if (nhs === null && person.nhsNumber?.trim()) set.unusable.nhsNumber++
    set.nhs[i] = nhs === null ? 0 : Number(nhs)
  }
  return fitted(set)
}

/** The columns cut to the records actually read (views on the same shared memory, so nothing is copied). */
function fitted(set: RecordSet): RecordSet {
  const { size } = set
  return {
    ...set,
    firstName: set.firstName.subarray(0, size),
    lastName: set.lastName.subarray(0, size),
    dob: set.dob.subarray(0, size),
    sex: set.sex.subarray(0, size),
    postcode: set.postcode.subarray(0, size),
    school: set.school.subarray(0, size),
    nhs: set.nhs.subarray(0, size),
  }
}
