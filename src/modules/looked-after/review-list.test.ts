// The reviewing officer's list of children in care (/reviews): soonest review first, overdue flagged, filtered
// without JavaScript, and theirs alone; and the child's page offering each role only the links it may follow.
// Dates count back from today, since the list counts days to each review's due date from today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedIn, type Agent } from '../../../test/support/app.js'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { allocate, createChild, lookedAfterBetween, userId } from '../../../test/support/records.js'
import { addDays, todayInEngland } from '../../platform/working-days/local-date.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'
import { pageNumbers, reviewList } from './review-list.js'
import { postForm } from './test-forms.js'

let h: BrowserHarness
let iro: Agent
const children: Record<'overdue' | 'soon' | 'later', string> = { overdue: '', soon: '', later: '' }
const today = todayInEngland()
const daysAgo = (n: number) => addDays(today, -n)
const date = (name: string, iso: string) => ({ [`${name}-day`]: iso.slice(8), [`${name}-month`]: iso.slice(5, 7), [`${name}-year`]: iso.slice(0, 4) })

/** The listed children among this test's own, in the order the page shows them. */
function listed(body: string): string[] {
  const ours = new Set(Object.values(children))
  return [...body.matchAll(/data-child-id="([^"]+)"/g)].map((m) => m[1]!).filter((id) => ours.has(id))
}
const rowOf = (body: string, childId: string) => body.slice(body.indexOf(`data-child-id="${childId}"`)).split('</tr>')[0]!

beforeAll(async () => {
  h = await startBrowserHarness()
  const { db } = h.t.database
  iro = await signedIn(h.t.app, 'iro')
  // First review not held 70 days into care: overdue. Ten days into care: due within four weeks.
  children.overdue = await createChild(db, { firstName: 'Orla', lastName: 'Overdue', dateOfBirth: '2014-03-01' })
  await lookedAfterBetween(db, children.overdue, daysAgo(70), null)
  children.soon = await createChild(db, { firstName: 'Sami', lastName: 'Soon', dateOfBirth: '2016-08-12' })
  await lookedAfterBetween(db, children.soon, daysAgo(10), null, { legalStatus: 'V2', placementType: 'U4' })
  // Three reviews held, the last a month ago: the next is about five months away.
  children.later = await createChild(db, { firstName: 'Lena', lastName: 'Later', dateOfBirth: '2013-11-30' })
  await lookedAfterBetween(db, children.later, daysAgo(400), null)
  for (const held of [380, 300, 30]) {
    const recorded = await postForm(iro, `/reviewing/children/${children.later}/looked-after-review`, { ...date('date', daysAgo(held)), participation: 'PN1' })
    expect(recorded.statusCode).toBe(303)
  }
  expect((await postForm(iro, `/reviewing/children/${children.later}/iro-contacts/new`, { kind: 'visit', ...date('date', daysAgo(20)) })).statusCode).toBe(303)
  // A child who has left care is not on the list.
  await lookedAfterBetween(db, await createChild(db, { firstName: 'Lola', lastName: 'Left' }), daysAgo(300), daysAgo(100))
}, 120_000)
afterAll(async () => { await h?.close() })

describe('the reviewing officer’s list of children in care', () => {
  it('lists every child in care, the soonest review first, with the overdue review flagged and the last review and contact', async () => {
    const page = await iro.get('/reviews?due=all')
    expect(page.statusCode).toBe(200)
    expect(listed(page.body)).toEqual([children.overdue, children.soon, children.later])
    expect(page.body).not.toContain('Lola Left')
    const overdue = rowOf(page.body, children.overdue)
    expect(overdue).toMatch(/govuk-tag--red">\d+ days overdue/)
    expect(overdue).toContain('Full care order (C2)')
    expect(overdue).toContain(`href="/reviewing/children/${children.overdue}/looked-after-review"`)
    expect(overdue).toContain(`href="/reviewing/children/${children.overdue}/iro-contacts/new"`)
    expect(rowOf(page.body, children.soon)).toMatch(/\d+ days? left/)
    expect(rowOf(page.body, children.soon)).toContain('Accommodated under section 20')
    const later = rowOf(page.body, children.later)
    expect(later).not.toContain('overdue')
    expect(later).toContain(formatted(daysAgo(30)))
    expect(later).toContain(formatted(daysAgo(20)))
  })

  it('shows overdue and soon-due reviews first by default, and filters to overdue only or to all children', async () => {
    expect(listed((await iro.get('/reviews')).body)).toEqual([children.overdue, children.soon])
    expect(listed((await iro.get('/reviews?due=overdue')).body)).toEqual([children.overdue])
    // An unknown filter or page is not an error: the default list, its first page.
    const odd = await iro.get('/reviews?due=nonsense&page=-3')
    expect(odd.statusCode).toBe(200)
    expect(listed(odd.body)).toEqual([children.overdue, children.soon])
  })

  it('pages a long list, a page out of range showing the nearest, with the first, last and nearby pages linked', async () => {
    const { db } = h.t.database
    const reader = { id: await userId(db, 'iro'), laCode: '886' }
    const settings = await timescaleSettingsFor(db, '886')
    const page = async (n: number) => reviewList(db, reader, settings, { filter: 'all', page: n, perPage: 2 }, today)
    const [first, second, beyond] = [await page(1), await page(2), await page(9)]
    expect([first.total, first.pages]).toEqual([3, 2])
    expect(first.children.map((c) => c.childId)).toEqual([children.overdue, children.soon])
    expect(second.children.map((c) => c.childId)).toEqual([children.later])
    expect(beyond.page).toBe(2)
    expect(pageNumbers(5, 40)).toEqual([1, null, 4, 5, 6, null, 40])
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3])
  })

  it('is the reviewing officer’s alone', async () => {
    const worker = await signedIn(h.t.app, 'social.worker')
    expect((await worker.get('/reviews')).statusCode).toBe(403)
    expect((await worker.get('/')).body).not.toContain('href="/reviews"')
    expect((await iro.get('/')).body).toContain('href="/reviews"')
  })
})

