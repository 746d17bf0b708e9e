// Linking two files of records: block, score, assign one to one. Pure computation over in-memory records.
import { availableParallelism } from 'node:os'
import { assign } from './assign.js'
import { competeCandidates } from './compete.js'
import { BLOCKING_KEYS, blockingKeys, buildKeyIndex, keyParts, type KeyIndex, type KeyParts } from './blocking.js'
import { estimateParameters } from './estimate.js'
import {
  DEFAULT_THRESHOLDS, FIELDS, defaultParameters, probabilityOfWeight, weightOfProbability, type Parameters, type Thresholds,
} from './model.js'
import { parallelScan } from './parallel-scan.js'
import { Random } from './prng.js'
import type { RecordSet, Vocabulary } from './records.js'
import { forEachCandidate } from './scan.js'
import { PairScorer, explainPair, scoringData, type Explanation, type ScoringData } from './score.js'

export interface LinkOptions {
  parameters?: Parameters
  thresholds?: Thresholds
  /** Estimate m and u from these files before scoring (see estimate.ts). */
  estimate?: boolean
  /** Worker threads for the comparisons (default: up to two, but none for small files). */
  threads?: number
  onProgress?: (stage: LinkStage, done: number, total: number) => void
}

export type LinkStage = 'indexing' | 'estimating' | 'comparing' | 'assigning'

/** Pairs as parallel arrays: record positions in A and B, and the match probability. */
export interface PairList {
  count: number
  a: Int32Array
  b: Int32Array
  probability: Float64Array
}

export interface LinkResult {
  /** Accepted links, one per record at most, best first. */
  links: PairList
  /** Pairs for a practitioner to decide: likely enough to show, not safe to accept. */
  suggestions: PairList
  /** Distinct record pairs compared after blocking. */
  compared: number
  parameters: Parameters
  /** Per-field notes and contributions for a pair, e.g. for the reasons column. */
  explain(a: number, b: number): Explanation
}

/** Below this many records in B, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 50_000

export async function linkRecords(vocabulary: Vocabulary, a: RecordSet, b: RecordSet, options: LinkOptions = {}): Promise<LinkResult> {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS
  const progress = options.onProgress ?? (() => {})
  progress('indexing', 0, 1)
  const parts = keyParts(vocabulary)
  const index = indexByKey(a, parts)
  progress('indexing', 1, 1)
  let parameters = options.parameters ?? defaultParameters(a.size, b.size)
  if (options.estimate) {
    progress('estimating', 0, 1)
    parameters = estimate(scoringData(vocabulary, a, b, parameters), parts, index, parameters)
    progress('estimating', 1, 1)
  }
  const scoring = scoringData(vocabulary, a, b, parameters)
  const acceptWeight = weightOfProbability(thresholds.accept)
  const suggestWeight = weightOfProbability(Math.min(thresholds.suggest, thresholds.accept))
  const threads = options.threads ?? (b.size < PARALLEL_FROM ? 1 : Math.min(2, availableParallelism()))
  progress('comparing', 0, b.size)
  const candidates = await parallelScan(
    { scoring, parts, index, from: 0, to: b.size, floor: suggestWeight }, threads,
    (done) => progress('comparing', done, b.size),
  )
  progress('assigning', 0, 1)
  const recordLevel = competeCandidates(candidates, a.size, b.size)
  const { accepted, suggested } = assign(candidates, recordLevel, acceptWeight, suggestWeight, a.size, b.size)
  progress('assigning', 1, 1)
  const pairList = (positions: Int32Array, weight: Float64Array): PairList => ({
    count: positions.length,
    a: positions.map((p) => candidates.a[p]!),
    b: positions.map((p) => candidates.b[p]!),
    probability: Float64Array.from(positions, (p) => probabilityOfWeight(weight[p]!)),
  })
  return {
    links: pairList(accepted, recordLevel),
    suggestions: pairList(suggested, candidates.weight),
    compared: candidates.compared,
    parameters,
    explain: (pairA, pairB) => explainPair(scoring, vocabulary.postcodes.strings, pairA, pairB),
  }
}

function indexByKey(a: RecordSet, parts: KeyParts): KeyIndex[] {
  const keys = blockingKeys(a, parts, 0, a.size)
  return BLOCKING_KEYS.map((_, k) => buildKeyIndex(keys, k, a.size))
}

/** Candidate pairs for estimation: enough for stable shares, few enough to take a second or two. */
const SAMPLE_PAIRS = 200_000
/** B records, a contiguous run from a random start, whose candidate pairs are the sample. */
const SAMPLE_RECORDS = 40_000

/**
 * m fitted by EM to the candidate pairs of a sample of B's records (see estimate.ts). u and the prior stay
 * as given: EM's u and prior describe candidate pairs, whose fields agree together (that is how they became
 * candidates), so with them the independent-fields sum would understate every match.
 */
function estimate(data: ScoringData, parts: KeyParts, index: KeyIndex[], parameters: Parameters): Parameters {
  const scorer = new PairScorer(data)
  const width = FIELDS.length
  const levels = new Uint8Array(SAMPLE_PAIRS * width)
  let pairs = 0
  const from = new Random(1).below(Math.max(1, data.b.size - SAMPLE_RECORDS))
  const to = Math.min(data.b.size, from + SAMPLE_RECORDS)
  forEachCandidate({ scoring: data, parts, index, from, to }, (a, b) => {
    if (pairs < SAMPLE_PAIRS) scorer.levels(a, b, levels, pairs++ * width)
  })
  const fitted = estimateParameters({ levels, pairs }, parameters).parameters
  const fields = structuredClone(parameters.fields)
  for (const field of FIELDS) fields[field].m = fitted.fields[field].m
  return { ...parameters, fields }
}
