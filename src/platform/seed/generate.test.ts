// Seeding into the database, on whichever engine the suite runs on: the same seed writes the same rows,
// an authority is never generated twice, siblings share their parents, the demo social worker has a
// caseload, and the audit log gets one entry per authority and still verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestDatabase } from '../../../test/support/database.js'
import type { Database } from '../db/database.js'
import { verifyAuditLog } from '../audit/audit.js'
import { authorityByCode } from './authorities.js'
import { demoSocialWorkerEmail, seedDemoCasework } from './demo-casework.js'
import { seedAuthorities, SeedConflictError } from './generate.js'
import type { AuthorityPlan } from './plan.js'

const small = (code: string): AuthorityPlan => ({ authority: authorityByCode(code)!, population: 3_000, referralRate: 1, careRate: 1 })
const options = { seed: 5, asOf: '2025-03-31', chunkFamilies: 40 }

/** Every generated row of an authority, without the columns the database fills in. */
async function dump(database: Database, laCode: string): Promise<string> {
  const tables: Array<[string, string]> = [
    ['people', 'id, first_name, last_name, date_of_birth, sex, ethnicity, disabilities, nhs_number, upn, la_child_id, created_at'],
    ['addresses', 'id, person_id, line1, town, postcode, moved_in, moved_out'],
    ['relationships', 'id, person_id, related_person_id, type, parental_responsibility, lives_with, possible_carer'],
    ['allocations', 'id, child_id, worker_id, team_id, started_on, ended_on'],
    ['child_events', 'child_id, type, occurred_at, significant, summary, data'],
    ['users', 'id, email, display_name, role, team_id, manager_id, password_hash'],
  ]
  const parts: string[] = []
  for (const [table, columns] of tables) {
    const result = await sql.raw<Record<string, unknown>>(`select ${columns} from ${table} where la_code = '${laCode}' order by ${columns}`).execute(database.db)
    parts.push(JSON.stringify(result.rows))
  }
  return parts.join('\n')
}

describe('seeding an authority', () => {
  let first: Database
  let second: Database
  beforeAll(async () => {
    first = await createTestDatabase()
    second = await createTestDatabase()
    await seedAuthorities(first, [small('857')], options)
    await seedAuthorities(second, [small('857')], { ...options, chunkFamilies: 500 })
  })
  afterAll(async () => { await first?.close(); await second?.close() })

  it('writes the same rows from the same seed, whatever the chunk size', async () => {
    const rows = await dump(first, '857')
    expect(rows.length).toBeGreaterThan(10_000)
    expect(await dump(second, '857')).toBe(rows)
  })

  it('refuses to generate an authority that already exists', async () => {
    await expect(seedAuthorities(first, [small('857')], options)).rejects.toThrow(SeedConflictError)
    await expect(seedAuthorities(first, [small('886')], options)).rejects.toThrow(/886/)
  })

  it('gives siblings the same mother, and every child a mother', async () => {
    const { rows } = await sql<{ unmatched: string; motherless: string }>`
      select
        (select count(*) from relationships s
          where s.la_code = '857' and s.type in ('sibling', 'half_sibling')
            and not exists (select 1 from relationships m1 join relationships m2 on m1.person_id = m2.person_id
              where m1.type = 'mother' and m2.type = 'mother' and m1.related_person_id = s.person_id and m2.related_person_id = s.related_person_id))::text as unmatched,
        (select count(*) from people c where c.la_code = '857' and c.is_child
            and not exists (select 1 from relationships m where m.type = 'mother' and m.related_person_id = c.id))::text as motherless`.execute(first.db)
    expect(rows[0]).toEqual({ unmatched: '0', motherless: '0' })
  })

  it('gives full siblings the same father', async () => {
    const { rows } = await sql<{ n: string }>`
      select count(*)::text as n from relationships s
      join relationships f1 on f1.type = 'father' and f1.related_person_id = s.person_id
      where s.la_code = '857' and s.type = 'sibling'
        and not exists (select 1 from relationships f2 where f2.type = 'father' and f2.related_person_id = s.related_person_id and f2.person_id = f1.person_id)`.execute(first.db)
    expect(rows[0]!.n).toBe('0')
  })

  it('makes workers nobody can sign in as, and allocates open cases to them', async () => {
    const users = await first.db.selectFrom('users').where('la_code', '=', '857').select(['role', 'password_hash']).execute()
    expect(users.length).toBeGreaterThan(5)
    expect(users.every((u) => u.password_hash === null)).toBe(true)
    const open = await first.db.selectFrom('allocations').where('la_code', '=', '857').where('ended_on', 'is', null).select('id').execute()
    expect(open.length).toBeGreaterThan(50)
  })

  it('writes a child.registered event for every child and one audit entry for the authority', async () => {
    const { rows } = await sql<{ children: string; registered: string }>`
      select (select count(*) from people where la_code = '857' and is_child)::text as children,
             (select count(*) from child_events where la_code = '857' and type = 'child.registered')::text as registered`.execute(first.db)
    expect(rows[0]!.registered).toBe(rows[0]!.children)
    const entries = await first.db.selectFrom('audit_log').where('la_code', '=', '857').select('action').execute()
    expect(entries.map((e) => e.action)).toEqual(['seed.generated'])
    expect((await verifyAuditLog(first.db)).problems).toEqual([])
  })
})

describe('the demo authority', () => {
  let database: Database
  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoCasework(database, { asOf: '2026-01-15' })
  })
  afterAll(async () => { await database?.close() })

  it('has a few hundred children, some of them allocated to the demo social worker and the team', async () => {
    const children = await database.db.selectFrom('people').where('la_code', '=', '886').where('is_child', '=', true).select('id').execute()
    expect(children.length).toBeGreaterThan(150)
    expect(children.length).toBeLessThan(800)
    const worker = await database.db.selectFrom('users').where('email', '=', demoSocialWorkerEmail).select(['id', 'team_id']).executeTakeFirstOrThrow()
    const caseload = await database.db.selectFrom('allocations').where('worker_id', '=', worker.id).where('ended_on', 'is', null).select('child_id').execute()
    expect(caseload.length).toBeGreaterThanOrEqual(5)
    const team = await database.db.selectFrom('allocations').where('team_id', '=', worker.team_id!).where('ended_on', 'is', null).select('id').execute()
    expect(team.length).toBeGreaterThan(caseload.length)
  })

  it('refuses to add casework a second time', async () => {
    await expect(seedDemoCasework(database, { asOf: '2026-01-15' })).rejects.toThrow(SeedConflictError)
  })
})
