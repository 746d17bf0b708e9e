// Builds the test database template once per run: migrated, with the demo authority. Each test
// file then starts from a copy (PGlite: a loaded data directory; PostgreSQL: CREATE DATABASE ... TEMPLATE).
import fs from 'node:fs'
import pg from 'pg'
import { openPGlite, openPostgres } from '../../src/platform/db/database.js'
import { migrate } from '../../src/platform/db/migrate.js'
import { ensureDemoAuthority } from '../../src/platform/seed/demo-authority.js'
import { adminUrl, databasePrefix, pgliteTemplateFile, runId, templateDatabase, withDatabaseName } from './locations.js'

/** A run whose process has gone (killed or crashed) leaves databases behind; they are dropped. */
function runIsAlive(id: string): boolean {
  try {
    process.kill(Number(id), 0)
    return true
  } catch {
    return false
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  // Test files run in worker processes: they find this run's template through the environment.
  process.env.KINDRED_TEST_RUN = runId
  const url = process.env.DATABASE_URL
  if (url) {
    const admin = new pg.Client({ connectionString: adminUrl(url) })
    await admin.connect()
    const stale = await admin.query(`select datname from pg_database where datname like 'kindred\\_test\\_%'`)
    for (const { datname } of stale.rows as Array<{ datname: string }>) {
      const owner = /^kindred_test_(\d+)_/.exec(datname)?.[1]
      if (!owner || !runIsAlive(owner)) await admin.query(`drop database if exists "${datname}" with (force)`)
    }
    await admin.query(`create database ${templateDatabase}`)
    const database = openPostgres(withDatabaseName(url, templateDatabase), 2)
    await migrate(database)
    await ensureDemoAuthority(database.db)
    await database.close()
    return async () => {
      const left = await admin.query(`select datname from pg_database where starts_with(datname, $1)`, [databasePrefix])
      for (const row of left.rows as Array<{ datname: string }>) await admin.query(`drop database if exists "${row.datname}" with (force)`)
      await admin.end()
    }
  }
  const { pglite, database } = await openPGlite(undefined)
  await migrate(database)
  await ensureDemoAuthority(database.db)
  const dump = await pglite.dumpDataDir('none')
  fs.mkdirSync(new URL('.', pgliteTemplateFile), { recursive: true })
  fs.writeFileSync(pgliteTemplateFile, Buffer.from(await dump.arrayBuffer()))
  await database.close()
  return async () => { fs.rmSync(pgliteTemplateFile, { force: true }) }
}
