// The tail of the journey in Chromium, every page checked with axe (WCAG 2.2 AA): a looked-after young person
// reaches 18, their needs assessment is recorded, they leave care on their 18th birthday and become a former
// relevant care leaver with a pathway plan, a personal adviser, the OC3 contact (the 19th birthday's: leaving on the
// 18th counts as looked after on it, 903 rule 1016) and Staying Put; the
// deadlines are checked at each step on their page and on "my work".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible, fillDate, settle, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { allocate, createChild, lookedAfterBetween } from '../../../test/support/records.js'
import { addDays, addMonths, addYears, todayInEngland } from '../../platform/working-days/local-date.js'
import { ukDate } from './dates.js'

let h: BrowserHarness
let childId: string
const today = todayInEngland()
const dob = addDays(addYears(today, -19), -20)
const at = (age: number) => addYears(dob, age)

beforeAll(async () => {
  h = await startBrowserHarness()
  childId = await createChild(h.t.database.db, { firstName: 'Leah', lastName: 'Grant', dateOfBirth: dob })
  await lookedAfterBetween(h.t.database.db, childId, addDays(at(15), 10), null)
  await allocate(h.t.database.db, childId, 'social.worker')
})
afterAll(async () => { await h?.close() })

const dueSection = async (page: Page) => (await page.locator('main').textContent()) ?? ''
const submitWithError = async (page: Page, button: string, message: string) => {
  await page.getByRole('button', { name: button }).click()
  await expect.poll(() => page.title()).toMatch(/^Error: /)
  expect(await page.locator('.govuk-error-summary').textContent()).toContain(message)
  await expectAccessible(page)
}

