// `kindred annex-a --la 886 --from 2025-04-01 --to 2026-03-31 --out annex-a.xlsx`: Ofsted's Annex A lists 1-11
// for one authority and date range, as a workbook with one sheet per list.
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { OperatorError, UsageError, type Command } from '../../../cli/command.js'
import { withDatabase } from '../../../cli/database.js'
import type { Database } from '../../../platform/db/database.js'
import { parseLocalDate } from '../../../platform/working-days/local-date.js'
import { annexA } from './lists.js'
import { workbook } from './xlsx.js'

type Open = <T>(work: (database: Database) => Promise<T>) => Promise<T>

export function annexACommandOn(open: Open): Command {
  return {
    name: 'annex-a',
    summary: 'Write Ofsted Annex A lists 1-11 as an Excel workbook (annex-a --la 886 --from ... --to ... --out annex-a.xlsx)',
    usage: 'Usage: kindred annex-a --la CODE --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xlsx\n\n' +
      'One sheet per list, in the columns of the Annex A specification; dates are Excel dates.',
    async run(args) {
      const { values } = parseArgs({ args, options: { la: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } } })
      if (!values.la || !/^\d{3}$/.test(values.la)) throw new UsageError('give the authority’s 3-digit code: --la 886')
      const from = parseLocalDate(values.from ?? '')
      const to = parseLocalDate(values.to ?? '')
      if (!from || !to) throw new UsageError('give the range as real dates: --from 2025-04-01 --to 2026-03-31')
      if (from > to) throw new UsageError('--from must be on or before --to')
      if (!values.out) throw new UsageError('say where to write the workbook: --out annex-a.xlsx')
      const out = values.out
      return open(async ({ db }) => {
        const authority = await db.selectFrom('local_authorities').where('code', '=', values.la!).select('name').executeTakeFirst()
        if (!authority) throw new OperatorError(`no authority with code ${values.la}`)
        const lists = await annexA(db, values.la!, { from, to })
        await writeFile(out, workbook(lists))
        console.log(`Wrote ${out}: Annex A for ${authority.name}, ${from} to ${to}`)
        for (const list of lists) console.log(`  List ${list.number} ${list.title}: ${list.rows.length} rows`)
        return 0
      })
    },
  }
}

export const annexACommand = annexACommandOn(withDatabase)
