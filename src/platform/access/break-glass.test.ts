// Break-glass: a reason is required, access is time-limited and audited, restricted records stay hidden.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { createChild } from '../../../test/support/records.js'
import { breakGlassHours } from './break-glass-routes.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

describe('emergency access', () => {
  it('refuses without a reason, then opens time-limited access with one, audited', async () => {
    const child = await createChild(t.database.db)
    const police = await signedIn(t.app, 'police')
    await police.get(`/children/${child}/emergency-access`)
    const empty = await police.post(`/children/${child}/emergency-access`, { reason: '' })
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('Enter why you need to see this child’s record now')
    expect(await t.database.db.selectFrom('break_glass_access').where('child_id', '=', child).selectAll().execute()).toEqual([])

    const reason = 'Child found alone at night; need to know who has parental responsibility'
    const opened = await police.post(`/children/${child}/emergency-access`, { reason })
    expect(opened.statusCode).toBe(303)
    const row = await t.database.db.selectFrom('break_glass_access').where('child_id', '=', child).selectAll().executeTakeFirstOrThrow()
    const hours = (new Date(row.expires_at).getTime() - new Date(row.opened_at).getTime()) / 3_600_000
    expect(hours).toBeCloseTo(breakGlassHours, 1)
    const entry = await t.database.db.selectFrom('audit_log').where('action', '=', 'child.break_glass_opened').where('child_id', '=', child).selectAll().executeTakeFirstOrThrow()
    expect(entry.purpose).toBe(reason)
  })

  it('does not offer emergency access to a restricted record', async () => {
    const child = await createChild(t.database.db, { restricted: true })
    const police = await signedIn(t.app, 'police')
    expect((await police.get(`/children/${child}/emergency-access`)).statusCode).toBe(404)
  })

  it('is not for roles outside casework and partner agencies', async () => {
    const child = await createChild(t.database.db)
    const analyst = await signedIn(t.app, 'analyst')
    expect((await analyst.get(`/children/${child}/emergency-access`)).statusCode).toBe(403)
  })
})

describe('emergency access page in a browser', () => {
  let h: BrowserHarness
  beforeAll(async () => { h = await startBrowserHarness() })
  afterAll(async () => { await h?.close() })

  it('is accessible, with and without an error', async () => {
    const child = await createChild(h.t.database.db)
    const page = await h.newPage({ signInAs: 'health.visitor' })
    await page.goto(`/children/${child}/emergency-access`)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Open the record' }).click()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter why you need')
    await expectAccessible(page)
  })
})
