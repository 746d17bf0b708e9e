// The casework pages in Chromium, each checked with axe: the visit and note form (with errors, autosave
// and Save as draft without JavaScript), and the chronology with its filters and print version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, fillDate, startBrowserHarness, type BrowserHarness } from '../../../../test/support/browser.js'
import { allocate, createChild, userId } from '../../../../test/support/records.js'
import { appendChildEvent } from '../../../platform/events/child-events.js'
import { addDays, todayInEngland } from '../../../platform/working-days/local-date.js'

let h: BrowserHarness
beforeAll(async () => { h = await startBrowserHarness() }, 60_000)
afterAll(async () => { await h?.close() })

async function allocatedChild(): Promise<string> {
  const child = await createChild(h.t.database.db, { firstName: 'Ruby', lastName: 'Browser' })
  await allocate(h.t.database.db, child, 'social.worker')
  return child
}

const draftOf = async (child: string) => (await h.t.database.db.selectFrom('drafts').where('child_id', '=', child).select('answers').executeTakeFirst())?.answers

describe('the visit and note form', () => {
  it('shows errors next to the fields, autosaves while typing, and records the visit onto the chronology', async () => {
    const child = await allocatedChild()
    const page = await h.newPage({ signInAs: 'social.worker' })
    await page.goto(`/children/${child}/notes/new`)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select whether you are recording a visit or a case note')
    await expectAccessible(page)

    await page.getByLabel('A visit').check()
    await page.getByLabel('Type of visit').selectOption('statutory')
    await page.getByRole('group', { name: 'Was the child seen?' }).getByLabel('No').check()
    await page.getByRole('group', { name: 'Was the child seen alone?' }).getByLabel('Yes').check()
    await fillDate(page, 'occurred', addDays(todayInEngland(), 3))
    await page.getByLabel('Observations or note').fill('Nobody answered the door; curtains drawn.')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    const summary = await page.locator('.govuk-error-summary').textContent()
    expect(summary).toContain('The date of the visit must be today or in the past')
    expect(summary).toContain('The child cannot have been seen alone if they were not seen')
    expect(await page.getByLabel('Observations or note').inputValue()).toBe('Nobody answered the door; curtains drawn.')
    await expectAccessible(page)

    // With JavaScript the draft saves itself every few seconds while the user types.
    await page.getByLabel('Observations or note').fill('Nobody answered the door; curtains drawn. Neighbour says the family moved.')
    await expect.poll(async () => (await draftOf(child))?.body, { timeout: 20_000 }).toBe('Nobody answered the door; curtains drawn. Neighbour says the family moved.')
    await expect.poll(() => page.locator('[data-autosave-status]').textContent()).toMatch(/Draft saved at \d{1,2}:\d{2}(am|pm)/)

    await fillDate(page, 'occurred', todayInEngland())
    await page.getByRole('group', { name: 'Was the child seen alone?' }).getByLabel('No').check()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/children/${child}/chronology`)
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Visit recorded.')
    expect(await page.locator('.moj-timeline__title').first().textContent()).toContain('Significant')
    expect(await page.locator('.moj-timeline__title').first().textContent()).toContain('Statutory visit: child not seen')
    expect(await draftOf(child)).toBeUndefined()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Statutory visit: child not seen' }).click()
    expect(await page.locator('main').textContent()).toContain('Neighbour says the family moved.')
    await expectAccessible(page)
  })

  it('saves a draft without JavaScript and restores it on the next visit', async () => {
    const child = await allocatedChild()
    const page = await h.newPage({ signInAs: 'social.worker', javaScript: false })
    await page.goto(`/children/${child}/notes/new`)
    await page.getByLabel('A case note').check()
    await page.getByLabel('Subject').fill('Call from the GP')
    await page.getByLabel('Observations or note').fill('GP worried about missed appointments.')
    await page.getByRole('button', { name: 'Save as draft' }).click()
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Draft saved.')
    await page.goto(`/children/${child}`)
    await page.goto(`/children/${child}/notes/new`)
    expect(await page.locator('.govuk-inset-text').textContent()).toContain('has been restored')
    expect(await page.getByLabel('Subject').inputValue()).toBe('Call from the GP')
    expect(await page.getByLabel('Observations or note').inputValue()).toBe('GP worried about missed appointments.')
    await expectAccessible(page)
  })
})

describe('the chronology', () => {
  it('filters with checkboxes without JavaScript, and has an accessible print version', async () => {
    const child = await allocatedChild()
    const worker = await userId(h.t.database.db, 'social.worker')
    for (const [type, summary, significant] of [['contact.recorded', 'Contact from the school', false], ['visit.recorded', 'Statutory visit: child seen alone', false], ['referral.opened', 'Referral opened', true]] as const) {
      await appendChildEvent(h.t.database.db, { laCode: '886', childId: child, type, occurredAt: new Date(), recordedBy: worker, summary, significant })
    }
    const page = await h.newPage({ signInAs: 'social.worker', javaScript: false })
    await page.goto(`/children/${child}/chronology`)
    expect(await page.locator('.moj-timeline__item').count()).toBe(3)
    await expectAccessible(page)
    await page.getByLabel('Visits (1)').check()
    await page.getByLabel('Referrals (1)').check()
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect.poll(() => new URL(page.url()).search).toBe('?group=referrals&group=visits')
    expect(await page.locator('.moj-timeline__title').allTextContents()).toEqual([expect.stringContaining('Referral opened'), 'Statutory visit: child seen alone'])
    expect(await page.locator('#chronology-count').textContent()).toContain('Showing 2 of 3 events')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Print this chronology' }).click()
    expect(await page.locator('.moj-timeline__item').count()).toBe(2)
    await expectAccessible(page)

    const withScript = await h.newPage({ signInAs: 'social.worker' })
    await withScript.goto(`/children/${child}/chronology?print=true`)
    await expect.poll(() => withScript.getByRole('button', { name: 'Print' }).isVisible()).toBe(true)
    await expectAccessible(withScript)
  })
})
