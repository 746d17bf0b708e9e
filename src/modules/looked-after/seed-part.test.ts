// Seeded children in care and care leavers, in the demo authority at 30,000 children: the national rates per 10,000
// (looked after on 31 March, starts, 3+ placements in the year, over 20 miles from home, care leavers), episodes
// that chain as the 903 requires, codes the 903 accepts, and a seeded child's pages through the real app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestApp, demoEmail, signedIn, type TestApp } from '../../../test/support/app.js'
import { isValidPostcode } from '../../platform/identifiers/postcode.js'
import { authorityByCode } from '../../platform/seed/authorities.js'
import { seedAuthorities } from '../../platform/seed/generate.js'
import { per10k } from '../../platform/seed/rates.js'
import { placementDistances, placementsWithoutProvider, placementsWithoutUrn, placementTypes } from '../placements/service.js'
import { episodesFor, periodsOfCare } from './service.js'

const population = 30_000
const asOf = '2026-03-31'
const yearStart = '2025-04-01'
let t: TestApp
const per10kOf = (n: number) => (n / population) * 10_000

beforeAll(async () => {
  t = await createTestApp()
  await seedAuthorities(t.database, [{ authority: authorityByCode('886')!, population, referralRate: 1, careRate: 1 }], {
    seed: 3, asOf, intoExisting: { laCode: '886', favouredWorkerEmail: demoEmail('social.worker') },
  })
}, 600_000)
afterAll(async () => { await t?.close() })

const count = async (query: ReturnType<typeof sql<{ n: string }>>) => Number((await query.execute(t.database.db)).rows[0]!.n)

describe('children in care at national rates', () => {
  it('has about 67 children looked after per 10,000 on 31 March and 26 starting in the year', async () => {
    const lookedAfter = await count(sql`select count(distinct child_id)::text as n from care_periods
      where la_code = '886' and start_date <= ${asOf} and (end_date is null or end_date > ${asOf})`)
    const starts = await count(sql`select count(*)::text as n from care_periods where la_code = '886' and start_date between ${yearStart} and ${asOf}`)
    expect(per10kOf(lookedAfter)).toBeGreaterThan(per10k.lookedAfterAt31March * 0.8)
    expect(per10kOf(lookedAfter)).toBeLessThan(per10k.lookedAfterAt31March * 1.2)
    expect(per10kOf(starts)).toBeGreaterThan(per10k.lookedAfterStarts * 0.7)
    expect(per10kOf(starts)).toBeLessThan(per10k.lookedAfterStarts * 1.3)
  })

  it('gives about one child in ten looked after in the year 3 or more placements in it', async () => {
    const { rows } = await sql<{ placements: number }>`
      select count(*) filter (where e.reason_new_episode in ('S', 'P', 'T', 'B', 'U') or e.start_date < ${yearStart})::int as placements
      from care_episodes e where e.la_code = '886' and e.start_date <= ${asOf} and (e.end_date is null or e.end_date >= ${yearStart})
      group by e.child_id`.execute(t.database.db)
    const share = rows.filter((r) => r.placements >= 3).length / rows.length
    expect(share).toBeGreaterThan(0.05)
    expect(share).toBeLessThan(0.17)
  })

  it('places about one in five new placements more than 20 miles from home, measured from the postcodes', async () => {
    const placements = await t.database.db.selectFrom('care_episodes').where('la_code', '=', '886')
      .where('start_date', '>=', yearStart).where('reason_new_episode', 'in', ['S', 'P', 'B'])
      .select(['home_postcode', 'placement_postcode']).execute()
    const distances = await placementDistances(t.database.db, placements.map((p) => ({ home: p.home_postcode, placement: p.placement_postcode })))
    expect(distances.every((d) => d.miles !== null)).toBe(true)
    const share = distances.filter((d) => d.distant).length / distances.length
    expect(share).toBeGreaterThan(0.13)
    expect(share).toBeLessThan(0.29)
  })

  it('has about 37 care leavers aged 18 to 21 per 10,000, most with a pathway plan and a personal adviser', async () => {
    const leavers = await count(sql`select count(distinct a.child_id)::text as n from personal_advisers a join people p on p.id = a.child_id
      where a.la_code = '886' and p.date_of_birth <= ${asOf}::date - interval '18 years'`)
    expect(per10kOf(leavers)).toBeGreaterThan(per10k.careLeavers18to21 * 0.65)
    expect(per10kOf(leavers)).toBeLessThan(per10k.careLeavers18to21 * 1.35)
    const contacts = await t.database.db.selectFrom('care_leaver_birthday_contacts').where('la_code', '=', '886').select(['in_touch', 'activity', 'accommodation']).execute()
    expect(contacts.length).toBeGreaterThan(30)
    expect(contacts.every((c) => c.in_touch !== 'YES' || (c.activity !== '0' && c.accommodation !== '0'))).toBe(true)
  })
})

