// The people module's pages in Chromium, each checked with axe (WCAG 2.2 AA): the create-child form with
// errors, the duplicate warning, the child's page with its genogram and ecomap, search results, and a person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { allocate, createChild } from '../../../test/support/records.js'

let h: BrowserHarness
let childId: string
let motherId: string
beforeAll(async () => {
  h = await startBrowserHarness()
  const db = h.t.database.db
  childId = await createChild(db, { firstName: 'Poppy', lastName: 'Fairweather', dateOfBirth: '2016-02-14', nhsNumber: '9990000069', postcode: 'ME14 2LL', laChildId: 'KC-POPPY' })
  await allocate(db, childId, 'social.worker')
  const adult = (first: string, sex: 'F' | 'M' | null, occupation: string | null = null) => db.insertInto('people').values({
    la_code: '886', is_child: false, first_name: first, last_name: 'Fairweather', date_of_birth: null, expected_date_of_birth: null, sex,
    gender_identity: null, ethnicity: null, religion: null, nhs_number: null, upn: null, upn_unknown_reason: null, la_child_id: null, occupation,
  }).returning('id').executeTakeFirstOrThrow()
  motherId = (await adult('Hannah', 'F')).id
  const father = (await adult('Rob', 'M')).id
  const visitor = (await adult('Dee', 'F', 'Health visitor')).id
  const sister = await createChild(db, { firstName: 'Daisy', lastName: 'Fairweather', dateOfBirth: '2019-06-01' })
  await db.insertInto('relationships').values([
    { la_code: '886', person_id: motherId, related_person_id: childId, type: 'mother', parental_responsibility: true, lives_with: true },
    { la_code: '886', person_id: father, related_person_id: childId, type: 'father', parental_responsibility: true },
    { la_code: '886', person_id: visitor, related_person_id: childId, type: 'professional' },
    { la_code: '886', person_id: sister, related_person_id: childId, type: 'sibling', lives_with: true },
    { la_code: '886', person_id: motherId, related_person_id: sister, type: 'mother' },
  ]).execute()
})
afterAll(async () => { await h?.close() })

async function fillChild(page: Page, fields: { first: string; last: string; nhs?: string }) {
  await page.getByLabel('First name').fill(fields.first)
  await page.getByLabel('Last name', { exact: true }).fill(fields.last)
  await page.locator('#dateOfBirth-day').fill('14')
  await page.locator('#dateOfBirth-month').fill('2')
  await page.locator('#dateOfBirth-year').fill('2016')
  await page.getByRole('radio', { name: 'Female' }).check()
  await page.getByLabel('Ethnicity').selectOption('WBRI')
  await page.getByRole('checkbox', { name: 'No disability' }).check()
  if (fields.nhs) await page.getByLabel('NHS number (optional)').fill(fields.nhs)
  await page.getByLabel('If the UPN is not known, why not?').selectOption('UN1')
}

describe('people pages in a browser', () => {
  it('shows the create-child form, and errors next to the fields that keep what was typed', async () => {
    for (const javaScript of [true, false]) {
      const page = await h.newPage({ signInAs: 'social.worker', javaScript })
      await page.goto('/children/new')
      expect(await page.locator('h1').textContent()).toContain('Record a new child')
      await expectAccessible(page)
      await page.getByLabel('Last name', { exact: true }).fill('Kept')
      await page.getByLabel('NHS number (optional)').fill('123')
      await page.getByRole('button', { name: 'Continue' }).click()
      await expect.poll(() => page.title()).toMatch(/^Error: /)
      const summary = await page.locator('.govuk-error-summary').textContent()
      expect(summary).toContain('Enter the child’s first name')
      expect(summary).toContain('NHS number must be 10 digits')
      expect(await page.locator('#nhsNumber-error').textContent()).toContain('NHS number must be 10 digits')
      expect(await page.getByLabel('Last name', { exact: true }).inputValue()).toBe('Kept')
      await expectAccessible(page)
    }
  })

  it('warns about a likely duplicate, then records the new child when the user confirms', async () => {
    const page = await h.newPage({ signInAs: 'social.worker' })
    await page.goto('/children/new')
    await fillChild(page, { first: 'Popy', last: 'Fairweather', nhs: '999 000 0069' })
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('heading', { level: 1, name: /may be this child/ }).waitFor()
    expect(await page.locator(`[data-match="${childId}"]`).textContent()).toContain('Same NHS number')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Record a new child' }).click()
    await page.getByText('The child’s record has been created').waitFor()
    expect(await page.locator('h1').textContent()).toContain('Popy Fairweather')
  })

  it('shows the child’s page with key people, the genogram, the ecomap and the network table', async () => {
    const page = await h.newPage({ signInAs: 'social.worker' })
    await page.goto(`/children/${childId}`)
    expect(await page.locator('h1').textContent()).toContain('Poppy Fairweather')
    await expect.poll(() => page.getByRole('img', { name: 'Genogram for Poppy Fairweather' }).count()).toBe(1)
    await expect.poll(() => page.getByRole('img', { name: 'Ecomap for Poppy Fairweather' }).count()).toBe(1)
    expect(await page.getByRole('table', { name: 'Everyone in Poppy’s network' }).textContent()).toContain('Dee Fairweather')
    expect(await page.locator('#key-people + table, #key-people ~ table').first().textContent()).toContain('Hannah Fairweather')
    await expectAccessible(page)
  })

  it('shows search results that tell children apart', async () => {
    const page = await h.newPage({ signInAs: 'social.worker' })
    await page.goto('/')
    await page.getByRole('link', { name: 'Find a child' }).first().click()
    await page.getByLabel('Name, date of birth, NHS number, postcode or LA child ID').fill('Fairweather 14/02/2016')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.locator(`[data-child="${childId}"]`).waitFor()
    const result = await page.locator(`[data-child="${childId}"]`).textContent()
    expect(result).toContain('ME14')
    expect(result).toContain('Sam Okafor')
    await expectAccessible(page)
  })

  it('shows a person’s page and the form to add someone to the network', async () => {
    const page = await h.newPage({ signInAs: 'social.worker' })
    await page.goto(`/children/${childId}/people/${motherId}`)
    expect(await page.locator('h1').textContent()).toContain('Hannah Fairweather')
    expect(await page.getByRole('table', { name: 'People related to Hannah Fairweather' }).textContent()).toContain('Daisy Fairweather')
    await expectAccessible(page)
    await page.goto(`/children/${childId}/people/new`)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: /)
    await expectAccessible(page)
  })
})