describe('leaving care journey in a browser', () => {
  it('from looked after at 18 to a former relevant care leaver with a pathway plan, deadlines checked at each step', async () => {
    const page = await h.newPage({ signInAs: 'social.worker' })
    const record = `/children/${childId}/care-leaver`
    await page.goto(record)
    await expectAccessible(page)
    let main = await dueSection(page)
    expect(main).toContain('Former relevant child')
    expect(main).toContain(`Due ${ukDate(addMonths(at(16), 3))}`) // CL-01, long overdue
    expect(main).toContain('Overdue')
    expect(main).not.toContain('around the 18th birthday') // still looked after on the birthday (903 rule 1007)

    await page.getByRole('link', { name: 'Record the needs assessment' }).first().click()
    await settle(page, /\/needs-assessment$/)
    await expectAccessible(page)
    await fillDate(page, 'date', addDays(at(14), -1))
    await submitWithError(page, 'Record the assessment', 'on or after the 14th birthday')
    await fillDate(page, 'date', addMonths(at(16), 2))
    await page.getByRole('button', { name: 'Record the assessment' }).click()
    await settle(page, /recorded=needs-assessment$/)
    expect(await dueSection(page)).not.toContain('Assess the eligible child')

    // Leaves care on the 18th birthday, through the looked-after record.
    await page.goto(`/children/${childId}/looked-after/leave`)
    await fillDate(page, 'date', at(18))
    await page.getByLabel('Reason the period of care ended (REC)').selectOption('E17')
    await page.getByRole('button', { name: 'Record leaving care' }).click()
    await settle(page, /recorded=ended$/)
    await page.goto(record)
    main = await dueSection(page)
    expect(main).not.toContain('around the 18th birthday') // left care that day (903 rule 1016)
    expect(main).toContain('Record in touch, activity and accommodation around the 19th birthday')
    expect(main).toContain(`Due ${ukDate(addMonths(at(19), 1))}`)

    await page.getByRole('link', { name: 'Record a pathway plan review' }).click()
    await fillDate(page, 'date', addDays(today, -2))
    await submitWithError(page, 'Record the review', 'There is no pathway plan to review')
    await page.goto(`${record}/pathway-plan`)
    await expectAccessible(page)
    const planDate = addDays(at(18), 2)
    await fillDate(page, 'date', planDate)
    await page.getByRole('button', { name: 'Record the pathway plan' }).click()
    await settle(page, /recorded=pathway-plan$/)
    expect(await dueSection(page)).toContain(`Due ${ukDate(addMonths(planDate, 6))}`) // CL-02
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Record a personal adviser' }).click()
    await expectAccessible(page)
    await page.getByLabel('Personal adviser’s name').fill('Omar Reid')
    await fillDate(page, 'from', addDays(at(18), 1))
    await fillDate(page, 'to', at(18))
    await submitWithError(page, 'Record the personal adviser', 'The end date must be on or after the date the adviser started')
    expect(await page.getByLabel('Personal adviser’s name').inputValue()).toBe('Omar Reid')
    await page.locator('#to-day').fill('')
    await page.locator('#to-month').fill('')
    await page.locator('#to-year').fill('')
    await page.getByRole('button', { name: 'Record the personal adviser' }).click()
    await settle(page, /recorded=adviser$/)

    await page.getByRole('link', { name: 'Record in touch, activity and accommodation around the 19th birthday' }).first().click()
    await settle(page, /birthday-contacts\/new\?age=19$/)
    await expectAccessible(page)
    expect(await page.getByRole('radio', { name: '19th birthday' }).isChecked()).toBe(true)
    await fillDate(page, 'date', addDays(at(19), 3))
    await page.getByRole('radio', { name: /^DIED:/ }).check()
    await page.getByRole('radio', { name: /^F4:/ }).check()
    await page.getByLabel('Accommodation (ACCOM)').selectOption('Z1')
    await submitWithError(page, 'Record the contact', '903 rule 344')
    await page.getByRole('radio', { name: /^YES:/ }).check()
    await page.getByRole('button', { name: 'Record the contact' }).click()
    await settle(page, /recorded=contact$/)
    main = await dueSection(page)
    expect(main).not.toContain('around the 19th birthday')
    expect(main).toContain('With former foster carers (Staying Put): suitable')

    await page.getByRole('link', { name: 'Record a Staying Put arrangement' }).click()
    await expectAccessible(page)
    await page.getByLabel('Former foster carer’s name').fill('Ruth Carter')
    await fillDate(page, 'start', at(18))
    await page.getByRole('button', { name: 'Record Staying Put' }).click()
    await settle(page, /recorded=staying-put$/)
    await expectAccessible(page)

    await page.goto('/my-work')
    expect(await page.locator('main').textContent()).toContain('Review the pathway plan')
    await expectAccessible(page)
    await page.goto(`/children/${childId}`)
    const section = (await page.locator('main').textContent()) ?? ''
    expect(section).toContain('Omar Reid')
    expect(section).toContain(`Due ${ukDate(addMonths(planDate, 6))}`)
    expect(section).toContain('19th birthday: YES, F4, Z1')
    await expectAccessible(page)
    await page.goto(`/children/${childId}/chronology`)
    expect(await page.locator('main').textContent()).toContain('Pathway plan made on')
  })

  it('the care leavers list, the request to 25 and the staying close form, with errors, are accessible', async () => {
    const page = await h.newPage({ signInAs: 'team.manager' })
    await page.goto('/')
    await page.getByRole('link', { name: 'Care leavers' }).first().click()
    await settle(page, /^\/care-leavers$/)
    expect(await page.locator('main').textContent()).toContain('Former relevant child')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'In touch, activity and accommodation codes (OC3)' }).click()
    await settle(page, /^\/care-leavers\/codes$/)
    expect(await page.locator('main').textContent()).toContain('Returned home to parents or someone with parental responsibility for 6 months or more')
    await expectAccessible(page)
    await page.goto(`/children/${childId}/care-leaver/adviser-request`)
    await expectAccessible(page)
    await fillDate(page, 'date', today)
    await submitWithError(page, 'Record the request', 'made from the 21st birthday')
    await page.goto(`/children/${childId}/care-leaver/staying-close`)
    await expectAccessible(page)
    await fillDate(page, 'date', today)
    await submitWithError(page, 'Record the assessment', 'Select the outcome of the assessment')
    await page.getByRole('radio', { name: 'Staying close support is not needed' }).check()
    await page.getByRole('button', { name: 'Record the assessment' }).click()
    await settle(page, /recorded=staying-close$/)
  })
})
