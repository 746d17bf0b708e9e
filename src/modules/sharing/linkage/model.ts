// The Fellegi–Sunter model: for each field and level, m = P(level | same child) and u = P(level | different
// children). A pair's match weight is log2(prior odds) plus the sum of log2(m/u); its probability follows.
import type { Level } from './compare.js'

export const FIELDS = ['nhsNumber', 'firstName', 'lastName', 'dateOfBirth', 'sex', 'postcode', 'school'] as const
export type Field = (typeof FIELDS)[number]

/** Level codes as stored in typed arrays; `missing` carries no weight either way. */
export const LEVELS: readonly Level[] = ['exact', 'close', 'different', 'missing']
export const EXACT = 0
export const CLOSE = 1
export const DIFFERENT = 2
export const MISSING = 3

/** Probabilities for exact, close and different, in that order (each list sums to 1). */
export interface FieldProbabilities {
  m: [number, number, number]
  u: [number, number, number]
}

export interface Parameters {
  /** Probability that two records drawn at random are the same child. */
  prior: number
  fields: Record<Field, FieldProbabilities>
}

/**
 * Defaults from how children's records are kept: NHS numbers rarely mistyped (a slip usually breaks the check
 * digit, so it reads as missing); surnames change more than first names; families move, mostly nearby.
 * u values are chance agreement between different children (a date of birth: about 1 in 7,000 across 19 years).
 */
export const DEFAULT_FIELDS: Record<Field, FieldProbabilities> = {
  nhsNumber: { m: [0.995, 0, 0.005], u: [1e-7, 0, 1 - 1e-7] },
  firstName: { m: [0.86, 0.12, 0.02], u: [0.01, 0.01, 0.98] },
  lastName: { m: [0.88, 0.06, 0.06], u: [0.004, 0.006, 0.99] },
  dateOfBirth: { m: [0.92, 0.07, 0.01], u: [0.00015, 0.003, 0.99685] },
  sex: { m: [0.98, 0, 0.02], u: [0.5, 0, 0.5] },
  postcode: { m: [0.8, 0.1, 0.1], u: [1e-5, 0.0005, 0.99949] },
  school: { m: [0.8, 0.05, 0.15], u: [0.0005, 0.002, 0.9975] },
}

/** The share of a file's children assumed to be in the other file ("most of them"). */
export const LINKED_SHARE = 0.8

/**
 * The prior for linking files of these sizes: a record is in the other file with probability LINKED_SHARE,
 * and then equally likely to be any of its records, so the prior odds are share / ((1 - share) × size).
 */
export function defaultParameters(sizeA: number, sizeB: number): Parameters {
  const odds = LINKED_SHARE / ((1 - LINKED_SHARE) * Math.max(2, sizeA, sizeB))
  return { prior: odds / (1 + odds), fields: structuredClone(DEFAULT_FIELDS) }
}

/** When to accept a link outright, and when to put it to a practitioner. */
export interface Thresholds {
  accept: number
  suggest: number
}

export const DEFAULT_THRESHOLDS: Thresholds = { accept: 0.95, suggest: 0.5 }

/** Probabilities below this are treated as this, so a level never seen cannot give an infinite weight. */
const FLOOR = 1e-9

export function log2Ratio(m: number, u: number): number {
  return Math.log2(Math.max(m, FLOOR) / Math.max(u, FLOOR))
}

/** Weights by field and level: `table[field * 4 + level]`, with missing levels 0. */
export function weightTable(parameters: Parameters): Float64Array {
  const table = new Float64Array(FIELDS.length * 4)
  FIELDS.forEach((field, f) => {
    const { m, u } = parameters.fields[field]
    for (let level = EXACT; level <= DIFFERENT; level++) table[f * 4 + level] = log2Ratio(m[level]!, u[level]!)
  })
  return table
}

export function priorWeight(prior: number): number {
  return Math.log2(prior / (1 - prior))
}

export function weightOfProbability(probability: number): number {
  return Math.log2(probability / (1 - probability))
}

export function probabilityOfWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight)
}

export function fieldIndex(field: Field): number {
  return FIELDS.indexOf(field)
}
