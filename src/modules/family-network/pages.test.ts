// The module's pages in Chromium, each checked with axe (WCAG 2.2 AA): pre-proceedings and every FGDM step
// (with errors), the blocked application, the exemption, kinship (possible carers, viability, arrangements)
// and the kinship local offer, written by the administrator and read by a visitor who is not signed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible, fillDate, settle, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { addRelative } from '../../../test/support/records.js'
import { daysAgo, family, type Family } from './test-kit.js'

let h: BrowserHarness
beforeAll(async () => { h = await startBrowserHarness() })
afterAll(async () => { await h?.close() })

const errorShown = async (page: Page, message: string) => {
  await expect.poll(() => page.title()).toMatch(/^Error: /)
  expect(await page.locator('.govuk-error-summary').textContent()).toContain(message)
  await expectAccessible(page)
}

/** Fills a one-date step and submits it, landing back on the overview. */
async function dateStep(page: Page, name: string, date: string, button: string, recorded: RegExp) {
  await fillDate(page, name, date)
  await page.getByRole('button', { name: button }).click()
  await settle(page, recorded)
}

describe('pre-proceedings and family group decision making in a browser', () => {
  let f: Family
  beforeAll(async () => { f = await family(h.t.database.db) })

  it('every step, the blocked application, then the application', async () => {
    const page = await h.newPage({ signInAs: 'social.worker' })
    const base = `/children/${f.childId}/pre-proceedings`
    await page.goto(base)
    expect(await page.locator('h1').textContent()).toContain('Pre-proceedings and family group decision making')
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Start pre-proceedings' }).click()
    await settle(page, /\/start$/)
    await expectAccessible(page)
    await fillDate(page, 'decisionDate', daysAgo(-3))
    await page.getByRole('button', { name: 'Start pre-proceedings' }).click()
    await errorShown(page, 'The date of the decision must be today or in the past')
    await dateStep(page, 'decisionDate', daysAgo(60), 'Start pre-proceedings', /recorded=started$/)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Record the letter before proceedings' }).click()
    await expectAccessible(page)
    await dateStep(page, 'letterDate', daysAgo(55), 'Record the letter', /recorded=letter$/)
    await page.getByRole('link', { name: 'Add a pre-proceedings meeting' }).click()
    await expectAccessible(page)
    await dateStep(page, 'meetingDate', daysAgo(45), 'Record the meeting', /recorded=meeting$/)

    await page.getByRole('link', { name: 'Offer a family group decision-making meeting' }).click()
    await settle(page, /\/fgdm\/offer$/)
    await expectAccessible(page)
    await page.getByRole('checkbox', { name: 'Kerry Hollins' }).check()
    await page.getByRole('checkbox', { name: 'Dean Hollins' }).check()
    await fillDate(page, 'offeredOn', daysAgo(50))
    await page.getByRole('radio', { name: 'Yes' }).check()
    await page.getByRole('button', { name: 'Record the offer' }).click()
    await errorShown(page, 'An offer in the letter before proceedings is made the day the letter was sent')
    expect(await page.getByRole('checkbox', { name: 'Kerry Hollins' }).isChecked()).toBe(true)
    await dateStep(page, 'offeredOn', daysAgo(55), 'Record the offer', /recorded=offered$/)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Record answer from Kerry Hollins' }).click()
    await expectAccessible(page)
    await page.getByRole('radio', { name: 'Accepted' }).check()
    await dateStep(page, 'respondedOn', daysAgo(50), 'Record the answer', /recorded=accepted$/)
    await page.getByRole('link', { name: 'Record answer from Dean Hollins' }).click()
    await page.getByRole('radio', { name: 'Declined' }).check()
    await dateStep(page, 'respondedOn', daysAgo(50), 'Record the answer', /recorded=declined$/)
    expect(await page.locator('main').textContent()).toContain('Kerry Hollins accepted the offer')

    await page.getByRole('link', { name: 'Record the application for a care or supervision order' }).click()
    await settle(page, /\/application$/)
    expect(await page.locator('main').textContent()).toContain('The family group decision-making requirement is not met yet')
    await expectAccessible(page)
    await page.getByRole('radio', { name: 'Care order' }).check()
    await fillDate(page, 'appliedOn', daysAgo(5))
    await page.getByLabel('Court').fill('Family Court at Maidstone')
    await page.getByRole('button', { name: 'Record the application' }).click()
    await errorShown(page, 'Still needed: the family group decision-making meeting (Kerry Hollins accepted the offer)')
    expect(await page.getByLabel('Court').inputValue()).toBe('Family Court at Maidstone')

    await page.goto(`${base}/fgdm/meeting`)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Record the meeting' }).click()
    await errorShown(page, 'Select who came from the family network')
    await page.getByRole('checkbox', { name: 'Kerry Hollins' }).check()
    await page.getByRole('checkbox', { name: 'Jo Hollins' }).check()
    await page.getByLabel('The family plan').fill('Jo looks after Maisie on school nights')
    await dateStep(page, 'heldOn', daysAgo(30), 'Record the meeting', /recorded=fgdm-meeting$/)
    expect(await page.locator('main').textContent()).toContain('Requirement met')
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Record the decision' }).click()
    await expectAccessible(page)
    await page.getByRole('radio', { name: 'Issue care proceedings' }).check()
    await dateStep(page, 'outcomeDate', daysAgo(10), 'Record the decision', /recorded=decision-to-issue$/)
    await page.getByRole('link', { name: 'Record the application for a care or supervision order' }).click()
    await page.getByRole('radio', { name: 'Care order' }).check()
    await page.getByLabel('Court').fill('Family Court at Maidstone')
    await dateStep(page, 'appliedOn', daysAgo(5), 'Record the application', /recorded=application$/)
    expect(await page.locator('main').textContent()).toContain('Family Court at Maidstone')
    await expectAccessible(page)
  })

  it('a team manager authorises a best-interests exemption', async () => {
    const other = await family(h.t.database.db, { first: 'Ellis', last: 'Brook' })
    const worker = await h.newPage({ signInAs: 'social.worker' })
    await worker.goto(`/children/${other.childId}/pre-proceedings/start`)
    await dateStep(worker, 'decisionDate', daysAgo(20), 'Start pre-proceedings', /recorded=started$/)
    expect(await worker.locator('main').textContent()).toContain('a team manager in your line records the exemption')

    const manager = await h.newPage({ signInAs: 'team.manager' })
    await manager.goto(`/children/${other.childId}/pre-proceedings`)
    await manager.getByRole('link', { name: 'Record a best-interests exemption' }).click()
    await expectAccessible(manager)
    await fillDate(manager, 'decidedOn', daysAgo(15))
    await manager.getByRole('button', { name: 'Authorise the exemption' }).click()
    await errorShown(manager, 'Enter why a family group decision-making meeting is not in the child’s best interests')
    await manager.getByLabel('Why is a meeting not in the child’s best interests?').fill('A meeting would tell an abusive parent where the family lives')
    await manager.getByRole('button', { name: 'Authorise the exemption' }).click()
    await settle(manager, /recorded=exemption$/)
    expect(await manager.locator('main').textContent()).toContain('Priya Shah')
    await expectAccessible(manager)
  })
})