describe('the child’s page', () => {
  it('offers each role only the looked-after pages and deadline pages it may open', async () => {
    const { db } = h.t.database
    const childId = children.soon
    await allocate(db, childId, 'social.worker')
    // A placement officer sees a child's page through an involvement (a meeting); a reviewing officer through duty.
    for (const local of ['placements']) {
      await db.insertInto('involvements').values({ la_code: '886', child_id: childId, user_id: await userId(db, local), agency_id: null, kind: 'meeting', ended_at: null }).execute()
    }
    const linksIn = (page: string, id: string) => [...page.split(`id="${id}"`)[1]!.split('<h2')[0]!.matchAll(/<a class="govuk-link" href="([^"]+)">([^<]+)</g)]
      .map((m) => ({ href: m[1]!, text: m[2]! }))
    /** The looked-after section's links and the deadlines linked, each of which the role opens. */
    const offered = async (local: string) => {
      const agent = local === 'iro' ? iro : await signedIn(h.t.app, local)
      const page = (await agent.get(`/children/${childId}`)).body
      const [section, deadlines] = [linksIn(page, 'looked-after'), linksIn(page, 'deadlines')]
      for (const link of [...section, ...deadlines]) expect((await agent.get(link.href)).statusCode, `${local} opens ${link.href}`).toBe(200)
      return { section: section.map((link) => link.text), deadlines: deadlines.map((link) => link.text) }
    }
    const worker = await offered('social.worker')
    expect(worker.section).toEqual(['Looked-after record'])
    expect(worker.deadlines).toContain('Hold the first looked-after review')
    // The review deadline is still listed for the reviewing officer, but its form is the social worker's.
    expect(await offered('iro')).toEqual({ section: ['Record a looked-after review', 'Record your contact with the child'], deadlines: [] })
    expect((await iro.get(`/children/${childId}`)).body).toContain('Hold the first looked-after review')
    expect(await offered('placements')).toEqual({ section: ['Record a placement change'], deadlines: [] })
    // On the reviewing officer's list every child in care is a link to the child's page, which they may read.
    const list = (await iro.get('/reviews?due=all')).body
    for (const id of [childId, children.overdue]) {
      expect(rowOf(list, id)).toContain(`href="/children/${id}"`)
      expect((await iro.get(`/children/${id}`)).statusCode).toBe(200)
    }
  })
})

describe('the list in a browser', () => {
  it('filters without JavaScript and leads to the review form and back, every page accessible', async () => {
    const page = await h.newPage({ signInAs: 'iro', javaScript: false })
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Looked-after reviews' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/reviews')
    await expectAccessible(page)
    await page.getByRole('radio', { name: 'Overdue', exact: true }).check()
    await page.getByRole('button', { name: 'Apply filter' }).click()
    await expect.poll(() => new URL(page.url()).search).toBe('?due=overdue')
    expect(await page.getByRole('rowheader', { name: 'Orla Overdue' }).count()).toBe(1)
    expect(await page.getByRole('rowheader', { name: 'Sami Soon' }).count()).toBe(0)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Record review for Orla Overdue' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/reviewing/children/${children.overdue}/looked-after-review`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Record a looked-after review')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Back' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/reviews')
  })
})

function formatted(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
}
