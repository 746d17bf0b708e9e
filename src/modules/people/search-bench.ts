// Search timing for `kindred bench search`: runs each query as an ordinary user of the authority would
// (no restricted records), after one warm-up pass, and reports the median and 95th percentile.
import { performance } from 'node:perf_hooks'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { searchChildren } from './search.js'

export interface SearchBenchResult {
  queries: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  /** Mean number of children each query found, to show the searches did real work. */
  meanResults: number
}

/** A searcher named on no restricted record: what a typical caseworker sees. */
const benchSearcherId = '00000000-0000-0000-0000-000000000000'

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export async function benchSearch(db: Kysely<DB>, laCode: string, queries: readonly string[]): Promise<SearchBenchResult> {
  const searcher = { id: benchSearcherId, laCode }
  for (const q of queries.slice(0, 5)) await searchChildren(db, searcher, q)
  const timings: number[] = []
  let found = 0
  for (const q of queries) {
    const started = performance.now()
    const { results } = await searchChildren(db, searcher, q)
    timings.push(performance.now() - started)
    found += results.length
  }
  timings.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 10) / 10
  return {
    queries: queries.length,
    p50Ms: round(percentile(timings, 50)),
    p95Ms: round(percentile(timings, 95)),
    maxMs: round(timings[timings.length - 1] ?? 0),
    meanResults: queries.length ? Math.round((found / queries.length) * 10) / 10 : 0,
  }
}
