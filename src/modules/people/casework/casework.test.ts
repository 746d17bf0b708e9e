// Chronology, case notes and visits with drafts, allocation, my work and the team view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestApp, signedIn, type TestApp } from '../../../../test/support/app.js'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../../test/support/browser.js'
import { allocate, createChild, userId } from '../../../../test/support/records.js'
import { contactForm, dateFields } from '../../front-door/test-fixtures.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

const visit = (overrides: Record<string, string> = {}) => ({
  action: 'save', kind: 'visit', 'occurred-day': '18', 'occurred-month': '11', 'occurred-year': '2026', visitType: 'child_protection',
  seen: 'yes', seenAlone: 'yes', othersPresent: 'Mother', body: 'Bedroom clean; child said school is going well.', formToken: `v-${Math.random()}`, ...overrides,
})

describe('case notes and visits', () => {
  it('records a visit on the chronology, newest first, with the significant marker and CSV', async () => {
    const child = await createChild(t.database.db)
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    await worker.get(`/children/${child}/notes/new`)
    expect((await worker.post(`/children/${child}/notes/new`, visit())).statusCode).toBe(303)
    expect((await worker.post(`/children/${child}/notes/new`, visit({ seen: 'no', seenAlone: 'no', 'occurred-day': '19' }))).statusCode).toBe(303)
    const page = await worker.get(`/children/${child}/chronology`)
    const notSeen = page.body.indexOf('child not seen')
    expect(notSeen).toBeGreaterThan(-1)
    expect(notSeen).toBeLessThan(page.body.indexOf('child seen alone'))
    expect(page.body).toContain('Significant')
    const filtered = await worker.get(`/children/${child}/chronology?area=contact`)
    expect(filtered.body).not.toContain('child seen alone')
    const csv = await worker.get(`/children/${child}/chronology.csv`)
    expect(csv.body.split('\r\n')[0]).toBe('Date and time,Area,What happened,Significant,Recorded by')
    expect(csv.body).toContain('Child protection visit: child seen alone')
  })

  it('refuses "seen alone" without "seen", a date in the future and an empty note, keeping the answers', async () => {
    const child = await createChild(t.database.db)
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    await worker.get(`/children/${child}/notes/new`)
    const response = await worker.post(`/children/${child}/notes/new`, visit({ seen: 'no', seenAlone: 'yes', 'occurred-year': '2099', othersPresent: 'Grandad' }))
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('The child cannot be seen alone if they were not seen')
    expect(response.body).toContain('The date must be today or in the past')
    expect(response.body).toContain('value="Grandad"')
    expect(await t.database.db.selectFrom('case_notes').where('child_id', '=', child).selectAll().execute()).toEqual([])
  })

  it('keeps a long draft through a session time-out and restores it after signing in again', async () => {
    const child = await createChild(t.database.db)
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    await worker.get(`/children/${child}/notes/new`)
    const long = 'The child talked about home. '.repeat(1800)
    expect((await worker.post(`/children/${child}/notes/new`, visit({ action: 'draft', body: long }))).statusCode).toBe(303)
    await sql`update sessions set last_seen_at = now() - interval '2 hours'`.execute(t.database.db)
    const expired = await worker.get(`/children/${child}/notes/new`)
    expect(expired.headers.location).toContain('timedOut=true')
    const again = await signedIn(t.app, 'social.worker')
    const page = await again.get(`/children/${child}/notes/new`)
    expect(page.body).toContain('It has been restored below')
    expect(page.body).toContain(long.slice(0, 200))
    expect(page.body.length).toBeGreaterThan(long.length)
  })

  it('records a note once when the form is sent twice', async () => {
    const child = await createChild(t.database.db)
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    await worker.get(`/children/${child}/notes/new`)
    const form = visit({ kind: 'note', subject: 'Call with school', formToken: 'note-twice' })
    await Promise.all([worker.post(`/children/${child}/notes/new`, form), worker.post(`/children/${child}/notes/new`, form)])
    expect(await t.database.db.selectFrom('case_notes').where('child_id', '=', child).selectAll().execute()).toHaveLength(1)
  })
})

