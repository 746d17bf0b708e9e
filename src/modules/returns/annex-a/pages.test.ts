// The Annex A page in Chromium, checked with axe: reached from the navigation, a range with errors, then the counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../../test/support/browser.js'
import { createChild, lookedAfterBetween } from '../../../../test/support/records.js'

let h: BrowserHarness
beforeAll(async () => { h = await startBrowserHarness() }, 60_000)
afterAll(async () => { await h?.close() })

describe('the Annex A page', () => {
  it('shows errors beside the dates it could not read, then the rows in each list', async () => {
    await lookedAfterBetween(h.t.database.db, await createChild(h.t.database.db, { laChildId: 'C-CARE' }), '2025-06-01', null)
    const page = await h.newPage({ signInAs: 'analyst' })
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Ofsted Annex A' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/returns/annex-a')
    await expectAccessible(page)

    const from = page.getByRole('group', { name: 'First day of the range' })
    const to = page.getByRole('group', { name: 'Last day of the range' })
    await from.getByLabel('Day').fill('31')
    await from.getByLabel('Month').fill('2')
    await from.getByLabel('Year').fill('2025')
    await to.getByLabel('Year').fill('')
    await page.getByRole('button', { name: 'Show the lists' }).click()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('The first day of the range must be a real date')
    expect(await from.getByLabel('Day').inputValue()).toBe('31')
    await expectAccessible(page)

    await from.getByLabel('Day').fill('1')
    await from.getByLabel('Month').fill('4')
    await to.getByLabel('Day').fill('31')
    await to.getByLabel('Month').fill('3')
    await to.getByLabel('Year').fill('2026')
    await page.getByRole('button', { name: 'Show the lists' }).click()
    expect(await page.getByRole('row', { name: /List 8: Children in care/ }).locator('td').first().textContent()).toBe('1')
    expect(await page.getByRole('link', { name: /Download the workbook/ }).getAttribute('href')).toBe('/returns/annex-a/annex-a.xlsx?from=2025-04-01&to=2026-03-31')
    await expectAccessible(page)
  })
})
