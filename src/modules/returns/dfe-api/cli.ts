// `kindred dfe-payload --la 886 [--full] --out payload.json`: the daily DfE children's social care API payload,
// every child in scope (--full, and the first run) or only the changes since the last run, with purges.
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { OperatorError, UsageError, type Command } from '../../../cli/command.js'
import { withDatabase } from '../../../cli/database.js'
import type { Database } from '../../../platform/db/database.js'
import { dfePayload } from './run.js'

type Open = <T>(work: (database: Database) => Promise<T>) => Promise<T>

export function dfePayloadCommandOn(open: Open): Command {
  return {
    name: 'dfe-payload',
    summary: 'Write the DfE children’s social care API payload (dfe-payload --la 886 [--full] --out payload.json)',
    usage: 'Usage: kindred dfe-payload --la CODE [--full] --out FILE.json\n\n' +
      'Without --full, only what changed since the last payload (the first is always full). The file is a JSON array of\n' +
      'one document per child; what was sent is recorded only after the file is written.',
    async run(args) {
      const { values } = parseArgs({ args, options: { la: { type: 'string' }, full: { type: 'boolean' }, out: { type: 'string' } } })
      if (!values.la || !/^\d{3}$/.test(values.la)) throw new UsageError('give the authority’s 3-digit code: --la 886')
      if (!values.out) throw new UsageError('say where to write the payload: --out payload.json')
      const [laCode, out] = [values.la, values.out]
      return open(async ({ db }) => {
        if (!await db.selectFrom('local_authorities').where('code', '=', laCode).select('code').executeTakeFirst()) throw new OperatorError(`no authority with code ${laCode}`)
        const run = await dfePayload(db, laCode, { full: values.full ?? false })
        await writeFile(out, `${JSON.stringify(run.documents, null, 2)}\n`)
        await run.record()
        console.log(`Wrote ${out}: ${run.kind === 'full' ? 'full snapshot' : 'changes'}, ${run.documents.length - run.purged} children, ${run.purged} purged`)
        return 0
      })
    },
  }
}

export const dfePayloadCommand = dfePayloadCommandOn(withDatabase)
