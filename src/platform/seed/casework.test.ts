// Seeded casework: the front door, child protection, family help and family network tables follow the
// national rates per 10,000 children, every referral is on the child's event stream, pre-proceedings that
// reached court met the FGDM requirement, and the demo authority gives its users a queue, deadlines and
// child pages with something on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestDatabase } from '../../../test/support/database.js'
import { createTestApp, demoEmail, signedIn, type TestApp } from '../../../test/support/app.js'
import type { Database } from '../db/database.js'
import { deadlinesFor } from '../casework/deadlines.js'
import { frontDoorQueue } from '../../modules/front-door/service.js'
import { preProceedingsAndFgdmFor } from '../../modules/family-network/returns.js'
import { authorityByCode } from './authorities.js'
import { demoSocialWorkerEmail, seedDemoCasework } from './demo-casework.js'
import { seedAuthorities } from './generate.js'
import { per10k, pathway } from './rates.js'

const population = 30_000
const yearStart = '2024-04-01'
const asOf = '2025-03-31'

async function count(database: Database, query: string): Promise<number> {
  const { rows } = await sql.raw<{ n: string }>(query).execute(database.db)
  return Number(rows[0]!.n)
}

describe('seeded casework in an authority', () => {
  let database: Database
  const per10kOf = async (query: string) => (await count(database, query)) / (population / 10_000)
  beforeAll(async () => {
    database = await createTestDatabase()
    await seedAuthorities(database, [{ authority: authorityByCode('877')!, population, referralRate: 1, careRate: 1 }], { seed: 11, asOf })
  }, 120_000)
  afterAll(async () => { await database?.close() })

  it('has referrals, section 47 enquiries, initial conferences and plans at the national rates', async () => {
    const inYear = (table: string, column: string, where = 'true') =>
      `select count(*) as n from ${table} where la_code = '877' and ${column} between '${yearStart}' and '${asOf}' and ${where}`
    expect(await per10kOf(inYear('referrals', 'referral_date'))).toBeCloseTo(per10k.referrals, -2)
    expect(await per10kOf(inYear('section47_enquiries', 'start_date'))).toBeGreaterThan(per10k.section47s * 0.8)
    expect(await per10kOf(inYear('section47_enquiries', 'start_date'))).toBeLessThan(per10k.section47s * 1.2)
    expect(await per10kOf(inYear('child_protection_conferences', 'conference_date', "kind = 'initial'"))).toBeGreaterThan(per10k.initialConferences * 0.75)
    expect(await per10kOf(inYear('child_protection_conferences', 'conference_date', "kind = 'initial'"))).toBeLessThan(per10k.initialConferences * 1.25)
    expect(await per10kOf(inYear('child_protection_plans', 'start_date'))).toBeGreaterThan(per10k.protectionPlanStarts * 0.75)
    expect(await per10kOf(inYear('child_protection_plans', 'start_date'))).toBeLessThan(per10k.protectionPlanStarts * 1.25)
  })

  it('has re-referrals and second plans in the national shares', async () => {
    const reReferrals = await count(database, `select round(1000 * avg(case when exists (select 1 from referrals p where p.child_id = r.child_id and p.id <> r.id
      and p.referral_date <= r.referral_date and p.referral_date >= r.referral_date - interval '12 months') then 1 else 0 end)) as n
      from referrals r where la_code = '877' and referral_date between '${yearStart}' and '${asOf}'`) / 1000
    expect(Math.abs(reReferrals - pathway.reReferral)).toBeLessThan(0.04)
    const repeatPlans = await count(database, `select round(1000 * avg((previous_plans > 0)::int)) as n from child_protection_plans
      where la_code = '877' and start_date between '${yearStart}' and '${asOf}'`) / 1000
    expect(Math.abs(repeatPlans - pathway.repeatPlan)).toBeLessThan(0.07)
  })

  it('has children in need and on plans on 31 March at the national rates', async () => {
    const openOn = (table: string, start: string, end: string) =>
      `select count(*) as n from ${table} where la_code = '877' and ${start} <= '${asOf}' and (${end} is null or ${end} > '${asOf}')`
    const inNeed = await per10kOf(openOn('referrals', 'referral_date', 'closure_date'))
    expect(inNeed).toBeGreaterThan(per10k.childrenInNeedAt31March * 0.85)
    expect(inNeed).toBeLessThan(per10k.childrenInNeedAt31March * 1.2)
    const onPlans = await per10kOf(openOn('child_protection_plans', 'start_date', 'end_date'))
    expect(onPlans).toBeGreaterThan(per10k.protectionPlansAt31March * 0.75)
    expect(onPlans).toBeLessThan(per10k.protectionPlansAt31March * 1.25)
  })

  it('puts every referral and its closure on the child’s event stream', async () => {
    const missing = await count(database, `select count(*) as n from referrals r where la_code = '877' and not exists (select 1 from child_events e
      where e.child_id = r.child_id and e.type = 'referral.opened' and e.data->>'referralId' = r.id::text)`)
    const unclosed = await count(database, `select count(*) as n from referrals r where la_code = '877' and closure_date is not null and not exists
      (select 1 from child_events e where e.child_id = r.child_id and e.type = 'referral.closed' and e.data->>'reasonForClosure' = r.reason_for_closure)`)
    expect(await count(database, `select count(*) as n from referrals where la_code = '877'`)).toBeGreaterThan(500)
    expect({ missing, unclosed }).toEqual({ missing: 0, unclosed: 0 })
  })

  it('applies to court only once the FGDM requirement is met, and records kinship orders', async () => {
    const referrals = (await database.db.selectFrom('pre_proceedings').where('la_code', '=', '877').select('referral_id').execute()).map((r) => r.referral_id)
    const blocks = await preProceedingsAndFgdmFor(database.db, referrals)
    const applied = blocks.filter((b) => b.applicationDate !== null)
    expect(applied.length).toBeGreaterThan(5)
    expect(applied.filter((b) => b.fgdmBestInterestsExemption === '0' && b.fgdmDeclinedByAll === '0' && b.fgdmMeetingDate === null)).toEqual([])
    expect(blocks.some((b) => b.preProceedingsOutcome === 'step_down')).toBe(true)
    expect(await count(database, `select count(*) as n from kinship_arrangements where la_code = '877'`)).toBeGreaterThan(0)
  })

  it('completes most Family Help assessments within the help, none before it started or after it ended', async () => {
    const completed = await count(database, `select round(1000 * avg((assessment_completed_on is not null)::int)) as n from family_help_episodes
      where la_code = '877' and start_date <= '${asOf}'::date - 60`) / 1000
    expect(completed).toBeGreaterThan(0.75)
    expect(completed).toBeLessThan(0.95)
    expect(await count(database, `select count(*) as n from family_help_episodes where la_code = '877'
      and (assessment_completed_on < start_date or assessment_completed_on > coalesce(end_date, '${asOf}'))`)).toBe(0)
  })
})

