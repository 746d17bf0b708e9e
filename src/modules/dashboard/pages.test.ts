// The dashboard in Chromium, each page checked with axe: the dashboard, an indicator's chart and figures, the
// children behind it, and a staff record added with an error first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { buildAuthority } from './test-data.js'

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
  await buildAuthority(h.t.database.db)
}, 60_000)
afterAll(async () => { await h?.close() })

describe('dashboard pages', () => {
  it('goes from the dashboard to an indicator, its definition and the children behind it (each linked to their record)', async () => {
    const analyst = await h.newPage({ signInAs: 'analyst' })
    await analyst.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dashboard' }).click()
    await analyst.getByLabel('Period').selectOption({ label: 'Year ending 31 March 2026' })
    await analyst.getByRole('button', { name: 'Show figures' }).click()
    expect(await analyst.locator('h1').textContent()).toBe('National Framework dashboard')
    await expectAccessible(analyst)

    await analyst.getByRole('link', { name: 'Children looked after with 3 or more placements in the year' }).click()
    await analyst.getByText('How this is measured').click()
    expect(await analyst.locator('.govuk-details__text').textContent()).toContain('the placement they were in when the period began')
    expect(await analyst.locator('#chart-title').textContent()).toContain('Children looked after with 3 or more placements')
    expect(await analyst.locator('#figures tbody tr').last().textContent()).toContain('50.0%')
    await expectAccessible(analyst)

    await analyst.getByRole('link', { name: /The children behind this figure/ }).click()
    expect(await analyst.getByRole('link', { name: 'L1 Dashboard' }).getAttribute('href')).toMatch(/^\/children\/[0-9a-f-]{36}$/)
    await expectAccessible(analyst)

    const manager = await h.newPage({ signInAs: 'team.manager' })
    await manager.goto('/workforce/staff/new')
    await manager.getByRole('button', { name: 'Save' }).click()
    expect(await manager.locator('.govuk-error-summary').textContent()).toContain('Enter the social worker’s name')
    await expectAccessible(manager)
    for (const page of ['/workforce/vacancies', '/workforce/census']) {
      expect((await manager.goto(page))?.status(), page).toBe(200)
      await expectAccessible(manager)
    }

    const admin = await h.newPage({ signInAs: 'admin' })
    await admin.goto('/dashboard/population')
    await admin.getByLabel('Children aged 0 to 17').fill('lots')
    await admin.getByRole('button', { name: 'Save' }).click()
    expect(await admin.getByLabel('Children aged 0 to 17').inputValue()).toBe('lots')
    expect(await admin.locator('.govuk-error-summary').count()).toBe(1)
    await expectAccessible(admin)
  })
})
