// `kindred link a.csv b.csv --out links.csv`: suggests which records in two files are the same child.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import { OperatorError, UsageError, type Command } from '../../../cli/command.js'
import { createProgress } from '../../../cli/progress.js'
import { csvLine } from './csv.js'
import { linkRecords, type LinkResult, type LinkStage, type PairList } from './link.js'
import { DEFAULT_THRESHOLDS } from './model.js'
import { readPeople } from './read-people.js'
import { Vocabulary, type RecordSet } from './records.js'

const usage = `Usage: kindred link <a.csv> <b.csv> --out <links.csv> [--threshold P] [--suggestions <file.csv>] [--estimate]

Finds the records in b.csv that are the same child as a record in a.csv (probabilistic record linkage, for
records arriving without an NHS number). Each record is linked at most once; twins and siblings are never
linked automatically.

Both files need a header with an id column and any of: first_name, last_name, date_of_birth (yyyy-mm-dd or
dd/mm/yyyy), sex, postcode, nhs_number, school. Any value but the id may be blank.

Options:
  --out <file>          where to write accepted links: a_id, b_id, score (match probability), reasons
  --threshold <P>       accept links with probability at least P (default ${DEFAULT_THRESHOLDS.accept})
  --suggestions <file>  also write the pairs a practitioner should decide (probability at least
                        ${DEFAULT_THRESHOLDS.suggest}, or P if lower), in the same columns
  --estimate            fit the model's m probabilities to these files (EM) before linking`

const STAGE_LABELS: Record<LinkStage, string> = {
  indexing: 'Indexing',
  estimating: 'Estimating',
  comparing: 'Comparing',
  assigning: 'Assigning',
}

export const linkCommand: Command = {
  name: 'link',
  summary: 'Suggest which records in two CSV files are the same child (probabilistic record linkage)',
  usage,
  async run(args) {
    const options = parseOptions(args)
    const vocabulary = new Vocabulary()
    const a = await readPeople(options.a, vocabulary)
    const b = await readPeople(options.b, vocabulary)
    warnUnusable(options.a, a)
    warnUnusable(options.b, b)
    const progress = createProgress()
    let stage: LinkStage | undefined
    const result = await linkRecords(vocabulary, a, b, {
      thresholds: { accept: options.threshold, suggest: Math.min(DEFAULT_THRESHOLDS.suggest, options.threshold) },
      estimate: options.estimate,
      onProgress(next, done, total) {
        if (next !== stage) {
          if (stage) progress.stop()
          stage = next
          progress.start(total, STAGE_LABELS[next])
        }
        progress.update(done)
      },
    })
    progress.stop()
    await writePairs(options.out, result.links, result, a, b)
    if (options.suggestions) await writePairs(options.suggestions, result.suggestions, result, a, b)
    console.log(
      `Linked ${result.links.count} of ${b.size} records in ${options.b} to ${options.a} (written to ${options.out}); ` +
      `${result.suggestions.count} further pairs for a practitioner to decide` +
      (options.suggestions ? ` (written to ${options.suggestions}).` : '.'),
    )
    return 0
  },
}

interface LinkOptions {
  a: string
  b: string
  out: string
  suggestions?: string
  threshold: number
  estimate: boolean
}

function parseOptions(args: string[]): LinkOptions {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        threshold: { type: 'string' },
        suggestions: { type: 'string' },
        estimate: { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  if (positionals.length !== 2) throw new UsageError(`expected two files, a.csv and b.csv (got ${positionals.length})`)
  if (!values.out) throw new UsageError('--out <links.csv> is required')
  const threshold = values.threshold === undefined ? DEFAULT_THRESHOLDS.accept : Number(values.threshold)
  if (!(threshold > 0 && threshold < 1)) throw new UsageError(`--threshold must be a probability between 0 and 1 (got ${values.threshold})`)
  return {
    a: positionals[0]!, b: positionals[1]!, out: values.out, suggestions: values.suggestions, threshold,
    estimate: values.estimate,
  }
}

function warnUnusable(file: string, set: RecordSet): void {
  const { dateOfBirth, nhsNumber } = set.unusable
  if (dateOfBirth) console.error(`${file}: ${dateOfBirth} dates of birth not readable as dates, treated as blank`)
  if (nhsNumber) console.error(`${file}: ${nhsNumber} NHS numbers failing the check digit, treated as blank`)
}

async function writePairs(file: string, pairs: PairList, result: LinkResult, a: RecordSet, b: RecordSet): Promise<void> {
  const out = createWriteStream(file)
  const failed = once(out, 'error').then(([error]) => {
    throw new OperatorError(`cannot write ${file}: ${(error as Error).message}`)
  })
  failed.catch(() => {}) // raced below; this only stops an early failure counting as unhandled
  let buffer = csvLine(['a_id', 'b_id', 'score', 'reasons'])
  for (let i = 0; i < pairs.count; i++) {
    const pairA = pairs.a[i]!
    const pairB = pairs.b[i]!
    buffer += csvLine([a.ids[pairA]!, b.ids[pairB]!, pairs.probability[i]!.toFixed(4), result.explain(pairA, pairB).reasons])
    if (buffer.length < 1 << 16) continue
    if (!out.write(buffer)) await Promise.race([once(out, 'drain'), failed])
    buffer = ''
  }
  out.end(buffer)
  await Promise.race([once(out, 'finish'), failed])
}
