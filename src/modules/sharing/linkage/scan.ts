// Finding and scoring candidate pairs for a range of file B: each record looks up its blocks in A's index,
// scores every A record it meets once (a per-thread "last seen" mark removes pairs found by several keys),
// and keeps the pairs scoring at least the floor.
import { KEY_COUNT, MAX_BLOCK, blockingKeys, findBlock, type KeyIndex, type KeyParts } from './blocking.js'
import { PairScorer, type ScoringData } from './score.js'

export interface ScanInput {
  scoring: ScoringData
  parts: KeyParts
  index: KeyIndex[]
  /** Records of B to scan: [from, to). */
  from: number
  to: number
  /** Match weight below which pairs are dropped. */
  floor: number
}

/** Scored pairs, `count` long; `mayAccept` is 0 where the pair may be twins or siblings (see siblingGuard). */
export interface Candidates {
  count: number
  a: Int32Array
  b: Int32Array
  weight: Float64Array
  mayAccept: Uint8Array
  /** Distinct pairs scored, before the floor. */
  compared: number
}

const PROGRESS_EVERY = 20_000

export function scan(input: ScanInput, onProgress?: (done: number) => void): Candidates {
  const { scoring, from, to, floor } = input
  const scorer = new PairScorer(scoring)
  const out = new CandidateBuffer(Math.max(16, to - from))
  let compared = 0
  forEachCandidate(input, (a, b) => {
    compared++
    const weight = scorer.score(a, b, floor)
    if (weight >= floor) out.push(a, b, weight, scorer.mayAccept(a, b))
  }, onProgress)
  onProgress?.(to - from)
  return { ...out.result(), compared }
}

/** Calls `visit` once for each distinct pair sharing a blocking key, B record by B record. */
export function forEachCandidate(
  input: Omit<ScanInput, 'floor'>,
  visit: (a: number, b: number) => void,
  onProgress?: (done: number) => void,
): void {
  const { scoring, index, from, to } = input
  const keys = blockingKeys(scoring.b, input.parts, from, to)
  const seen = new Int32Array(scoring.a.size).fill(-1)
  const end = new Int32Array(1)
  for (let b = from; b < to; b++) {
    const at = (b - from) * KEY_COUNT
    for (let k = 0; k < KEY_COUNT; k++) {
      const h = keys[at + k]!
      if (!h) continue
      const block = index[k]!
      const start = findBlock(block, h, end)
      if (end[0]! - start > MAX_BLOCK) continue
      for (let i = start; i < end[0]!; i++) {
        const a = block.records[i]!
        if (seen[a] === b) continue
        seen[a] = b
        visit(a, b)
      }
    }
    if (onProgress && (b - from + 1) % PROGRESS_EVERY === 0) onProgress(b - from + 1)
  }
}

class CandidateBuffer {
  private count = 0
  private a: Int32Array
  private b: Int32Array
  private weight: Float64Array
  private mayAccept: Uint8Array

  constructor(private capacity: number) {
    this.a = new Int32Array(capacity)
    this.b = new Int32Array(capacity)
    this.weight = new Float64Array(capacity)
    this.mayAccept = new Uint8Array(capacity)
  }

  push(a: number, b: number, weight: number, mayAccept: boolean): void {
    if (this.count === this.capacity) this.grow()
    this.a[this.count] = a
    this.b[this.count] = b
    this.weight[this.count] = weight
    this.mayAccept[this.count++] = mayAccept ? 1 : 0
  }

  private grow(): void {
    this.capacity *= 2
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const bigger = make(this.capacity)
      bigger.set(array)
      return bigger
    }
    this.a = grown(this.a, (n) => new Int32Array(n))
    this.b = grown(this.b, (n) => new Int32Array(n))
    this.weight = grown(this.weight, (n) => new Float64Array(n))
    this.mayAccept = grown(this.mayAccept, (n) => new Uint8Array(n))
  }

  result(): Omit<Candidates, 'compared'> {
    return {
      count: this.count,
      a: this.a.slice(0, this.count),
      b: this.b.slice(0, this.count),
      weight: this.weight.slice(0, this.count),
      mayAccept: this.mayAccept.slice(0, this.count),
    }
  }
}
