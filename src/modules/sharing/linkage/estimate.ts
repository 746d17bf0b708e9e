// Estimating m and u from the data (expectation maximisation, as in Fellegi and Sunter's own method and Splink):
// u from pairs drawn at random (almost all non-matches), then m and the match rate among candidate pairs by EM
// with u held fixed, so the estimate cannot drift into describing families instead of children.
import { FIELDS, MISSING, log2Ratio, type FieldProbabilities, type Parameters } from './model.js'

/** Level vectors, FIELDS.length per pair, as written by PairScorer.levels. */
export interface LevelSample {
  levels: Uint8Array
  pairs: number
}

/** A pseudo-count added to every possible level, so a level unseen in the sample stays possible. */
const SMOOTHING = 0.5

/** u for each field from random pairs: the share of each level among pairs where the field was present. */
export function estimateU(sample: LevelSample, parameters: Parameters): Parameters {
  const fields = structuredClone(parameters.fields)
  FIELDS.forEach((field, f) => {
    const counts = levelCounts(sample, f, () => 1)
    if (counts.total > 0) fields[field].u = normalise(counts.byLevel, fields[field].u)
  })
  return { ...parameters, fields }
}

export interface EmResult {
  parameters: Parameters
  /** Estimated share of candidate pairs that are matches. */
  matchRate: number
  iterations: number
}

/** m for each field by EM over candidate pairs, u fixed; `parameters.prior` is left as it was. */
export function estimateM(sample: LevelSample, parameters: Parameters, maxIterations = 30): EmResult {
  const width = FIELDS.length
  const fields = structuredClone(parameters.fields)
  const posterior = new Float64Array(sample.pairs)
  let matchRate = 0.1
  let iterations = 0
  for (; iterations < maxIterations; iterations++) {
    const logRatio = FIELDS.map((field) => levelRatios(fields[field]))
    let total = 0
    for (let p = 0; p < sample.pairs; p++) {
      let weight = Math.log2(matchRate / (1 - matchRate))
      for (let f = 0; f < width; f++) {
        const level = sample.levels[p * width + f]!
        if (level !== MISSING) weight += logRatio[f]![level]!
      }
      posterior[p] = 1 / (1 + 2 ** -weight)
      total += posterior[p]!
    }
    const nextRate = Math.min(Math.max(total / Math.max(sample.pairs, 1), 1e-6), 1 - 1e-6)
    let change = Math.abs(nextRate - matchRate)
    matchRate = nextRate
    FIELDS.forEach((field, f) => {
      const counts = levelCounts(sample, f, (p) => posterior[p]!)
      if (counts.total <= 0) return
      const m = normalise(counts.byLevel, fields[field].m)
      change = Math.max(change, ...m.map((value, level) => Math.abs(value - fields[field].m[level]!)))
      fields[field].m = m
    })
    if (change < 1e-4) break
  }
  return { parameters: { ...parameters, fields }, matchRate, iterations }
}

function levelRatios({ m, u }: FieldProbabilities): number[] {
  return m.map((value, level) => log2Ratio(value, u[level]!))
}

function levelCounts(sample: LevelSample, f: number, weightOf: (pair: number) => number) {
  const byLevel = [0, 0, 0]
  let total = 0
  for (let p = 0; p < sample.pairs; p++) {
    const level = sample.levels[p * FIELDS.length + f]!
    if (level === MISSING) continue
    const weight = weightOf(p)
    byLevel[level]! += weight
    total += weight
  }
  return { byLevel, total }
}

/**
 * Shares of each level, smoothed. A level the defaults rule out (a close NHS number or sex) stays at zero, so
 * estimation never invents a level the comparison cannot produce.
 */
function normalise(counts: number[], defaults: [number, number, number]): [number, number, number] {
  const smoothed = counts.map((count, level) => (defaults[level] === 0 ? 0 : count + SMOOTHING))
  const total = smoothed.reduce((sum, value) => sum + value, 0)
  return smoothed.map((value) => value / total) as [number, number, number]
}
