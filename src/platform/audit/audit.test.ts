// The audit log is append-only and tamper-evident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestDatabase } from '../../../test/support/database.js'
import type { Database } from '../db/database.js'
import { audit, verifyAuditLog } from './audit.js'
import { appendChildEvent } from '../events/child-events.js'
import { createChild } from '../../../test/support/records.js'

let database: Database
beforeAll(async () => {
  database = await createTestDatabase()
  const childId = await createChild(database.db)
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 5; i++) {
      await appendChildEvent(trx, { laCode: '886', childId, type: 'note.recorded', occurredAt: new Date(), recordedBy: null, summary: `Note ${i}` })
    }
  })
  await audit(database.db, { laCode: '886', userId: null, action: 'child.viewed', childId, purpose: 'casework', detail: { route: '/children/:childId' } })
})
afterAll(async () => { await database.close() })

const withTriggerOff = async (statement: ReturnType<typeof sql>) => {
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(database.db)
  await statement.execute(database.db)
  await sql`alter table audit_log enable trigger audit_log_no_update`.execute(database.db)
}

describe('audit log', () => {
  it('writes an audit entry with every child event and verifies as intact', async () => {
    const result = await verifyAuditLog(database.db)
    expect(result.checked).toBe(6)
    expect(result.problems).toEqual([])
  })

  it('refuses updates and deletes', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(database.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/)
  })

  it('detects a row changed behind its back', async () => {
    const [row] = await database.db.selectFrom('audit_log').select('id').orderBy('id').offset(2).limit(1).execute()
    await withTriggerOff(sql`update audit_log set purpose = 'changed' where id = ${row!.id}`)
    const result = await verifyAuditLog(database.db)
    expect(result.problems.map((p) => p.id)).toContain(row!.id)
    expect(result.problems[0]!.problem).toContain('changed')
  })

  it('detects a deleted row in the middle and deleted newest rows', async () => {
    const ids = (await database.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id)
    await withTriggerOff(sql`delete from audit_log where id = ${ids[1]!}`)
    await withTriggerOff(sql`delete from audit_log where id = ${ids[ids.length - 1]!}`)
    const problems = (await verifyAuditLog(database.db)).problems.map((p) => p.problem)
    expect(problems).toContain('the row before this one was deleted or changed')
    expect(problems).toContain('the newest rows were deleted')
  })
})
