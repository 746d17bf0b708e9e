// `kindred bench-link`: links a synthetic file of N children against another agency's records of them and
// reports time, memory, precision and recall. The lead wires this under `kindred bench link`.
import { parseArgs } from 'node:util'
import { UsageError, type Command } from '../../../cli/command.js'
import { createProgress } from '../../../cli/progress.js'
import { linkRecords } from './link.js'
import { generateLinkage } from './synthetic.js'

export interface BenchResult {
  size: number
  seed: number
  recordsA: number
  recordsB: number
  trueMatches: number
  generateSeconds: number
  linkSeconds: number
  pairsCompared: number
  links: number
  suggestions: number
  precision: number
  recall: number
  /** Share of true matches either accepted or put to a practitioner. */
  recallWithSuggestions: number
  /** Resident set size once the data was generated, just before linking. */
  startRssBytes: number
  /** Highest resident set size seen while linking (all threads), and the main thread's highest heap use. */
  peakRssBytes: number
  peakHeapBytes: number
  /** The process's resident peak over the whole run, generation included (from the operating system). */
  maxRssBytes: number
}

export interface BenchOptions {
  size: number
  seed: number
  estimate?: boolean
  onProgress?: (stage: string, done: number, total: number) => void
}

export async function benchLink(options: BenchOptions): Promise<BenchResult> {
  const generateStart = performance.now()
  const data = generateLinkage(options.size, options.seed)
  const generateSeconds = (performance.now() - generateStart) / 1000
  const startRssBytes = process.memoryUsage().rss
  const memory = new MemorySampler()
  const linkStart = performance.now()
  const result = await linkRecords(data.vocabulary, data.a, data.b, {
    estimate: options.estimate,
    onProgress(stage, done, total) {
      memory.sample()
      options.onProgress?.(stage, done, total)
    },
  })
  const linkSeconds = (performance.now() - linkStart) / 1000
  memory.stop()
  let correct = 0
  for (let i = 0; i < result.links.count; i++) if (data.truth[result.links.b[i]!] === result.links.a[i]) correct++
  let suggestedCorrectly = 0
  for (let i = 0; i < result.suggestions.count; i++) {
    if (data.truth[result.suggestions.b[i]!] === result.suggestions.a[i]) suggestedCorrectly++
  }
  return {
    size: options.size,
    seed: options.seed,
    recordsA: data.a.size,
    recordsB: data.b.size,
    trueMatches: data.matches,
    generateSeconds,
    linkSeconds,
    pairsCompared: result.compared,
    links: result.links.count,
    suggestions: result.suggestions.count,
    precision: result.links.count ? correct / result.links.count : 1,
    recall: data.matches ? correct / data.matches : 1,
    recallWithSuggestions: data.matches ? (correct + suggestedCorrectly) / data.matches : 1,
    startRssBytes,
    peakRssBytes: memory.peakRss,
    peakHeapBytes: memory.peakHeap,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }
}

/** Samples memory on a timer (while workers run, this thread is free) and whenever asked between stages. */
class MemorySampler {
  peakRss = 0
  peakHeap = 0
  private readonly timer = setInterval(() => this.sample(), 50)

  sample(): void {
    const { rss, heapUsed } = process.memoryUsage()
    this.peakRss = Math.max(this.peakRss, rss)
    this.peakHeap = Math.max(this.peakHeap, heapUsed)
  }

  stop(): void {
    this.sample()
    clearInterval(this.timer)
  }
}

const usage = `Usage: kindred bench-link [--size N] [--seed S] [--estimate]

Generates N synthetic children (file A) and another agency's records of most of them (file B: typos, swapped
day and month, changed surnames, nicknames, missing NHS numbers, moves, plus children not in A, some of them
twins and siblings of children who are), links B to A, and prints time, peak memory, precision and recall.

Options:
  --size N     children in file A (default 1000000)
  --seed S     seed for the generator (default 1)
  --estimate   fit m by EM before linking`

export const benchLinkCommand: Command = {
  name: 'bench-link',
  summary: 'Benchmark record linkage on synthetic data: time, memory, precision, recall',
  usage,
  async run(args) {
    const { size, seed, estimate } = parseOptions(args)
    const progress = createProgress()
    let stage = ''
    const result = await benchLink({
      size, seed, estimate,
      onProgress(next, done, total) {
        if (next !== stage) {
          if (stage) progress.stop()
          stage = next
          progress.start(total, next)
        }
        progress.update(done)
      },
    })
    progress.stop()
    console.log(formatBench(result))
    return 0
  },
}

function parseOptions(args: string[]): { size: number; seed: number; estimate: boolean } {
  let values
  try {
    values = parseArgs({
      args,
      options: { size: { type: 'string' }, seed: { type: 'string' }, estimate: { type: 'boolean', default: false } },
    }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const size = values.size === undefined ? 1_000_000 : Number(values.size)
  const seed = values.seed === undefined ? 1 : Number(values.seed)
  if (!Number.isInteger(size) || size < 1) throw new UsageError(`--size must be a whole number of records (got ${values.size})`)
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number (got ${values.seed})`)
  return { size, seed, estimate: values.estimate }
}

export function formatBench(result: BenchResult): string {
  const count = (n: number): string => n.toLocaleString('en-GB')
  const megabytes = (bytes: number): string => `${count(Math.round(bytes / 1_048_576))} MB`
  return [
    `Record linkage: ${count(result.recordsA)} × ${count(result.recordsB)} records (seed ${result.seed}), ` +
      `${count(result.trueMatches)} true matches`,
    `  generate     ${result.generateSeconds.toFixed(1)} s`,
    `  link         ${result.linkSeconds.toFixed(1)} s (${count(result.pairsCompared)} pairs compared)`,
    `  peak memory  ${megabytes(result.peakRssBytes)} resident (${megabytes(result.startRssBytes)} before linking), ` +
      `${megabytes(result.peakHeapBytes)} heap while linking; ${megabytes(result.maxRssBytes)} resident over the whole run`,
    `  links        ${count(result.links)} accepted, ${count(result.suggestions)} for a practitioner`,
    `  precision    ${result.precision.toFixed(5)}`,
    `  recall       ${result.recall.toFixed(5)} (${result.recallWithSuggestions.toFixed(5)} counting pairs put to a practitioner)`,
  ].join('\n')
}