describe('allocation and my work', () => {
  it('allocates, keeps the history, and shows the child on the worker’s and the team’s work', async () => {
    const child = await createChild(t.database.db, { firstName: 'Isla', lastName: 'Allocated' })
    const manager = await signedIn(t.app, 'team.manager')
    await manager.get(`/children/${child}/allocate`)
    expect((await manager.post(`/children/${child}/allocate`, { workerId: await userId(t.database.db, 'team.manager') })).statusCode).toBe(303)
    expect((await manager.post(`/children/${child}/allocate`, { workerId: await userId(t.database.db, 'social.worker') })).statusCode).toBe(303)
    const history = await t.database.db.selectFrom('allocations').where('child_id', '=', child).selectAll().orderBy('started_on').execute()
    expect(history).toHaveLength(2)
    expect(history.filter((a) => a.ended_on === null)).toHaveLength(1)
    const worker = await signedIn(t.app, 'social.worker')
    expect((await worker.get('/my-work')).body).toContain('Isla Allocated')
    const team = await manager.get('/team')
    expect(team.body).toContain('Isla Allocated')
    expect(team.body).toContain('Sam Okafor')
  })

  it('refuses a worker from another authority or no worker, and is for team managers only', async () => {
    const child = await createChild(t.database.db)
    const manager = await signedIn(t.app, 'team.manager')
    await manager.get(`/children/${child}/allocate`)
    const response = await manager.post(`/children/${child}/allocate`, { workerId: '00000000-0000-0000-0000-000000000000' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Select a social worker or team manager in this authority')
    const worker = await signedIn(t.app, 'social.worker')
    expect((await worker.get(`/children/${child}/allocate`)).statusCode).toBe(403)
  })

  it('shows the next statutory deadline on my work, from the modules’ deadline providers', async () => {
    const child = await createChild(t.database.db, { firstName: 'Deadline', lastName: 'Due' })
    await allocate(t.database.db, child, 'social.worker')
    const door = await signedIn(t.app, 'front.door')
    await door.get(`/children/${child}/contacts/new`)
    await door.post(`/children/${child}/contacts/new`, contactForm(dateFields('received', '2026-11-02')))
    const page = await (await signedIn(t.app, 'social.worker')).get('/my-work')
    expect(page.body).toContain('Front door decision on a contact')
    expect(page.body).toMatch(/Overdue by \d+ days/)
  })
})

describe('casework pages in a browser', () => {
  let h: BrowserHarness
  beforeAll(async () => { h = await startBrowserHarness() })
  afterAll(async () => { await h?.close() })

  it('shows the note form with errors, the chronology, my work and the team, accessibly', async () => {
    const child = await createChild(h.t.database.db)
    await allocate(h.t.database.db, child, 'social.worker')
    const page = await h.newPage({ signInAs: 'social.worker' })
    await page.goto(`/children/${child}/notes/new`)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select whether this is a visit or a case note')
    await expectAccessible(page)
    // With JavaScript the draft saves itself a few seconds after typing stops.
    await page.getByLabel('Observations or note').fill('Typed and then the laptop lid closed')
    await expect.poll(async () => (await h.t.database.db.selectFrom('drafts').where('child_id', '=', child).select('answers').executeTakeFirst())?.answers, { timeout: 15_000 })
      .toMatchObject({ body: 'Typed and then the laptop lid closed' })
    expect(await page.locator('[data-autosave-status]').textContent()).toContain('Draft saved')
    await page.goto(`/children/${child}/chronology`)
    await expectAccessible(page)
    await page.goto('/my-work')
    await expectAccessible(page)
    const manager = await h.newPage({ signInAs: 'team.manager' })
    await manager.goto('/team')
    await expectAccessible(manager)
    await manager.goto(`/children/${child}/allocate`)
    await expectAccessible(manager)
  })
})
