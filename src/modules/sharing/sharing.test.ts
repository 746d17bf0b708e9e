// Information sharing decisions (CWSA 2026 s4): recorded with who, when, the lawful basis and, when not
// shared, why; shown on the child's record to those allowed and in the authority's report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { allocate, createChild } from '../../../test/support/records.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

const answers = (overrides: Record<string, string> = {}) => ({
  direction: 'request_received', otherAgency: 'Kent Police (demo)', information: 'Who lives at the family home',
  decision: 'not_shared', lawfulBasis: 'cwsa_s4', reason: 'Sharing would alert the adult under investigation',
  'decidedOn-day': '2', 'decidedOn-month': '11', 'decidedOn-year': '2026', formToken: `token-${Math.random()}`, ...overrides,
})

describe('recording a sharing decision', () => {
  it('records a decision not to share with its reason, on the child’s stream and record', async () => {
    const child = await createChild(t.database.db)
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    await worker.get(`/children/${child}/information-sharing`)
    const response = await worker.post(`/children/${child}/information-sharing`, answers())
    expect(response.statusCode).toBe(303)
    const page = await worker.get(String(response.headers.location))
    expect(page.body).toContain('Not shared')
    expect(page.body).toContain('Sharing would alert the adult under investigation')
    expect(page.body).toContain('Sam Okafor')
    const event = await t.database.db.selectFrom('child_events').where('child_id', '=', child).where('type', '=', 'information.not_shared').selectAll().executeTakeFirstOrThrow()
    expect(event.recorded_by).not.toBeNull()
  })

  it('requires a reason when information is not shared in full, and keeps the answers', async () => {
    const child = await createChild(t.database.db)
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    await worker.get(`/children/${child}/information-sharing`)
    const response = await worker.post(`/children/${child}/information-sharing`, answers({ decision: 'shared_in_part', reason: '' }))
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Enter why the information was not shared in full')
    expect(response.body).toContain('value="Kent Police (demo)"')
    expect(await t.database.db.selectFrom('sharing_decisions').where('child_id', '=', child).selectAll().execute()).toEqual([])
  })

  it('refuses a decision dated in the future, an unknown lawful basis and missing answers', async () => {
    const child = await createChild(t.database.db)
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    await worker.get(`/children/${child}/information-sharing`)
    const future = await worker.post(`/children/${child}/information-sharing`, answers({ 'decidedOn-year': '2099', lawfulBasis: 'because' }))
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('must be today or in the past')
    expect(future.body).toContain('Select the lawful basis for the decision')
    const empty = await worker.post(`/children/${child}/information-sharing`, { formToken: 'x' })
    expect(empty.body).toContain('Select whether this was a request or an offer')
    expect(empty.body).toContain('Enter the other organisation')
  })

  it('records once when the same form arrives twice', async () => {
    const child = await createChild(t.database.db)
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    await worker.get(`/children/${child}/information-sharing`)
    const form = answers({ formToken: 'same-token', decision: 'shared', reason: '' })
    await Promise.all([worker.post(`/children/${child}/information-sharing`, form), worker.post(`/children/${child}/information-sharing`, form)])
    expect(await t.database.db.selectFrom('sharing_decisions').where('child_id', '=', child).selectAll().execute()).toHaveLength(1)
  })

  it('lets a partner with no involvement see nothing', async () => {
    const child = await createChild(t.database.db)
    const police = await signedIn(t.app, 'police')
    expect((await police.get(`/children/${child}/information-sharing`)).statusCode).toBe(403)
  })
})

describe('the authority report', () => {
  it('lists and counts the decisions in the period, with a CSV download that is safe in a spreadsheet', async () => {
    const child = await createChild(t.database.db, { firstName: 'Ruby', lastName: 'Reportable' })
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    await worker.get(`/children/${child}/information-sharing`)
    await worker.post(`/children/${child}/information-sharing`, answers({ otherAgency: '=HYPERLINK("x")', 'decidedOn-day': '10' }))
    const manager = await signedIn(t.app, 'team.manager')
    const report = await manager.get('/information-sharing?from-day=1&from-month=11&from-year=2026&to-day=20&to-month=11&to-year=2026')
    expect(report.statusCode).toBe(200)
    expect(report.body).toContain('Ruby Reportable')
    const csv = await manager.get('/information-sharing.csv?from-day=1&from-month=11&from-year=2026&to-day=20&to-month=11&to-year=2026')
    expect(csv.headers['content-type']).toContain('text/csv')
    const line = csv.body.split('\r\n').find((l) => l.includes('Ruby Reportable'))!
    expect(line).toContain(`'=HYPERLINK`)
    expect((await worker.get('/information-sharing')).statusCode).toBe(403)
  })

  it('explains a period that ends before it starts', async () => {
    const manager = await signedIn(t.app, 'team.manager')
    const report = await manager.get('/information-sharing?from-day=10&from-month=11&from-year=2026&to-day=1&to-month=11&to-year=2026')
    expect(report.statusCode).toBe(400)
    expect(report.body).toContain('The start date must be the same as or before the end date')
  })
})

describe('information sharing pages in a browser', () => {
  let h: BrowserHarness
  beforeAll(async () => { h = await startBrowserHarness() })
  afterAll(async () => { await h?.close() })

  it('records a decision and shows the report, accessibly', async () => {
    const child = await createChild(h.t.database.db)
    await allocate(h.t.database.db, child, 'social.worker')
    const page = await h.newPage({ signInAs: 'social.worker' })
    await page.goto(`/children/${child}/information-sharing`)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Record decision' }).click()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select the decision')
    await expectAccessible(page)
    const manager = await h.newPage({ signInAs: 'team.manager' })
    await manager.goto('/information-sharing')
    await expectAccessible(manager)
  })
})
