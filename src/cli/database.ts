// Opens the configured database for a command, migrated, turning a held lock into a clear refusal.
import { loadConfig, type Config } from '../platform/config.js'
import { openDatabase, type Database } from '../platform/db/database.js'
import { DataDirLockedError } from '../platform/db/data-dir-lock.js'
import { migrate } from '../platform/db/migrate.js'
import { OperatorError } from './command.js'

export async function openUnmigrated(config: Config = loadConfig()): Promise<Database> {
  try {
    return await openDatabase(config)
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new OperatorError(error.message)
    throw error
  }
}

export async function openForCommand(config: Config = loadConfig()): Promise<Database> {
  const database = await openUnmigrated(config)
  try {
    await migrate(database)
    return database
  } catch (error) {
    await database.close()
    throw error
  }
}

/** Opens the database, runs the work, and always closes it (releasing the data directory lock). */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openForCommand()
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}