describe('the demo authority’s casework', () => {
  let t: TestApp
  const today = '2026-01-14'
  beforeAll(async () => {
    t = await createTestApp()
    await seedDemoCasework(t.database, { asOf: today })
  }, 120_000)
  afterAll(async () => { await t?.close() })

  it('has contacts in the front door queue that are overdue, due today and due later', async () => {
    const frontDoor = await t.database.db.selectFrom('users').where('email', '=', demoEmail('front.door')).select(['id', 'la_code']).executeTakeFirstOrThrow()
    const queue = await frontDoorQueue(t.database.db, { id: frontDoor.id, laCode: frontDoor.la_code }, today)
    expect(new Set(queue.map((item) => item.status.rag))).toEqual(new Set(['red', 'amber', 'green']))
  })

  it('gives the demo social worker assessment, child protection and child in need deadlines', async () => {
    const worker = await t.database.db.selectFrom('users').where('email', '=', demoSocialWorkerEmail).select('id').executeTakeFirstOrThrow()
    const caseload = await t.database.db.selectFrom('allocations').where('worker_id', '=', worker.id).where('ended_on', 'is', null).select('child_id').execute()
    const allocated = await t.database.db.selectFrom('allocations').where('la_code', '=', '886').where('ended_on', 'is', null).select('child_id').execute()
    const rules = new Set((await deadlinesFor(t.database.db, allocated.map((a) => a.child_id), today)).map((d) => d.ruleId.split('.')[0]))
    expect([...rules]).toEqual(expect.arrayContaining(['CP-02', 'CP-08', 'CP-10', 'CIN-01', 'FH-01']))
    expect(await deadlinesFor(t.database.db, caseload.map((a) => a.child_id), today)).not.toEqual([])
  })

  it('shows a seeded child’s referral and protection plan on the child’s page', async () => {
    const { rows } = await sql<{ child_id: string; start_date: string }>`
      select p.child_id, p.start_date from child_protection_plans p join allocations a on a.child_id = p.child_id and a.ended_on is null
      join users u on u.id = a.worker_id where p.la_code = '886' and p.end_date is null and u.email = ${demoSocialWorkerEmail}
      order by p.start_date limit 1`.execute(t.database.db)
    const plan = rows[0]!
    const page = await (await signedIn(t.app, 'social.worker')).get(`/children/${plan.child_id}`)
    expect(page.statusCode).toBe(200)
    const started = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${plan.start_date}T00:00:00Z`))
    expect(page.body).toContain(`Since ${started}`)
    expect(page.body).toMatch(/Referral|referral/)
    expect((await (await signedIn(t.app, 'social.worker')).get(`/children/${plan.child_id}/child-protection`)).statusCode).toBe(200)
  })

  it('lists the open contacts on the front door’s queue page', async () => {
    const { rows } = await sql<{ first_name: string; last_name: string }>`select p.first_name, p.last_name from contacts c join people p on p.id = c.child_id
      where c.la_code = '886' and c.decision is null limit 1`.execute(t.database.db)
    const page = await (await signedIn(t.app, 'front.door')).get('/front-door')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`${rows[0]!.first_name} ${rows[0]!.last_name}`)
  })
})
