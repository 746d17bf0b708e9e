// Every indicator on a small hand-built authority (test-data.ts), year ending 31 March 2026, each answer worked
// out from the rows; then the levels (authority, RCC, every authority) and who may see which children.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { createOtherAuthority } from '../../../test/support/records.js'
import { valueOf } from './indicator.js'
import { indicatorById, indicators } from './indicators/index.js'
import { yearEnding } from './period.js'
import { buildAuthority, buildOtherAuthority, type Children } from './test-data.js'

let t: TestApp
let c: Children
const year = yearEnding(2026)

beforeAll(async () => {
  t = await createTestApp()
  c = await buildAuthority(t.database.db)
  await createOtherAuthority(t.database.db, '887')
  await buildOtherAuthority(t.database.db, '887')
  // The administrator sets the population, so a rate per 10,000 is the count itself.
  const admin = await signedIn(t.app, 'admin')
  await admin.get('/dashboard/population')
  const bad = await admin.post('/dashboard/population', { population: 'lots' })
  expect(bad.statusCode).toBe(400)
  expect(bad.body).toContain('Population must be a whole number, like 355390')
  expect((await admin.post('/dashboard/population', { population: '10,000' })).statusCode).toBe(303)
})
afterAll(async () => { await t.close() })

async function figure(id: string) {
  const indicator = indicatorById(id)!
  const fraction = (await indicator.figures(t.database.db, ['886'], year)).get('886')
  return { numerator: fraction?.numerator, denominator: fraction?.denominator, value: valueOf(fraction, indicator.unit) }
}

async function counted(id: string): Promise<string[]> {
  const { rows } = await indicatorById(id)!.children!(t.database.db, '886', year).execute(t.database.db)
  const names = Object.fromEntries(Object.entries(c).map(([name, childId]) => [childId, name]))
  return [...new Set(rows.map((r) => names[r.child_id]!))].sort()
}

describe('each indicator, year ending 31 March 2026, population 10,000', () => {
  it.each([
    // Open at 31 March: C1 and C3 (C2 closed on 31 March itself).
    ['children-in-need-rate', 2, 1, 2],
    // Referrals in the year: C1 (5 months after its last) and C2 (17 months after).
    ['repeat-referrals', 1, 2, 50],
    // L2 started in the year; L3's short break is left out.
    ['started-looked-after-rate', 1, 1, 1],
    ['looked-after-rate', 2, 1, 2],
    ['uasc-started-rate', 1, 1, 1],
    ['uasc-looked-after-rate', 1, 1, 1],
    // L1 moved school in November; L2's September move is the start of the school year.
    ['school-moves', 1, 2, 50],
    // Plans starting in the year: C1 (had one in 2023), C3 (previous plan recorded), C4 (first).
    ['repeat-protection-plans', 2, 3, (2 / 3) * 100],
    // Open at 31 March: C1, C2 (since June 2023), C3, C4.
    ['protection-plans-two-years', 1, 4, 25],
    // C1's episode: neglect found twice counts once; C2's assessment was before the year.
    ['neglect', 1, 1, 1],
    ['domestic-abuse-child', 1, 1, 1],
    ['sexual-abuse-adult', 0, 1, 0],
    // Ceased in the year: L4 (SGO), L5 (child arrangements order), L6 (home); L1's moves are not ceasing.
    ['left-care-special-guardianship', 1, 3, 100 / 3],
    ['left-care-child-arrangements', 1, 3, 100 / 3],
    // L1: the placement at the start of the year and two moves; L2: one placement.
    ['three-or-more-placements', 1, 2, 50],
    // L1: ME14 to CT1 is about 23 miles; L2: ME14 to ME15.
    ['placed-over-20-miles', 1, 2, 50],
    ['adoption-decision-to-match', 181 / 30.4375, 1, 181 / 30.4375],
    ['placed-in-foster-care', 1, 2, 50],
    ['placed-in-childrens-homes', 1, 2, 50],
    ['placed-in-supported-accommodation', 0, 2, 0],
    // L1 (looked after 2 years, aged 11): the latest score, 16. L2 has been looked after under 12 months.
    ['sdq-score', 16, 1, 16],
    // CL1 (17, education, suitable) and CL2 (18, NEET, not suitable); CL3 (19, employment, suitable); CL4's contact was before the year.
    ['care-leavers-17-18-in-education-employment-training', 1, 2, 50],
    ['care-leavers-17-18-suitable-accommodation', 1, 2, 50],
    ['care-leavers-19-21-in-education-employment-training', 1, 1, 100],
    ['care-leavers-19-21-suitable-accommodation', 1, 1, 100],
    // At 30 September 2025: 1 FTE employed, 1 FTE agency, 1 FTE left in May 2025, 1 FTE vacant; the social worker holds L2.
    ['social-worker-turnover', 1, 1, 100],
    ['agency-worker-rate', 1, 2, 50],
    ['vacancy-rate', 1, 2, 50],
    ['average-caseload', 1, 1, 1],
    // L1 had three social workers in the year, L2 one.
    ['three-or-more-social-workers', 1, 2, 50],
  ] as const)('%s', async (id, numerator, denominator, value) => {
    const f = await figure(id)
    expect(f.numerator).toBeCloseTo(numerator)
    expect(f.denominator).toBeCloseTo(denominator)
    expect(f.value).toBeCloseTo(value)
  })

  it('computes every indicator in the catalogue without error, each with its definition and source', async () => {
    for (const indicator of indicators) {
      expect(indicator.definition.length).toBeGreaterThan(40)
      expect(indicator.source).not.toBe('')
      await indicator.figures(t.database.db, null, year)
    }
  })

  it('lists the children behind a numerator', async () => {
    expect(await counted('children-in-need-rate')).toEqual(['C1', 'C3'])
    expect(await counted('three-or-more-placements')).toEqual(['L1'])
    expect(await counted('left-care-special-guardianship')).toEqual(['L4'])
  })
})

