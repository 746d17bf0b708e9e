// One-to-one assignment: best pairs first, each record linked at most once. A pair that cannot be accepted
// (too weak, or first names that say twin or sibling) never blocks a weaker pair that can.
import type { Candidates } from './scan.js'

export interface Assignment {
  /** Candidate positions accepted as links, best first. */
  accepted: Int32Array
  /** Candidate positions to put to a practitioner: at or above the suggestion weight, neither record linked. */
  suggested: Int32Array
}

/** Accepts by `recordLevel` weights (see compete.ts); suggests by the candidates' own pairwise weights. */
export function assign(candidates: Candidates, recordLevel: Float64Array, acceptWeight: number, suggestWeight: number, sizeA: number, sizeB: number): Assignment {
  const linkedA = new Uint8Array(sizeA)
  const linkedB = new Uint8Array(sizeB)
  const accepted: number[] = []
  for (const p of bestFirst(recordLevel, candidates.count)) {
    const weight = recordLevel[p]!
    if (weight < acceptWeight) continue
    const a = candidates.a[p]!
    const b = candidates.b[p]!
    if (!candidates.mayAccept[p] || linkedA[a] || linkedB[b]) continue
    linkedA[a] = 1
    linkedB[b] = 1
    accepted.push(p)
  }
  const suggested: number[] = []
  for (const p of bestFirst(candidates.weight, candidates.count)) {
    if (candidates.weight[p]! < suggestWeight) continue
    if (!linkedA[candidates.a[p]!] && !linkedB[candidates.b[p]!]) suggested.push(p)
  }
  return { accepted: Int32Array.from(accepted), suggested: Int32Array.from(suggested) }
}

/**
 * Candidate positions by weight, highest first (ties by position, so runs repeat exactly). Sorting packed
 * numbers (weight step, then position) uses the engine's native numeric sort, not a comparator per element.
 */
function bestFirst(weight: Float64Array, count: number): Int32Array {
  let top = -Infinity
  let bottom = Infinity
  for (let p = 0; p < count; p++) {
    top = Math.max(top, weight[p]!)
    bottom = Math.min(bottom, weight[p]!)
  }
  const positionScale = 2 ** Math.max(1, Math.ceil(Math.log2(count + 1)))
  const steps = Math.min(2 ** 52 / positionScale, 2 ** 20) - 1
  const stepSize = top > bottom ? (top - bottom) / steps : 1
  const packed = new Float64Array(count)
  for (let p = 0; p < count; p++) packed[p] = Math.round((top - weight[p]!) / stepSize) * positionScale + p
  packed.sort()
  return Int32Array.from(packed, (value) => value % positionScale)
}
