// The adopters' pages in Chromium, each checked with axe (WCAG 2.2 AA): the list, adding a single adopter (first with
// a mistake), the household, the recruitment stages to approval, and matching the adopter with a child.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, fillDate, settle, startBrowserHarness, type BrowserHarness } from '../../../../test/support/browser.js'
import { todayInEngland } from '../../../platform/working-days/local-date.js'
import { childToBeAdopted } from './test-kit.js'

let h: BrowserHarness
const today = todayInEngland()

beforeAll(async () => {
  h = await startBrowserHarness()
  await childToBeAdopted(h.t.database.db, { firstName: 'Rosie', lastName: 'Fairweather' }, '2024-03-01', '2024-09-02')
})
afterAll(async () => { await h?.close() })

describe('the adopters’ pages', () => {
  it('take a single adopter from enquiry to approval and a match with a child', async () => {
    const page = await h.newPage({ signInAs: 'placements' })
    await page.goto('/')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Adopters' }).click()
    await settle(page, /^\/adopters$/)
    expect(await page.locator('main').textContent()).toContain('No prospective adopters are recorded yet')
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Add prospective adopters' }).click()
    await settle(page, /^\/adopters\/new$/)
    await expectAccessible(page)
    await page.locator('#legalStatus').check()
    await page.locator('#fosteringForAdoption-2').check()
    await fillDate(page, 'enquiryReceived', '2025-01-06')
    await page.locator('#adopter1-firstName').fill('Imogen')
    await page.locator('#adopter1-lastName').fill('Hartley')
    await page.locator('#adopter1-sex').check()
    await page.locator('#adopter1-gender').check()
    await page.locator('#adopter1-disability').check()
    await page.getByRole('button', { name: 'Add the adopters' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: /)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select the ethnicity of the first adopter')
    expect(await page.locator('#adopter1-firstName').inputValue()).toBe('Imogen')
    await expectAccessible(page)
    await page.locator('#adopter1-ethnicity').selectOption('WBRI')
    await page.getByRole('button', { name: 'Add the adopters' }).click()
    await settle(page, /^\/adopters\/[0-9a-f-]{36}\?added=true$/)
    expect(await page.locator('main').textContent()).toContain('Adopters can be matched with a child once they are approved')
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Update the recruitment stages' }).click()
    await fillDate(page, 'stage1Started', '2025-02-03')
    await fillDate(page, 'stage1Ended', '2025-04-01')
    await fillDate(page, 'stage2Started', '2025-04-07')
    await fillDate(page, 'stage2Ended', '2025-08-04')
    await fillDate(page, 'approved', '2025-09-01')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Save the stages' }).click()
    await settle(page, /\?updated=progress$/)

    await page.getByRole('link', { name: 'Match with a child' }).click()
    await expectAccessible(page)
    await page.getByLabel('Child').selectOption({ label: 'Rosie Fairweather, born 10 February 2023' })
    await fillDate(page, 'date', today)
    await page.getByRole('button', { name: 'Record the match' }).click()
    await settle(page, /\?updated=match$/)
    const household = (await page.locator('main').textContent()) ?? ''
    expect(household).toContain('The match has been recorded on the child’s adoption record')
    expect(household).toContain('Rosie Fairweather')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'All prospective adopters' }).click()
    expect(await page.locator('main').textContent()).toContain('Imogen Hartley')
  })
})