describe('903-correct episodes', () => {
  it('chains every period’s episodes: S first, each change ending the one before with X1 on the day the next starts, the last ending with the period', async () => {
    const children = (await t.database.db.selectFrom('care_periods').where('la_code', '=', '886').select('child_id').distinct().execute()).map((r) => r.child_id)
    const periods = await periodsOfCare(t.database.db, '886', children)
    expect(periods.length).toBeGreaterThan(150)
    const problems: string[] = []
    const byChild = new Map<string, typeof periods>()
    for (const p of periods) byChild.set(p.childId, [...(byChild.get(p.childId) ?? []), p])
    for (const own of byChild.values()) {
      own.forEach((p, i) => {
        const before = own[i - 1]
        if (before && (before.end === null || before.end >= p.start)) problems.push(`${p.periodId}: overlaps the period before`)
        const e = p.episodes
        if (e[0]?.DECOM !== p.start || e[0]?.RNE !== 'S') problems.push(`${p.periodId}: does not start with an S episode`)
        e.forEach((x, j) => {
          const next = e[j + 1]
          if (x.DEC !== null && x.DEC <= x.DECOM) problems.push(`${p.periodId}: an episode lasted no time`)
          if (next && (x.DEC !== next.DECOM || x.REC !== 'X1' || next.RNE === 'S')) problems.push(`${p.periodId}: episode ${j} does not chain`)
          if (!next && (x.DEC !== p.end || x.REC === 'X1')) problems.push(`${p.periodId}: the last episode does not end the period`)
        })
      })
    }
    expect(problems).toEqual([])
  })

  it('writes placement codes, providers, URNs and postcodes the 903 accepts', async () => {
    const children = (await t.database.db.selectFrom('care_periods').where('la_code', '=', '886').select('child_id').distinct().execute()).map((r) => r.child_id)
    const episodes = await episodesFor(t.database.db, '886', children)
    const types = new Set(placementTypes.map((c) => c.code))
    const wrong = episodes.filter((e) => !types.has(e.PLACE)
      || (e.PLACE_PROVIDER === null) !== placementsWithoutProvider.has(e.PLACE)
      || (e.PLACE === 'P1') !== (e.PLACE_PROVIDER === 'PR0')
      || (e.URN === 'XXXXXXX') !== placementsWithoutUrn.has(e.PLACE)
      || !isValidPostcode(e.HOME_POST ?? '') || !isValidPostcode(e.PL_POST ?? '')
      || (e.PLACE !== 'P1' && e.HOME_POST === e.PL_POST))
    expect(wrong).toEqual([])
    const adopted = episodes.filter((e) => e.REC === 'E11' || e.REC === 'E12')
    expect(adopted.length).toBeGreaterThan(0)
    expect(adopted.every((e) => /^A[56]$/.test(e.PLACE) && e.LS === 'E1')).toBe(true)
  })
})

describe('seeded care planning', () => {
  it('gives most children looked after on 31 March for over four months a permanence plan set within their care, and adoption to those placed for adoption', async () => {
    const plans = await count(sql`select round(1000 * avg((exists (select 1 from permanence_plans pp where pp.period_id = p.id and pp.set_on <= ${asOf}))::int))::text as n
      from care_periods p where p.la_code = '886' and p.start_date <= (${asOf}::date - 130) and (p.end_date is null or p.end_date > ${asOf})`) / 1000
    expect(plans).toBeGreaterThan(0.85)
    expect(await count(sql`select count(*)::text as n from permanence_plans pp join care_periods p on p.id = pp.period_id
      where pp.set_on < p.start_date or pp.set_on > coalesce(p.end_date, ${asOf})`)).toBe(0)
    expect(await count(sql`select count(*)::text as n from permanence_plans pp join care_episodes e on e.period_id = pp.period_id
      where e.placement_type in ('A5', 'A6') and pp.plan <> 'adoption'
      and pp.set_on = (select max(set_on) from permanence_plans x where x.period_id = pp.period_id)`)).toBe(0)
  })

  it('has the reviewing officer in contact with most children looked after all year, within their care', async () => {
    const contacted = await count(sql`select round(1000 * avg((exists (select 1 from iro_contacts c where c.period_id = p.id and c.contact_date between ${yearStart} and ${asOf}))::int))::text as n
      from care_periods p where p.la_code = '886' and p.start_date < ${yearStart} and (p.end_date is null or p.end_date > ${asOf})`) / 1000
    expect(contacted).toBeGreaterThan(0.75)
    expect(await count(sql`select count(*)::text as n from iro_contacts c join care_periods p on p.id = c.period_id
      where c.contact_date < p.start_date or c.contact_date > coalesce(p.end_date, ${asOf})`)).toBe(0)
  })
})

describe('a seeded child in care, through the app', () => {
  it('shows the demo social worker their child’s looked-after record, with its placement and reviews', async () => {
    const sw = await signedIn(t.app, 'social.worker')
    const worker = await t.database.db.selectFrom('users').where('email', '=', demoEmail('social.worker')).select('id').executeTakeFirstOrThrow()
    const child = await t.database.db.selectFrom('allocations').innerJoin('care_periods', 'care_periods.child_id', 'allocations.child_id')
      .where('allocations.worker_id', '=', worker.id).where('allocations.ended_on', 'is', null).where('care_periods.end_date', 'is', null)
      .select('allocations.child_id').executeTakeFirstOrThrow()
    const page = await sw.get(`/children/${child.child_id}/looked-after`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Placement')
    expect(page.body).toMatch(/review/i)
  })
})
