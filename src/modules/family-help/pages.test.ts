// Family Help and child in need pages in Chromium, each checked with axe (WCAG 2.2 AA): starting Family Help
// (with errors), the plan, a goal and its progress, a review, the assessment's completion, ending, "My families";
// the child in need page, a CIN plan, its review, closing with a reason, stepping down and stepping up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { allocate, createChild, userId } from '../../../test/support/records.js'
import { openReferralFor } from './referrals.js'

let h: BrowserHarness
let childId: string
beforeAll(async () => {
  h = await startBrowserHarness()
  childId = await createChild(h.t.database.db, { firstName: 'Leo', lastName: 'Marchbank', dateOfBirth: '2017-09-01' })
  await allocate(h.t.database.db, childId, 'social.worker')
})
afterAll(async () => { await h?.close() })

async function fillDate(page: Page, name: string, date: string) {
  await page.locator(`#${name}-day`).fill(String(Number(date.slice(8))))
  await page.locator(`#${name}-month`).fill(String(Number(date.slice(5, 7))))
  await page.locator(`#${name}-year`).fill(date.slice(0, 4))
}

const settle = (page: Page, path: RegExp) => expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toMatch(path)

describe('family help pages in a browser', () => {
  it('start, plan, goal, progress, review, assessment completed, My families and end', async () => {
    const page = await h.newPage({ signInAs: 'social.worker' })
    await page.goto(`/children/${childId}/family-help`)
    expect(await page.locator('h1').textContent()).toContain('Family help plan')
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Start Family Help' }).click()
    await settle(page, /\/family-help\/start$/)
    await expectAccessible(page)
    await fillDate(page, 'startDate', '2026-01-12')
    await page.getByLabel('Why does the family need help?').fill('Support with routines and school attendance')
    await page.getByLabel('Lead practitioner').selectOption({ label: 'Aisha Rahman (Family help)' })
    await page.getByRole('button', { name: 'Start Family Help' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: /)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select the social worker who supervises Aisha Rahman')
    expect(await page.getByLabel('Why does the family need help?').inputValue()).toBe('Support with routines and school attendance')
    await expectAccessible(page)
    await page.getByLabel('Supervising social worker').selectOption({ label: 'Sam Okafor (Assessment and intervention)' })
    await page.getByRole('button', { name: 'Start Family Help' }).click()
    await settle(page, /\/family-help\?recorded=started$/)
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Family Help has started')
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Add a goal' }).click()
    await settle(page, /\/goals\/new$/)
    await expectAccessible(page)
    await page.getByLabel('Add a goal to the plan').fill('Leo is at school every day this term')
    await page.getByRole('button', { name: 'Add the goal' }).click()
    await settle(page, /recorded=goal$/)
    await page.getByRole('link', { name: 'Change progress of goal 1' }).click()
    await expectAccessible(page)
    await page.getByRole('radio', { name: 'In progress' }).check()
    await page.getByRole('button', { name: 'Save progress' }).click()
    await settle(page, /recorded=progress$/)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Record a review' }).click()
    await settle(page, /\/reviews\/new$/)
    await fillDate(page, 'reviewDate', '2026-01-05')
    await page.getByLabel('What did the review find?').fill('Attendance is up')
    await page.getByRole('button', { name: 'Record the review' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: /)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('The review date must be on or after the day Family Help started')
    await expectAccessible(page)
    await fillDate(page, 'reviewDate', '2026-02-02')
    await page.getByRole('button', { name: 'Record the review' }).click()
    await settle(page, /recorded=review$/)
    expect(await page.locator('main').textContent()).toContain('2 May 2026')

    await page.getByRole('link', { name: 'Record when the assessment was completed' }).click()
    await settle(page, /\/assessment$/)
    await fillDate(page, 'completedOn', '2026-01-30')
    await page.getByRole('button', { name: 'Save' }).click()
    await settle(page, /recorded=assessment$/)
    expect(await page.locator('main').textContent()).toContain('30 January 2026')
    await expectAccessible(page)

    const lead = await h.newPage({ signInAs: 'family.help' })
    await lead.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My families' }).click()
    await settle(lead, /^\/my-families$/)
    expect(await lead.locator('main').textContent()).toContain('Leo Marchbank')
    await expectAccessible(lead)

    await page.getByRole('link', { name: 'End Family Help' }).click()
    await settle(page, /\/end$/)
    await expectAccessible(page)
  })

  it('child in need: plan, review, close (with errors), step down, then step up', async () => {
    const db = h.t.database.db
    const cinChild = await createChild(db, { firstName: 'Isla', lastName: 'Penrose', dateOfBirth: '2015-03-03' })
    await allocate(db, cinChild, 'social.worker')
    const actor = { id: await userId(db, 'social.worker'), laCode: '886' }
    await db.transaction().execute((trx) => openReferralFor(trx, actor, cinChild,
      { referralDate: '2026-01-05', reason: 'Referral from school', familyHelpEpisodeId: '' }))
    const page = await h.newPage({ signInAs: 'social.worker' })
    await page.goto(`/children/${cinChild}/child-in-need`)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Start a child in need plan' }).click()
    await settle(page, /\/plans\/new$/)
    await expectAccessible(page)
    await fillDate(page, 'startDate', '2026-01-19')
    await page.getByRole('button', { name: 'Start the plan' }).click()
    await settle(page, /recorded=plan$/)
    expect(await page.locator('main').textContent()).toContain('Next review due 19 April 2026')
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Record a review' }).click()
    await page.getByRole('button', { name: 'Record the review' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: /)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select what the review decided')
    await expectAccessible(page)
    await fillDate(page, 'reviewDate', '2026-02-16')
    await page.getByRole('radio', { name: 'The plan continues as it is' }).check()
    await page.getByRole('button', { name: 'Record the review' }).click()
    await settle(page, /recorded=review$/)

    await page.getByRole('link', { name: 'Add a goal' }).click()
    await expectAccessible(page)
    await page.getByLabel('Add a goal to the plan').fill('Isla sees her dentist')
    await page.getByRole('button', { name: 'Add the goal' }).click()
    await settle(page, /recorded=goal$/)

    await page.getByRole('link', { name: 'Close the case' }).click()
    await fillDate(page, 'closureDate', '2026-01-10')
    await page.getByRole('button', { name: 'Close the case' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: /)
    const summary = await page.locator('.govuk-error-summary').textContent()
    expect(summary).toContain('Select why the case is closing')
    expect(summary).toContain('The closure date must be on or after the day the child in need plan started')
    await expectAccessible(page)

    await page.goto(`/children/${cinChild}/child-in-need/step-down`)
    expect(await page.locator('main').textContent()).toContain('Isla sees her dentist')
    await expectAccessible(page)
    await fillDate(page, 'closureDate', '2026-03-02')
    await page.getByLabel('Why does the family still need help?').fill('Keep going with health appointments')
    await page.getByLabel('Lead practitioner').selectOption({ label: 'Aisha Rahman (Family help)' })
    await page.getByLabel('Supervising social worker').selectOption({ label: 'Sam Okafor (Assessment and intervention)' })
    await page.getByRole('button', { name: 'Step down to Family Help' }).click()
    await settle(page, /\/family-help\?recorded=stepped-down$/)
    expect(await page.locator('main').textContent()).toContain('Isla sees her dentist')
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Step up to children’s social care' }).click()
    await settle(page, /\/step-up$/)
    await expectAccessible(page)
    await fillDate(page, 'referralDate', '2026-03-09')
    await page.getByLabel('Why does the family need children’s social care?').fill('New concerns')
    await page.getByRole('button', { name: 'Refer to children’s social care' }).click()
    await settle(page, /\/child-in-need\?recorded=stepped-up$/)
    await expectAccessible(page)
    const childPage = await h.newPage({ signInAs: 'social.worker' })
    await childPage.goto(`/children/${cinChild}`)
    expect(await childPage.locator('#family-help').count()).toBe(1)
    await expectAccessible(childPage)
  })
})
