// Administrators keep the bank holidays up to date; deadlines use the table, not a computed list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { holidayCalendar } from '../working-days/holiday-store.js'
import { addWorkingDays } from '../working-days/working-days.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

describe('bank holidays administration', () => {
  it('starts with the GOV.UK list, so 1 working day after Christmas Eve 2026 is 29 December', async () => {
    expect(addWorkingDays('2026-12-24', 1, await holidayCalendar(t.database.db))).toBe('2026-12-29')
  })

  it('adds a one-off bank holiday that deadlines then skip, and removes it again', async () => {
    const admin = await signedIn(t.app, 'admin')
    const added = await admin.post('/admin/bank-holidays', { 'date-day': '8', 'date-month': '6', 'date-year': '2027', title: 'Bank holiday for a royal event' })
    expect(added.statusCode).toBe(303)
    expect(addWorkingDays('2027-06-07', 1, await holidayCalendar(t.database.db))).toBe('2027-06-09')
    const page = await admin.get(String(added.headers.location))
    expect(page.body).toContain('Bank holiday for a royal event')
    expect((await admin.post('/admin/bank-holidays/remove', { date: '2027-06-08' })).statusCode).toBe(303)
    expect(addWorkingDays('2027-06-07', 1, await holidayCalendar(t.database.db))).toBe('2027-06-08')
  })

  it('keeps what was typed and explains an impossible date', async () => {
    const admin = await signedIn(t.app, 'admin')
    const response = await admin.post('/admin/bank-holidays', { 'date-day': '31', 'date-month': '2', 'date-year': '2027', title: 'Not a day' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('must be a real date')
    expect(response.body).toContain('value="Not a day"')
    expect(await t.database.db.selectFrom('bank_holidays').where('title', '=', 'Not a day').select('date').execute()).toEqual([])
  })

  it('is for administrators only', async () => {
    const worker = await signedIn(t.app, 'social.worker')
    expect((await worker.get('/admin/bank-holidays')).statusCode).toBe(403)
    expect((await worker.post('/admin/bank-holidays', { 'date-day': '1', 'date-month': '7', 'date-year': '2027', title: 'x' })).statusCode).toBe(403)
  })
})

describe('administration pages in a browser', () => {
  let h: BrowserHarness
  beforeAll(async () => { h = await startBrowserHarness() })
  afterAll(async () => { await h?.close() })

  it('shows the administration and bank holiday pages accessibly, with errors', async () => {
    const page = await h.newPage({ signInAs: 'admin' })
    await page.goto('/admin')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Bank holidays' }).click()
    await expectAccessible(page)
    await page.getByLabel('Name').fill('Extra day')
    await page.getByRole('button', { name: 'Add bank holiday' }).click()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the date of the bank holiday')
    await expectAccessible(page)
  })
})
