// The front door's pages in Chromium, each checked with axe: finding the child, recording a contact
// (with errors), the queue, deciding (with errors) and the decided contact; and the same without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible, fillDate, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { createChild } from '../../../test/support/records.js'
import { addDays, todayInEngland } from '../../platform/working-days/local-date.js'

let h: BrowserHarness
beforeAll(async () => { h = await startBrowserHarness() }, 60_000)
afterAll(async () => { await h?.close() })

const yesterday = () => addDays(todayInEngland(), -1)

async function fillContact(page: Page): Promise<void> {
  await fillDate(page, 'received', yesterday())
  await page.getByLabel('Time received').fill('10:00')
  await page.getByLabel('Name of the person who made contact').fill('Anonymous')
  await page.getByLabel('Who is the referrer?').selectOption('9')
  await page.getByLabel('What is the concern?').fill('Child heard screaming late at night.')
  await page.getByLabel('Not asked: asking would put the child at risk').check()
  await page.getByLabel('If not, why not?').fill('Risk of harm if the parents are told')
}

async function fillDecision(page: Page, time: string): Promise<void> {
  await page.getByLabel('Referral to children’s social care').check()
  await page.getByLabel('Child’s primary need').selectOption('N1')
  await fillDate(page, 'decided', yesterday())
  await page.getByLabel('Time of the decision').fill(time)
  await page.getByLabel('Reason for the decision').fill('Needs a child and family assessment')
  await page.getByLabel('What the referrer was told').fill('Anonymous caller: no feedback possible')
  await fillDate(page, 'feedbackGiven', yesterday())
}

describe('front door pages', () => {
  it('finds no match, records a new child with the contact (errors first), decides it (errors first), all accessibly', async () => {
    const page = await h.newPage({ signInAs: 'front.door' })
    await page.goto('/front-door')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Record a contact' }).click()
    await page.getByLabel('Child’s name, date of birth or NHS number').fill('Poppy Nobody')
    await page.getByRole('button', { name: 'Search' }).click()
    expect(await page.locator('#results').textContent()).toContain('0 children found')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Record a contact about a child who is not known' }).click()
    await expectAccessible(page)

    await page.getByLabel('First name').fill('Poppy')
    await page.getByRole('button', { name: 'Record contact' }).click()
    const summary = page.locator('.govuk-error-summary')
    expect(await summary.textContent()).toContain('Enter the child’s last name')
    expect(await summary.textContent()).toContain('Enter the concern')
    expect(await page.getByLabel('First name').inputValue()).toBe('Poppy')
    await expectAccessible(page)

    await page.getByLabel('Last name').fill('Browser')
    await fillDate(page, 'childDob', '2017-04-09')
    await fillContact(page)
    await page.getByRole('button', { name: 'Record contact' }).click()
    await page.waitForURL(/\/front-door\/contacts\/[0-9a-f-]{36}$/)
    expect(await page.locator('h1').textContent()).toContain('Decide what happens next')
    await expectAccessible(page)

    await fillDecision(page, '9:00')
    await page.getByRole('button', { name: 'Record decision' }).click()
    expect(await summary.textContent()).toContain('The decision cannot be before the contact was received at 10:00am')
    expect(await page.getByLabel('Reason for the decision').inputValue()).toBe('Needs a child and family assessment')
    await expectAccessible(page)

    await page.getByLabel('Time of the decision').fill('11:00')
    await page.getByRole('button', { name: 'Record decision' }).click()
    await page.waitForURL(/\/front-door\?decided=/)
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Decision recorded')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'View the contact and its decision' }).click()
    expect(await page.locator('main').textContent()).toContain('Anonymous caller: no feedback possible')
    await expectAccessible(page)
  })

  it('lists contacts and takes a decision without JavaScript', async () => {
    const child = await createChild(h.t.database.db, { firstName: 'Nojs', lastName: 'Queue' })
    const page = await h.newPage({ signInAs: 'front.door', javaScript: false })
    await page.goto(`/children/${child}/contacts/new`)
    await fillContact(page)
    await page.getByRole('button', { name: 'Record contact' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/front-door\/contacts\//)
    await page.goto('/front-door')
    const row = page.locator('tr', { hasText: 'Nojs Queue' })
    expect(await row.textContent()).toMatch(/Due today|Overdue|Due \d/)
    await expectAccessible(page)
    await row.getByRole('link', { name: 'Nojs Queue' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/front-door\/contacts\//)
    await fillDecision(page, '11:00')
    await page.getByRole('button', { name: 'Record decision' }).click()
    await expect.poll(() => new URL(page.url()).search).toContain('decided=')
    expect(await page.locator('main').textContent()).not.toContain('Nojs Queue')
  })
})
