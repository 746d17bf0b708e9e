// Competing candidates: a record can be only one child. When a B record has several likely A records (or an A
// record several B records), each pair's odds are shared with its rivals: odds' = odds / (1 + rivals' odds).
// A lone strong candidate keeps its weight; a pair with a rival nearly as strong (twins recorded without a
// first name, say) falls below acceptance and goes to a practitioner, who sees the pairwise score. Pairs the sibling guard already rules
// out (first names that cannot be the same child's) are no rivals: they are the brother or sister.
import type { Candidates } from './scan.js'

/** Record-level weights (log2 odds) for the candidates, from their pairwise weights. */
export function competeCandidates(candidates: Candidates, sizeA: number, sizeB: number): Float64Array {
  const { count, a, b, weight, mayAccept } = candidates
  const oddsA = new Float64Array(sizeA)
  const oddsB = new Float64Array(sizeB)
  for (let p = 0; p < count; p++) {
    if (!mayAccept[p]) continue
    const odds = 2 ** weight[p]!
    oddsA[a[p]!]! += odds
    oddsB[b[p]!]! += odds
  }
  const recordLevel = Float64Array.from(weight)
  for (let p = 0; p < count; p++) {
    const own = mayAccept[p] ? 2 ** weight[p]! : 0
    const rivals = Math.max(0, oddsA[a[p]!]! - own) + Math.max(0, oddsB[b[p]!]! - own)
    if (rivals > 0) recordLevel[p] = weight[p]! - Math.log2(1 + rivals)
  }
  return recordLevel
}
