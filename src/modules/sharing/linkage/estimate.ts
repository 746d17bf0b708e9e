// Estimating m and u from the data by expectation maximisation (Fellegi and Sunter's own method, as in Splink).
// Scoring only ever sees candidate pairs (those sharing a blocking key), so the model is fitted to them: the
// prior becomes the share of candidate pairs that match and u describes non-matching candidates, which agree
// far more often than random pairs do.
import { FIELDS, MISSING, log2Ratio, type FieldProbabilities, type Parameters } from './model.js'

/** Level vectors, FIELDS.length per pair, as written by PairScorer.levels. */
export interface LevelSample {
  levels: Uint8Array
  pairs: number
}

/** A pseudo-count added to every possible level, so a level unseen in the sample stays possible. */
const SMOOTHING = 0.5

/**
 * The NHS number's m and u stay as given: it is the one identifier whose agreement is known to mean the same
 * child. Left free, EM latches onto the strongest pattern in candidate pairs, which is households (a shared
 * surname and address) rather than children; the anchor keeps the "match" class meaning one child.
 */
const ANCHOR = 'nhsNumber'

export interface EmResult {
  /** Fitted to candidate pairs: `prior` is the share of candidate pairs that match. */
  parameters: Parameters
  iterations: number
}

export function estimateParameters(sample: LevelSample, initial: Parameters, maxIterations = 50): EmResult {
  const width = FIELDS.length
  const fields = structuredClone(initial.fields)
  const posterior = new Float64Array(sample.pairs)
  let prior = 0.2
  let iterations = 0
  while (iterations++ < maxIterations) {
    const ratios = FIELDS.map((field) => levelRatios(fields[field]))
    let total = 0
    for (let p = 0; p < sample.pairs; p++) {
      let weight = Math.log2(prior / (1 - prior))
      for (let f = 0; f < width; f++) {
        const level = sample.levels[p * width + f]!
        if (level !== MISSING) weight += ratios[f]![level]!
      }
      posterior[p] = 1 / (1 + 2 ** -weight)
      total += posterior[p]!
    }
    const nextPrior = Math.min(Math.max(total / Math.max(sample.pairs, 1), 1e-6), 1 - 1e-6)
    let change = Math.abs(nextPrior - prior)
    prior = nextPrior
    FIELDS.forEach((field, f) => {
      if (field === ANCHOR) return
      const matches = levelCounts(sample, f, (p) => posterior[p]!)
      const others = levelCounts(sample, f, (p) => 1 - posterior[p]!)
      if (matches.total <= 0 || others.total <= 0) return
      const m = normalise(matches.byLevel, fields[field].m)
      const u = normalise(others.byLevel, fields[field].u)
      change = Math.max(change, ...m.map((value, level) => Math.abs(value - fields[field].m[level]!)))
      fields[field] = { m, u }
    })
    if (change < 1e-4) break
  }
  return { parameters: { prior, fields }, iterations }
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
 * Shares of each level, smoothed. A level the comparison cannot produce (a close NHS number or sex: zero in
 * the defaults) stays at zero.
 */
function normalise(counts: number[], defaults: [number, number, number]): [number, number, number] {
  const smoothed = counts.map((count, level) => (defaults[level] === 0 ? 0 : count + SMOOTHING))
  const total = smoothed.reduce((sum, value) => sum + value, 0)
  return smoothed.map((value) => value / total) as [number, number, number]
}