describe('kinship in a browser', () => {
  it('possible carers, a viability assessment and an arrangement, without JavaScript too', async () => {
    const f = await family(h.t.database.db, { first: 'Noah', last: 'Pryce' })
    await addRelative(h.t.database.db, f.childId, { firstName: 'Ron', lastName: 'Pryce', type: 'grandparent' })
    const page = await h.newPage({ signInAs: 'social.worker', javaScript: false })
    await page.goto(`/children/${f.childId}/kinship`)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Mark as possible carer for Ron Pryce' }).click()
    await settle(page, /recorded=carer-marked$/)
    expect(await page.getByRole('button', { name: 'Remove as possible carer for Ron Pryce' }).count()).toBe(1)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Start a viability assessment' }).click()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Start the assessment' }).click()
    await errorShown(page, 'Select a possible carer from the child’s family network')
    await page.getByRole('radio', { name: 'Ron Pryce' }).check()
    await dateStep(page, 'startedOn', daysAgo(20), 'Start the assessment', /recorded=viability-started$/)

    await page.getByRole('link', { name: 'Record the outcome for Ron Pryce' }).click()
    await expectAccessible(page)
    await page.getByRole('radio', { name: 'Positive' }).check()
    await page.getByLabel('Recommendation').fill('Full connected person assessment')
    await fillDate(page, 'completedOn', daysAgo(21))
    await page.getByRole('button', { name: 'Record the outcome' }).click()
    await errorShown(page, 'The date the assessment finished must be on or after the day it started')
    expect(await page.getByLabel('Recommendation').inputValue()).toBe('Full connected person assessment')
    await dateStep(page, 'completedOn', daysAgo(2), 'Record the outcome', /recorded=viability-completed$/)

    await page.getByRole('link', { name: 'Record a kinship arrangement' }).click()
    await expectAccessible(page)
    await page.getByRole('radio', { name: 'Ron Pryce' }).check()
    await page.getByRole('radio', { name: 'Special guardianship order' }).check()
    await dateStep(page, 'startedOn', daysAgo(1), 'Record the arrangement', /recorded=arrangement-started$/)
    expect(await page.locator('main').textContent()).toContain('Special guardianship order')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'End the arrangement with Ron Pryce' }).click()
    await expectAccessible(page)
  })
})

describe('the kinship local offer in a browser', () => {
  it('is written by the administrator and read by anyone', async () => {
    const admin = await h.newPage({ signInAs: 'admin' })
    await admin.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Kinship local offer' }).click()
    await settle(admin, /^\/kinship-local-offer$/)
    await expectAccessible(admin)
    await admin.getByRole('link', { name: 'Write the kinship local offer' }).click()
    await expectAccessible(admin)
    await admin.getByLabel('Financial support').fill('You can get a weekly allowance.\n\nWe help with legal costs.')
    await admin.getByRole('button', { name: 'Publish the offer' }).click()
    await errorShown(admin, 'Enter the practical support section')
    expect(await admin.getByLabel('Financial support').inputValue()).toContain('weekly allowance')
    await admin.getByLabel('Practical support').fill('Help with school places and childcare.')
    await admin.getByLabel('Training').fill('Free courses each month.')
    await admin.getByLabel('Contact us').fill('Call 01234 567890.')
    await admin.getByLabel('How to apply').fill('Ask your social worker.')
    await admin.getByRole('button', { name: 'Publish the offer' }).click()
    await settle(admin, /updated=true$/)
    await expectAccessible(admin)

    const visitor = await h.newPage()
    await visitor.goto('/kinship-local-offer')
    await expectAccessible(visitor)
    await visitor.getByRole('link', { name: 'Kent' }).click()
    await settle(visitor, /^\/kinship-local-offer\/886$/)
    expect(await visitor.locator('main').textContent()).toContain('We help with legal costs.')
    await expectAccessible(visitor)
  })
})
