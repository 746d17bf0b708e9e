// A child imported from a return, in Chromium: the child's page says the name is not known and where the record came
// from, the chronology says what was imported from which return, and once the social worker enters the name through
// the link the page gives, the warning is gone. Each page is checked with axe.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../../test/support/browser.js'
import { allocate } from '../../../../test/support/records.js'
import { importReturn } from './import-return.js'

let h: BrowserHarness
let childId: string

const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(`${lines.join('\r\n')}\r\n`) })

beforeAll(async () => {
  h = await startBrowserHarness()
  const { db } = h.t.database
  const outcome = await importReturn(db, {
    kind: '903', year: 2026, laCode: '886', files: [
      file('Header.csv', ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', 'IMP0001,F,04/05/2015,WBRI,UN1,0,']),
      file('Episodes.csv', ['CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
        'IMP0001,01/06/2025,S,C2,N1,U1,PR1,,,,ME14 1XX,ME15 6AA,SC123456']),
    ],
  })
  expect(outcome.status).toBe('imported')
  childId = (await db.selectFrom('people').where('la_child_id', '=', 'IMP0001').select('id').executeTakeFirstOrThrow()).id
  await allocate(db, childId, 'social.worker')
}, 60_000)
afterAll(async () => { await h?.close() })

const text = (page: Page) => page.locator('main').innerText()

describe('a child imported from a return', () => {
  it('shows the name is not known until the social worker enters it', async () => {
    const page = await h.newPage({ signInAs: 'social.worker' })
    await page.goto(`/children/${childId}`)
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Not known Imported IMP0001')
    expect(await text(page)).toContain('This child’s record was imported from the SSDA903 return 2025 to 2026, which carries no names.')
    await expectAccessible(page)

    await page.goto(`/children/${childId}/chronology`)
    expect(await text(page)).toContain('(imported from the SSDA903 return 2025 to 2026)')
    await expectAccessible(page)

    await page.goto(`/children/${childId}`)
    await page.getByRole('link', { name: 'Enter the child’s name' }).click()
    await expectAccessible(page)
    await page.getByLabel('First name').fill('Amara')
    await page.getByLabel('Last name').fill('Osei')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/children/${childId}`)
    await page.goto(`/children/${childId}`)
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Amara Osei')
    expect(await text(page)).not.toContain('Name not known')
  })
})
