// The returns pages in Chromium with axe: a child in care recorded without a UPN shows the DfE rule it would fail,
// with the fix, on the child's page and on the team manager's data quality page; the analyst sees the returns for
// this year and last, opens the report, and downloads each return and the report as CSV. Others are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formToken, signedIn } from '../../../test/support/app.js'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { allocate, createChild } from '../../../test/support/records.js'
import { dateFields } from '../child-protection/test-fixtures.js'
import { expectRedirect } from '../child-protection/test-steps.js'
import { collectionYearOn } from './generate/collection-year.js'

let h: BrowserHarness
let childId: string
const year = collectionYearOn()

beforeAll(async () => {
  h = await startBrowserHarness()
  const db = h.t.database.db
  childId = await createChild(db, { firstName: 'Nia', lastName: 'Okoro', dateOfBirth: '2014-02-03', laChildId: 'LAC0002' })
  await allocate(db, childId, 'social.worker')
  const worker = await signedIn(h.t.app, 'social.worker')
  const start = `/children/${childId}/looked-after/start`
  await expectRedirect(worker, start, {
    formToken: await formToken(worker, start), ...dateFields('startDate', year.start), legalStatus: 'V2', categoryOfNeed: 'N1', placementType: 'U6', provider: 'PR1', urn: '1234567',
    homePostcode: 'ME14 1XX', placementPostcode: 'CT9 1AA', visitRegime: 'ordinary', previousPermanence: 'Z1',
  })
})
afterAll(async () => { await h?.close() })

const upnFix = 'Record the child’s unique pupil number (UPN), or why there is none.'

describe('live data quality and the statutory returns', () => {
  it('shows a rule failure with its fix to the worker and the team manager, and the returns to the analyst', async () => {
    const worker = await h.newPage({ signInAs: 'social.worker' })
    await worker.goto(`/children/${childId}`)
    await expect.poll(() => worker.locator('h2#data-quality').textContent()).toBe(`Data quality for the ${year.label} returns`)
    const row = worker.locator('tr', { hasText: 'SSDA903 rule 442' })
    expect(await row.textContent()).toContain('Unique Pupil Number (UPN) field is not completed.')
    expect(await row.textContent()).toContain(upnFix)
    // The analyst's report below has DfE's SW12STG2 for this child (allocated before care began), which no change to
    // the record could clear, so the worker is not asked to.
    expect(await worker.locator('tr', { hasText: 'SW12STG2' }).count()).toBe(0)
    await expectAccessible(worker)

    const manager = await h.newPage({ signInAs: 'team.manager' })
    await manager.goto('/team/data-quality')
    const teamRow = manager.locator('tr', { hasText: 'SSDA903 rule 442' })
    expect(await teamRow.textContent()).toContain('Nia Okoro')
    expect(await teamRow.textContent()).toContain(upnFix)
    await expectAccessible(manager)
    await teamRow.getByRole('link', { name: 'Nia Okoro' }).click()
    expect(new URL(manager.url()).pathname).toBe(`/children/${childId}`)

    const analyst = await h.newPage({ signInAs: 'analyst' })
    await analyst.goto('/returns')
    const current = analyst.locator('tr', { hasText: `SSDA903 ${year.label}` })
    expect((await current.locator('td').allTextContents()).slice(0, 1)).toEqual(['1'])
    expect(Number((await current.locator('td').nth(1).textContent())!.trim())).toBeGreaterThan(0)
    await expectAccessible(analyst)
    await current.getByRole('link', { name: /Errors and queries/ }).click()
    expect(await analyst.locator('tr', { hasText: '442' }).first().textContent()).toContain('LAC0002')
    await expectAccessible(analyst)
  })

  it('downloads the CIN census as XML, the 903 as a zip of its tables, and the report as CSV, to analysts only', async () => {
    const analyst = await signedIn(h.t.app, 'analyst')
    const base = `/returns/903/${year.year}`
    const zip = await analyst.get(`${base}/download`)
    expect(zip.headers['content-type']).toBe('application/zip')
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK')
    expect(zip.rawPayload.includes(Buffer.from('Episodes.csv'))).toBe(true)
    const cin = await analyst.get(`/returns/cin/${year.year}/download`)
    expect(cin.body).toContain('<Collection>CIN</Collection>')
    const csv = await analyst.get(`${base}/report.csv`)
    expect(csv.body.split('\r\n')[0]).toBe('rule,type,message,table,row,child,fields,file,line')
    expect(csv.body).toContain('442,Error,Unique Pupil Number (UPN) field is not completed.,Header,1,LAC0002')
    expect(csv.body).toMatch(/^SW12STG2,Error,.*,LAC0002,/m)
    expect((await analyst.get(`/returns/903/${year.year - 5}/download`)).statusCode).toBe(404)
    const worker = await signedIn(h.t.app, 'social.worker')
    expect((await worker.get('/returns')).statusCode).toBe(403)
    expect((await worker.get(`${base}/download`)).statusCode).toBe(403)
    expect((await worker.get('/team/data-quality')).statusCode).toBe(403)
  })
})
