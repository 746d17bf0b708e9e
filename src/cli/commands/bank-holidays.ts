// `kindred bank-holidays import feed.json`: add the holidays in a GOV.UK bank-holidays feed.
import fs from 'node:fs'
import { OperatorError, UsageError, type Command } from '../command.js'
import { withDatabase } from '../database.js'
import { importGovUkFeed } from '../../platform/working-days/holiday-store.js'
import type { GovUkBankHolidays } from '../../platform/working-days/bank-holidays.js'

export const bankHolidaysCommand: Command = {
  name: 'bank-holidays',
  summary: 'Add bank holidays from a GOV.UK feed file (bank-holidays import feed.json)',
  usage: 'Usage: kindred bank-holidays import <feed.json>\n\nThe file is the GOV.UK bank-holidays JSON (the whole feed or the england-and-wales part).',
  async run(args) {
    const [action, file] = args
    if (action !== 'import' || !file) throw new UsageError('say `import` and the feed file')
    let feed: GovUkBankHolidays
    try {
      feed = JSON.parse(fs.readFileSync(file, 'utf8')) as GovUkBankHolidays
    } catch (error) {
      throw new OperatorError(`${file}: ${(error as Error).message}`)
    }
    return withDatabase(async ({ db }) => {
      let added: number
      try {
        added = await importGovUkFeed(db, feed)
      } catch (error) {
        if (error instanceof RangeError || error instanceof TypeError) throw new OperatorError(`${file}: not a GOV.UK bank-holidays feed (${error.message})`)
        throw error
      }
      console.log(`Added ${added} bank holidays from ${file}.`)
      return 0
    })
  },
}