describe('levels and access', () => {
  it('shows an authority analyst their authority beside the RCC and every authority, and the children behind a figure', async () => {
    const analyst = await signedIn(t.app, 'analyst')
    const page = await analyst.get('/dashboard?period=2026')
    expect(page.statusCode).toBe(200)
    // Children in need: 886 has 2 per 10,000; with 887 (1 child, 50,000 children) the RCC has 3 per 60,000 = 0.5.
    const row = /data-indicator="children-in-need-rate"[\s\S]*?<\/tr>/.exec(page.body)![0]
    expect([...row.matchAll(/govuk-table__cell--numeric">([^<]*)</g)].map((m) => m[1])).toEqual(['2.0', '0.5', '0.5'])
    const indicator = await analyst.get('/dashboard/indicators/children-in-need-rate?period=2026')
    expect(indicator.body).toContain('<svg role="img" aria-labelledby="chart-title chart-desc"')
    expect(indicator.body).toContain('How this is measured')
    const list = await analyst.get('/dashboard/indicators/children-in-need-rate/children?period=2026')
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain(`href="/children/${c.C1}"`)
    expect(list.body).toContain(`href="/children/${c.C3}"`)
    expect(list.body).not.toContain(`href="/children/${c.C2}"`)
    // Another authority's children are not found, whatever the URL says; its figures are not an analyst's level.
    expect((await analyst.get('/dashboard/indicators/children-in-need-rate/children?period=2026&level=887')).statusCode).toBe(404)
    expect((await analyst.get('/dashboard?level=887')).statusCode).toBe(404)
    const csv = await analyst.get('/dashboard.csv?period=2026')
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).toContain('children-in-need-rate,Children in need,per10k,Year ending 31 March 2026,Kent (demo),2,1,2')
  })

  it('shows an RCC analyst the RCC and its authorities, without the children', async () => {
    const rcc = await signedIn(t.app, 'rcc.analyst')
    const page = await rcc.get('/dashboard/indicators/children-in-need-rate?period=2026')
    expect(page.body).toContain('South East Regional Care Cooperative')
    expect(page.body).toMatch(/Other authority 887<\/a><\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>5<\/td>\s*<td[^>]*>0.2<\/td>/)
    expect(page.body).not.toContain('The children behind this figure')
    expect((await rcc.get('/dashboard/indicators/children-in-need-rate/children?period=2026')).statusCode).toBe(403)
  })

  it('shows a national analyst every authority', async () => {
    const national = await signedIn(t.app, 'national.analyst')
    const page = await national.get('/dashboard/indicators/looked-after-rate?period=2026')
    expect(page.body).toContain('All authorities')
    expect(page.body).toContain('Other authority 887')
    expect((await national.get('/dashboard?period=2026&level=887')).statusCode).toBe(200)
    const csv = await national.get('/dashboard/indicators/looked-after-rate.csv?period=2026')
    expect(csv.body).toContain('looked-after-rate,Year ending 31 March 2026,All authorities,2,6,0.333')
  })
})
