// A fresh database for one test file, copied from the template global-setup.ts built.
import fs from 'node:fs'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openPGlite, openPostgres, type Database } from '../../src/platform/db/database.js'
import { adminUrl, databasePrefix, pgliteTemplateFile, templateDatabase, withDatabaseName } from './locations.js'

export const testEngine = process.env.DATABASE_URL ? 'postgres' : 'pglite'

export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const template = new Blob([fs.readFileSync(pgliteTemplateFile)])
    return (await openPGlite(undefined, { loadDataDir: template })).database
  }
  const name = `${databasePrefix}${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl(url) })
  await admin.connect()
  try {
    await admin.query(`create database ${name} template ${templateDatabase}`)
  } finally {
    await admin.end()
  }
  const database = openPostgres(withDatabaseName(url, name), 4)
  return {
    ...database,
    close: async () => {
      await database.close()
      const cleanup = new pg.Client({ connectionString: adminUrl(url) })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}
