// Opens Kindred's one database: embedded PGlite under the data directory by default, or the
// PostgreSQL server named by DATABASE_URL. Callers get the same Kysely instance either way.
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch'
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Config } from '../config.js'
import { lockDataDir, type DataDirLock } from './data-dir-lock.js'
import { PGliteDialect } from './pglite-dialect.js'
import type { DB } from './schema.js'

// Dates stay as yyyy-mm-dd text and bigints as text: no time-zone shifts, no precision loss.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value)

export type Engine = 'pglite' | 'postgres'

export interface Database {
  db: Kysely<DB>
  engine: Engine
  /** Runs a script of several SQL statements (migrations, fixtures). */
  execScript(script: string): Promise<void>
  close(): Promise<void>
}

const extensions = { pg_trgm, fuzzystrmatch, btree_gin }

/** PGlite returns dates as JS Dates at UTC midnight; Kindred wants the same text PostgreSQL gives. */
const pgliteParsers = { 1082: (value: string) => value, 20: (value: string) => value }

export async function openPGlite(dataDir: string | undefined, options: { loadDataDir?: Blob } = {}): Promise<{ pglite: PGlite; database: Database }> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions,
    parsers: pgliteParsers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
  return {
    pglite,
    database: {
      db,
      engine: 'pglite',
      // Holding Kysely's one connection keeps the script from interleaving with other queries.
      execScript: (script) => db.connection().execute(async () => {
        try {
          await pglite.exec(script)
        } catch (error) {
          await pglite.exec('rollback').catch(() => {})
          throw error
        }
      }),
      close: async () => { await db.destroy(); await pglite.close() },
    },
  }
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    engine: 'postgres',
    execScript: async (script) => {
      const client = await pool.connect()
      try {
        await client.query(script)
      } catch (error) {
        await client.query('rollback').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    close: async () => { await db.destroy() },
  }
}

/**
 * Opens the configured database. For the embedded engine this takes the data directory lock,
 * so a second `kindred` process refuses clearly instead of silently losing writes.
 */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl)
  const lock: DataDirLock = lockDataDir(config.dataDir)
  try {
    const pgdata = path.join(config.dataDir, 'pgdata')
    fs.mkdirSync(pgdata, { recursive: true })
    const { database } = await openPGlite(pgdata)
    return {
      ...database,
      close: async () => {
        try { await database.close() } finally { lock.release() }
      },
    }
  } catch (error) {
    lock.release()
    throw error
  }
}
