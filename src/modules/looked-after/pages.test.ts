// The looked-after journey in Chromium, every page checked with axe (WCAG 2.2 AA): the child comes into care
// under section 20 (with errors first), an interim care order, a placement move recorded by the placement
// officer, a review recorded by the reviewing officer and a visit, with the deadlines checked on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { allocate, createChild } from '../../../test/support/records.js'

let h: BrowserHarness
let childId: string
beforeAll(async () => {
  h = await startBrowserHarness()
  childId = await createChild(h.t.database.db, { firstName: 'Mia', lastName: 'Hart', dateOfBirth: '2014-02-10' })
  await allocate(h.t.database.db, childId, 'social.worker')
})
afterAll(async () => { await h?.close() })

async function fillDate(page: Page, name: string, date: string) {
  await page.locator(`#${name}-day`).fill(String(Number(date.slice(8))))
  await page.locator(`#${name}-month`).fill(String(Number(date.slice(5, 7))))
  await page.locator(`#${name}-year`).fill(date.slice(0, 4))
}
const settle = (page: Page, path: RegExp) => expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toMatch(path)

describe('looked-after journey in a browser', () => {
  it('section 20, interim care order, a move, a review and a visit, with deadlines on the page', async () => {
    const page = await h.newPage({ signInAs: 'social.worker' })
    await page.goto(`/children/${childId}/looked-after`)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Record the child coming into care' }).click()
    await settle(page, /\/looked-after\/start$/)
    await expectAccessible(page)
    await fillDate(page, 'startDate', '2026-03-02')
    await page.getByLabel('Legal status (LS)').selectOption('V2')
    await page.getByLabel('Category of need (CIN)').selectOption('N1')
    await page.getByLabel('Type of placement (PLACE)').selectOption('U6')
    await page.getByLabel('Placement provider (PLACE_PROVIDER)').selectOption('PR1')
    await page.getByLabel('Ofsted unique reference number (URN)').fill('12X')
    await page.getByLabel('Postcode of the home the child came from').fill('ME14 1XX')
    await page.getByLabel('Postcode of the placement').fill('CT9 1AA')
    await page.getByRole('radio', { name: /An ordinary placement/ }).check()
    await page.getByRole('radio', { name: 'None, or not known' }).check()
    await page.getByRole('button', { name: 'Record coming into care' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: /)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the Ofsted URN as 6 or 7 digits')
    expect(await page.getByLabel('Postcode of the placement').inputValue()).toBe('CT9 1AA')
    await expectAccessible(page)
    await page.getByLabel('Ofsted unique reference number (URN)').fill('1234567')
    await page.getByRole('button', { name: 'Record coming into care' }).click()
    await settle(page, /\/looked-after\?recorded=started$/)
    expect(await page.locator('main').textContent()).toContain('Over 20 miles')
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Record a new legal status' }).click()
    await expectAccessible(page)
    await fillDate(page, 'date', '2026-03-20')
    await page.getByLabel('New legal status (LS)').selectOption('C1')
    await page.getByRole('button', { name: 'Record the legal status' }).click()
    await settle(page, /recorded=legal-status$/)

    const officer = await h.newPage({ signInAs: 'placements' })
    await officer.goto(`/placements/children/${childId}/change`)
    await expectAccessible(officer)
    await fillDate(officer, 'date', '2026-04-10')
    await officer.getByRole('radio', { name: 'No' }).check()
    await officer.getByLabel('Type of placement (PLACE)').selectOption('U4')
    await officer.getByLabel('Placement provider (PLACE_PROVIDER)').selectOption('PR4')
    await officer.getByLabel('Ofsted unique reference number (URN)').fill('SC123456')
    await officer.getByLabel('Postcode of the home the child came from').fill('ME14 1XX')
    await officer.getByLabel('Postcode of the placement').fill('ME15 6AA')
    await officer.getByRole('radio', { name: /An ordinary placement/ }).check()
    await officer.getByLabel('Reason for the placement change').selectOption('CARPL')
    await officer.getByRole('button', { name: 'Record the change' }).click()
    await settle(officer, /recorded=placement$/)
    await expectAccessible(officer)

    const iro = await h.newPage({ signInAs: 'iro' })
    await iro.goto(`/reviewing/children/${childId}/looked-after-review`)
    await fillDate(iro, 'date', '2026-03-25')
    await iro.getByRole('radio', { name: /^PN1:/ }).check()
    await iro.getByRole('button', { name: 'Record the review' }).click()
    await settle(iro, /recorded=review$/)
    await expectAccessible(iro)

    await page.goto(`/children/${childId}/looked-after/visits/new`)
    await expectAccessible(page)
    await fillDate(page, 'date', '2026-04-15')
    await page.getByRole('radio', { name: 'Yes' }).check()
    await page.getByRole('button', { name: 'Record the visit' }).click()
    await settle(page, /recorded=visit$/)
    const main = await page.locator('main').textContent()
    expect(main).toContain('Hold the second looked-after review')
    expect(main).toContain('Due 25 June 2026')
    expect(main).toContain('Due 27 May 2026')
    expect(main).toContain('Moved to a new carer (P)')
    await expectAccessible(page)
    await page.goto(`/children/${childId}`)
    expect(await page.locator('#looked-after').count()).toBe(1)
    await expectAccessible(page)
  })
})
