// `kindred migrate`: apply pending SQL migrations.
import { migrate } from '../../platform/db/migrate.js'
import type { Command } from '../command.js'
import { openUnmigrated } from '../database.js'

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations',
  usage: 'Usage: kindred migrate',
  async run() {
    const database = await openUnmigrated()
    try {
      const applied = await migrate(database)
      console.log(applied.length ? `Applied ${applied.length} migrations: ${applied.join(', ')}` : 'The database is up to date.')
      return 0
    } finally {
      await database.close()
    }
  },
}
