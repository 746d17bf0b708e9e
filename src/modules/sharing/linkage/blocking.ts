// Blocking: only records sharing at least one key are compared. Each key combines two or three fields so a
// block stays small, and the keys overlap so one mistyped or changed field still leaves another key in common.
import { soundex } from './names.js'
import { formalName } from './nicknames.js'
import type { Columns, Vocabulary } from './records.js'

export const BLOCKING_KEYS = [
  'NHS number',
  'date of birth + surname sound',
  'date of birth + first name sound',
  'birth year + first name sound + surname sound',
  'postcode + first name sound',
  'postcode + surname sound',
  'date of birth + postcode',
  'postcode district + first name sound + surname sound',
] as const
export const KEY_COUNT = BLOCKING_KEYS.length

/** Blocks bigger than this (a placeholder date, say) are skipped: the other keys still find real matches. */
export const MAX_BLOCK = 1000

/**
 * Key parts by interned id: Soundex codes per name id (first names by the formal name they may stand for, so
 * Bill and William agree) and the district id of each postcode id.
 */
export interface KeyParts {
  firstName: Int32Array
  surname: Int32Array
  postcodeDistrict: Int32Array
}

export function keyParts(vocabulary: Vocabulary): KeyParts {
  const names = vocabulary.names.strings
  const firstName = new Int32Array(names.length)
  const surname = new Int32Array(names.length)
  names.forEach((name, id) => {
    firstName[id] = soundex(formalName(name))
    surname[id] = soundex(name)
  })
  return { firstName, surname, postcodeDistrict: Int32Array.from(vocabulary.postcodeDistrict) }
}

/** A 32-bit hash of a key's parts, never 0 (0 marks "no key": a part was missing). */
function hash(kind: number, x: number, y: number, z = 0): number {
  const h = mix(mix(mix(Math.imul(kind + 1, 0x9e3779b1), x), y), z)
  const final = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (final ^ (final >>> 16)) >>> 0 || 1
}

function mix(h: number, part: number): number {
  const mixed = Math.imul(h ^ part, 0x5bd1e995)
  return mixed ^ (mixed >>> 15)
}

/** Keys for records [from, to): `keys[(i - from) * KEY_COUNT + k]`. */
export function blockingKeys(columns: Columns, parts: KeyParts, from: number, to: number): Uint32Array {
  const keys = new Uint32Array(new SharedArrayBuffer(Math.max(0, to - from) * KEY_COUNT * 4))
  for (let i = from; i < to; i++) {
    const at = (i - from) * KEY_COUNT
    const nhs = columns.nhs[i]!
    const dob = columns.dob[i]!
    const postcode = columns.postcode[i]!
    const firstId = columns.firstName[i]!
    const lastId = columns.lastName[i]!
    const first = firstId < 0 ? 0 : parts.firstName[firstId]!
    const last = lastId < 0 ? 0 : parts.surname[lastId]!
    if (nhs) keys[at] = hash(0, Math.floor(nhs / 0x1_0000_0000), nhs >>> 0)
    if (dob && last) keys[at + 1] = hash(1, dob, last)
    if (dob && first) keys[at + 2] = hash(2, dob, first)
    if (dob && first && last) keys[at + 3] = hash(3, Math.floor(dob / 10_000), first, last)
    if (postcode >= 0 && first) keys[at + 4] = hash(4, postcode, first)
    if (postcode >= 0 && last) keys[at + 5] = hash(5, postcode, last)
    if (dob && postcode >= 0) keys[at + 6] = hash(6, dob, postcode)
    if (postcode >= 0 && first && last) keys[at + 7] = hash(7, parts.postcodeDistrict[postcode]!, first, last)
  }
  return keys
}

/** Records grouped by one key's hash: sorted hashes with record numbers alongside, bucketed by leading bits. */
export interface KeyIndex {
  hashes: Uint32Array
  records: Int32Array
  /** `buckets[p]` is where hashes with leading bits p start. */
  buckets: Uint32Array
  prefixBits: number
}

export function buildKeyIndex(keys: Uint32Array, k: number, size: number): KeyIndex {
  let count = 0
  for (let i = 0; i < size; i++) if (keys[i * KEY_COUNT + k]) count++
  const prefixBits = Math.min(24, Math.max(4, Math.ceil(Math.log2(count + 1))))
  const shift = 32 - prefixBits
  const buckets = new Uint32Array(new SharedArrayBuffer(((1 << prefixBits) + 1) * 4))
  for (let i = 0; i < size; i++) {
    const h = keys[i * KEY_COUNT + k]!
    if (h) buckets[(h >>> shift) + 1]!++
  }
  for (let p = 1; p < buckets.length; p++) buckets[p]! += buckets[p - 1]!
  const hashes = new Uint32Array(new SharedArrayBuffer(count * 4))
  const records = new Int32Array(new SharedArrayBuffer(count * 4))
  const fill = buckets.slice(0, -1)
  for (let i = 0; i < size; i++) {
    const h = keys[i * KEY_COUNT + k]!
    if (!h) continue
    const at = fill[h >>> shift]!++
    hashes[at] = h
    records[at] = i
  }
  for (let p = 0; p + 1 < buckets.length; p++) sortBucket(hashes, records, buckets[p]!, buckets[p + 1]!)
  return { hashes, records, buckets, prefixBits }
}

/** Insertion sort by hash: buckets hold one or two hashes on average, and equal hashes are already in order. */
function sortBucket(hashes: Uint32Array, records: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const h = hashes[i]!
    if (hashes[i - 1]! <= h) continue
    const record = records[i]!
    let j = i - 1
    while (j >= from && hashes[j]! > h) {
      hashes[j + 1] = hashes[j]!
      records[j + 1] = records[j]!
      j--
    }
    hashes[j + 1] = h
    records[j + 1] = record
  }
}

/** The start of the block for hash h, with its end written to `end[0]` (start === end when there is none). */
export function findBlock(index: KeyIndex, h: number, end: Int32Array): number {
  const bucket = h >>> (32 - index.prefixBits)
  const from = index.buckets[bucket]!
  const to = index.buckets[bucket + 1]!
  const start = firstAbove(index.hashes, h - 1, from, to)
  end[0] = firstAbove(index.hashes, h, start, to)
  return start
}

/** The first position in [low, high) of a sorted array holding a value above `value`. */
function firstAbove(values: Uint32Array, value: number, low: number, high: number): number {
  while (low < high) {
    const middle = (low + high) >>> 1
    if (values[middle]! <= value) low = middle + 1
    else high = middle
  }
  return low
}
