// Checking a return in Chromium with axe: the upload form, a file that cannot be read (the GOV.UK error summary
// naming the file and line), then the report of a readable return and its CSV download.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { toCsv } from '../../platform/http/csv.js'
import { synthetic903 } from './bench/synthetic-903.js'

let h: BrowserHarness
beforeAll(async () => { h = await startBrowserHarness() })
afterAll(async () => { await h?.close() })

const files = Object.entries(synthetic903(12, 2026, 'page-test'))
  .map(([name, table]) => ({ name: `${name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(toCsv(table.columns, table.rows)) }))

describe('checking a return in the browser', () => {
  it('takes the files, explains a file it cannot read, and shows the report with its CSV', async () => {
    const page = await h.newPage({ signInAs: 'analyst' })
    await page.goto('/returns/validate')
    await expectAccessible(page)

    await page.getByLabel('SSDA903 (children looked after)').check()
    const broken = files.map((f) => (f.name === 'Header.csv' ? { ...f, buffer: Buffer.from('NAME,AGE\nAmy,4\n') } : f))
    await page.getByLabel('Files of the return').setInputFiles(broken)
    await page.getByRole('button', { name: 'Check the return' }).click()
    const summary = page.locator('.govuk-error-summary')
    await expect.poll(() => summary.textContent()).toContain('Header.csv, line 1: the header row (NAME, AGE) does not match any SSDA903 table')
    expect(await page.getByLabel('SSDA903 (children looked after)').isChecked()).toBe(true)
    await expectAccessible(page)

    await page.getByLabel('Files of the return').setInputFiles(files)
    await page.getByRole('button', { name: 'Check the return' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^SSDA903 \d{4} to \d{4}: validation report$/)
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Header.csv')
    expect(await page.locator('table.govuk-table tbody tr').count()).toBeGreaterThan(0)
    await expectAccessible(page)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download this report as CSV' }).click()])
    expect(download.suggestedFilename()).toMatch(/^903_\d{4}_validation_report\.csv$/)
  })
})
