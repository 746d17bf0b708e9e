// Social workers from ethnic minority backgrounds beside the residents (indicator 68), on two hand-built
// authorities of one RCC, each answer worked out from the rows; the administrator sets the residents' share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { createOtherAuthority } from '../../../test/support/records.js'
import { valueOf } from './indicator.js'
import { indicatorById } from './indicators/index.js'
import { sumOf } from './levels.js'
import { yearEnding } from './period.js'

let t: TestApp
const year = yearEnding(2026)

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.db
  await createOtherAuthority(db, '887')
  const teamOf = async (la: string) => (await db.selectFrom('teams').where('la_code', '=', la).select('id').executeTakeFirstOrThrow()).id
  const staff = async (la: string, rows: Array<[ethnicity: string | null, fields?: { agency?: boolean; left?: string }]>) => {
    const team = await teamOf(la)
    await db.insertInto('staff').values(rows.map(([ethnicity, f], i) => ({
      la_code: la, name: `Worker ${i}`, role: 'case_holder' as const, team_id: team, employment: f?.agency ? 'agency' as const : 'employed' as const,
      fte: 1, started_on: '2020-01-01', left_on: f?.left ?? null, ethnicity,
    }))).execute()
  }
  // 886 at 30 September 2025: known BAFR, WBRI, WOTH (3, of whom 1 ethnic minority); NOBT and a record never asked
  // are not known; the agency worker and the leaver are not in post as employees.
  await staff('886', [['BAFR'], ['WBRI'], ['WOTH'], ['NOBT'], [null], ['AIND', { agency: true }], ['MWBC', { left: '2025-06-30' }]])
  // 887: APKN, CHNE, WBRI known (2 of 3 ethnic minority); REFU is not known.
  await staff('887', [['APKN'], ['CHNE'], ['WBRI'], ['REFU']])
  await db.updateTable('local_authorities').set({ ethnic_minority_percent: 10 }).where('code', '=', '887').execute()
})
afterAll(async () => { await t.close() })

describe('social workers and residents from ethnic minority backgrounds', () => {
  it('lets an administrator set the residents’ share beside the population, refusing a share that is not a percentage', async () => {
    const admin = await signedIn(t.app, 'admin')
    await admin.get('/dashboard/population')
    const bad = await admin.post('/dashboard/population', { population: '10,000', ethnicMinorityPercent: '130' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('The share must be a percentage from 0 to 100, with up to one decimal place, like 18.3')
    expect(bad.body).toContain('value="130"')
    expect(bad.body).toContain('value="10000"')
    expect((await admin.post('/dashboard/population', { population: '10,000', ethnicMinorityPercent: '30%' })).statusCode).toBe(303)
    expect((await admin.get('/dashboard/population')).body).toContain('value="30"')
  })

  it('computes each authority’s share and the RCC’s from the sums', async () => {
    const figures = async (id: string) => (await indicatorById(id)!.figures(t.database.db, null, year))
    const workers = await figures('social-workers-ethnic-minority')
    expect(workers.get('886')).toEqual({ numerator: 1, denominator: 3 })
    expect(workers.get('887')).toEqual({ numerator: 2, denominator: 3 })
    expect(valueOf(sumOf(workers, ['886', '887']), 'percent')).toBeCloseTo(50) // (1 + 2) / (3 + 3)
    const residents = await figures('residents-ethnic-minority')
    expect(valueOf(residents.get('886'), 'percent')).toBeCloseTo(30)
    // Weighted by children aged 0 to 17: 30% of 10,000 and 10% of 50,000 over 60,000.
    expect(valueOf(sumOf(residents, ['886', '887']), 'percent')).toBeCloseTo((3_000 + 5_000) / 60_000 * 100)
  })

  it('shows them side by side on the dashboard and in its CSV', async () => {
    const analyst = await signedIn(t.app, 'analyst')
    const page = await analyst.get('/dashboard?period=2026')
    const row = (id: string) => [...new RegExp(`data-indicator="${id}"[\\s\\S]*?</tr>`).exec(page.body)![0].matchAll(/govuk-table__cell--numeric">([^<]*)</g)].map((m) => m[1])
    expect(row('social-workers-ethnic-minority')).toEqual(['33.3%', '50.0%', '50.0%'])
    expect(row('residents-ethnic-minority')).toEqual(['30.0%', '13.3%', '13.3%'])
    const csv = await analyst.get('/dashboard/indicators/social-workers-ethnic-minority.csv?period=2026')
    expect(csv.body).toContain('social-workers-ethnic-minority,Year ending 31 March 2026,Kent (demo),1,3,33.333')
  })
})
