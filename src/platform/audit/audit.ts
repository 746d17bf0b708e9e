// The audit log: who did what, when, to which child, and why. Rows are appended inside the caller's
// transaction and chained by hash per authority, so `kindred audit verify` can prove nothing changed.
import { createHash } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../db/schema.js'
import { canonicalJson } from './canonical-json.js'

export type Executor = Kysely<DB> | Transaction<DB>

export interface AuditEntry {
  laCode: string
  userId: string | null
  /** What was done, as `noun.verb`: `child.viewed`, `child.searched`, `contact.recorded`, `session.signed_in`. */
  action: string
  childId?: string | null
  /** The purpose or lawful basis for the access. */
  purpose?: string | null
  /** Context that is not personal data: identifiers, counts, field names. */
  detail?: Record<string, unknown>
}

export const genesisHash = '0'.repeat(64)

export interface ChainedRow {
  la_code: string
  at: Date
  user_id: string | null
  action: string
  child_id: string | null
  purpose: string | null
  detail: Record<string, unknown>
  previous_hash: string
}

export function hashAuditRow(row: ChainedRow): string {
  const chained = {
    la_code: row.la_code, at: row.at.toISOString(), user_id: row.user_id, action: row.action,
    child_id: row.child_id, purpose: row.purpose, detail: row.detail, previous_hash: row.previous_hash,
  }
  return createHash('sha256').update(canonicalJson(chained)).digest('hex')
}

/** Appends one entry. Call inside the transaction that does the audited work. */
export async function audit(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor.insertInto('audit_chain_heads')
    .values({ la_code: entry.laCode, last_id: '0', last_hash: genesisHash })
    .onConflict((oc) => oc.column('la_code').doNothing())
    .execute()
  // The row lock serialises writers per authority, so the chain has no forks.
  const head = await executor.selectFrom('audit_chain_heads').selectAll()
    .where('la_code', '=', entry.laCode).forUpdate().executeTakeFirstOrThrow()
  const row: ChainedRow = {
    la_code: entry.laCode,
    at: new Date(),
    user_id: entry.userId,
    action: entry.action,
    child_id: entry.childId ?? null,
    purpose: entry.purpose ?? null,
    detail: entry.detail ?? {},
    previous_hash: head.last_hash,
  }
  const hash = hashAuditRow(row)
  const inserted = await executor.insertInto('audit_log')
    .values({ ...row, detail: JSON.stringify(row.detail), hash })
    .returning('id').executeTakeFirstOrThrow()
  await executor.updateTable('audit_chain_heads')
    .set({ last_id: inserted.id, last_hash: hash })
    .where('la_code', '=', entry.laCode).execute()
}

export interface VerifyProblem { laCode: string; id: string | null; problem: string }

/**
 * Walks every authority's chain. A changed row no longer matches its hash; a deleted row breaks the
 * link from the next row (or the head, if it was the last).
 */
export async function verifyAuditLog(db: Kysely<DB>, onProgress?: (checked: number) => void): Promise<{ checked: number; problems: VerifyProblem[] }> {
  const problems: VerifyProblem[] = []
  let checked = 0
  const heads = await db.selectFrom('audit_chain_heads').selectAll().execute()
  for (const head of heads) {
    let previous = genesisHash
    let lastId = '0'
    let after = '0'
    for (;;) {
      const rows = await db.selectFrom('audit_log').selectAll()
        .where('la_code', '=', head.la_code).where('id', '>', after)
        .orderBy('id').limit(5000).execute()
      if (rows.length === 0) break
      for (const row of rows) {
        if (row.previous_hash !== previous) {
          problems.push({ laCode: head.la_code, id: row.id, problem: 'the row before this one was deleted or changed' })
        }
        const expected = hashAuditRow({ ...row, detail: row.detail as Record<string, unknown> })
        if (expected !== row.hash) problems.push({ laCode: head.la_code, id: row.id, problem: 'this row was changed after it was written' })
        previous = row.hash
        lastId = row.id
      }
      after = rows[rows.length - 1]!.id
      checked += rows.length
      onProgress?.(checked)
    }
    if (head.last_id !== lastId || head.last_hash !== previous) {
      problems.push({ laCode: head.la_code, id: null, problem: 'the newest rows were deleted' })
    }
  }
  return { checked, problems }
}

/** For tests and `kindred audit verify`: rows in the log. */
export async function countAuditRows(db: Kysely<DB>): Promise<number> {
  const { count } = await db.selectFrom('audit_log').select(sql<string>`count(*)`.as('count')).executeTakeFirstOrThrow()
  return Number(count)
}
