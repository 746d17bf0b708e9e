// Applies the plain-SQL migrations in migrations/ in name order, each in its own transaction,
// recording what was applied. Safe to run at every start: applied files are skipped.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Database } from './database.js'

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations')

export async function migrate(database: Database): Promise<string[]> {
  const { db } = database
  await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(db)
  const applied = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name))
  const pending = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql') && !applied.has(f)).sort()
  for (const name of pending) {
    const script = fs.readFileSync(path.join(migrationsDir, name), 'utf8')
    await database.execScript(`begin;\n${script}\n;insert into schema_migrations (name) values ('${name.replace(/'/g, "''")}');\ncommit;`)
  }
  return pending
}
