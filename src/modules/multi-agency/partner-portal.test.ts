// The partner portal through the real app: a concern arrives in the front door's queue with the partner as
// referrer, matched by NHS number or put to the front door as a suggestion; the partner sees the outcome;
// invited partners contribute to a meeting, read by the chair and the social worker; nothing else is open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { expectAccessible, startBrowserHarness } from '../../../test/support/browser.js'
import { allocate, createChild } from '../../../test/support/records.js'
import { addDays, todayInEngland } from '../../platform/working-days/local-date.js'
import { decisionForm } from '../front-door/test-fixtures.js'
import { concernForm, decidedNow } from './test-fixtures.js'

let t: TestApp
let school: Agent
let door: Agent
beforeAll(async () => {
  t = await createTestApp()
  school = await signedIn(t.app, 'school.dsl')
  door = await signedIn(t.app, 'front.door')
})
afterAll(async () => { await t.close() })

const contactsOf = (childId: string) => t.database.db.selectFrom('contacts').where('child_id', '=', childId).selectAll().execute()
const audited = async (action: string) => (await t.database.db.selectFrom('audit_log').where('action', '=', action).select('id').execute()).length

async function send(agent: Agent, form: Record<string, string>) {
  await agent.get('/partner/concerns/new')
  return agent.post('/partner/concerns/new', form)
}

describe('raising a concern', () => {
  it('arrives in the front door queue on the child with that NHS number, from the partner, and the outcome comes back', async () => {
    const child = await createChild(t.database.db, { firstName: 'Ruby', lastName: 'Ashdown', nhsNumber: '9990000034' })
    const sent = await send(school, concernForm({ childNhsNumber: '999 000 0034', referralSource: '2A' }))
    expect(sent.statusCode).toBe(303)
    const [contact] = await contactsOf(child)
    expect(contact).toMatchObject({ referrer_name: 'Mark Ellis', referrer_organisation: 'Riverside Primary School (demo)', referral_source: '2A', decision: null })
    expect((await door.get('/front-door')).body).toContain(`data-contact="${contact!.id}"`)
    const mine = await school.get('/partner')
    expect(mine.body).toContain('Waiting for the front door')

    await door.get(`/front-door/contacts/${contact!.id}`)
    const decided = await door.post(`/front-door/contacts/${contact!.id}`, decisionForm({ ...decidedNow(), feedback: 'Referred for a child and family assessment' }))
    expect(decided.statusCode).toBe(303)
    const outcome = await school.get(`/partner/concerns/${contact!.id}`)
    expect(outcome.body).toContain('Referral to children’s social care')
    expect(outcome.body).toContain('Referred for a child and family assessment')
    expect((await school.get(`/children/${child}`)).statusCode).toBe(200)
  })

  it('gives police the police referral source without asking', async () => {
    const child = await createChild(t.database.db, { nhsNumber: '9990000042' })
    const police = await signedIn(t.app, 'police')
    await send(police, concernForm({ childNhsNumber: '9990000042', referralSource: '' }))
    expect((await contactsOf(child))[0]).toMatchObject({ referral_source: '6', referrer_name: 'DC Laura Kemp' })
  })

  it('never attaches a concern without the NHS number to a record that only looks alike: the front door is asked', async () => {
    const known = await createChild(t.database.db, { firstName: 'Kacey', lastName: 'Trelawney', dateOfBirth: '2015-08-04', postcode: 'ME16 8QQ' })
    await send(school, concernForm({ childFirstName: 'Kacey', childLastName: 'Trelawney', 'childDob-day': '8', 'childDob-month': '4', 'childDob-year': '2015', childPostcode: 'me16 8qq' }))
    expect(await contactsOf(known)).toEqual([])
    const suggestion = await t.database.db.selectFrom('record_match_suggestions').where('candidate_id', '=', known).selectAll().executeTakeFirstOrThrow()
    expect(suggestion.reasons).toContain('day and month swapped')
    const [contact] = await contactsOf(suggestion.child_id)
    const page = await door.get(`/front-door/contacts/${contact!.id}`)
    expect(page.body).toContain('may be the same child as Kacey Trelawney')
    expect((await door.get(`/children/${suggestion.child_id}/possible-duplicates`)).body).toContain(`/merge?with=${known}`)
  })

  it('explains each problem next to its field, keeps the answers and sends nothing', async () => {
    const before = await t.database.db.selectFrom('contacts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    const response = await send(school, concernForm({ childFirstName: '', childNhsNumber: '1234567890', childPostcode: 'nowhere', concern: '', referralSource: '6', referrerRole: 'Kept role' }))
    expect(response.statusCode).toBe(400)
    for (const message of ['Enter the child’s first name', 'Enter a real NHS number', 'Enter a real postcode', 'Enter the concern', 'Select which service you work in from the list']) {
      expect(response.body).toContain(message)
    }
    expect(response.body).toContain('value="Kept role"')
    const after = await t.database.db.selectFrom('contacts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  it('shows another partner’s concern as not found, audited, and no longer takes a contact by child id', async () => {
    const child = await createChild(t.database.db, { nhsNumber: '9990000050' })
    await send(school, concernForm({ childNhsNumber: '9990000050' }))
    const [contact] = await contactsOf(child)
    const health = await signedIn(t.app, 'health.visitor')
    const before = await audited('partner.access_refused')
    expect((await health.get(`/partner/concerns/${contact!.id}`)).statusCode).toBe(404)
    expect((await health.get('/partner/concerns/not-an-id')).statusCode).toBe(404)
    expect(await audited('partner.access_refused')).toBe(before + 2)
    expect((await health.get(`/children/${child}/contacts/new`)).statusCode).toBe(403)
    expect((await health.get(`/children/${child}`)).statusCode).toBe(403)
  })
})

describe('strategy discussions and conferences', () => {
  it('invites a partner, who sends a contribution the chair and the social worker read, on the child’s stream', async () => {
    const child = await createChild(t.database.db, { firstName: 'Theo', lastName: 'Invited' })
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    const police = await signedIn(t.app, 'police')
    const health = await signedIn(t.app, 'health.visitor')
    expect((await police.get(`/children/${child}`)).statusCode).toBe(403)
    const ids = Object.fromEntries((await t.database.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.email.split('@')[0], u.id]))

    await worker.get(`/children/${child}/meetings/new`)
    const date = addDays(todayInEngland(), 2)
    const form = { kind: 'strategy_discussion', 'meetingDate-day': String(Number(date.slice(8))), 'meetingDate-month': String(Number(date.slice(5, 7))), 'meetingDate-year': date.slice(0, 4), chairId: ids.iro!, formToken: crypto.randomUUID() }
    const none = await worker.post(`/children/${child}/meetings/new`, form)
    expect(none.statusCode).toBe(400)
    expect(none.body).toContain('Select at least one partner practitioner to invite')
    expect((await worker.post(`/children/${child}/meetings/new`, { ...form, invited: ids.police! })).statusCode).toBe(303)

    const home = await police.get('/partner')
    const invitation = await t.database.db.selectFrom('meeting_invitations').where('child_id', '=', child).selectAll().executeTakeFirstOrThrow()
    expect(home.body).toContain(`/partner/children/${child}/meetings/${invitation.id}`)
    const record = await police.get(`/children/${child}`)
    expect(record.statusCode).toBe(200)
    // Only the parts of the record a partner's involvement allows: their own part, not children's services' sections.
    expect(record.body).toContain('Your concerns and meetings about this child')
    expect(record.body).not.toContain('id="front-door"')
    expect(record.body).not.toContain('id="information-sharing"')
    expect(record.body).not.toContain('id="latest-events"')
    expect((await police.get(`/children/${child}/chronology`)).statusCode).toBe(403)
    const url = `/partner/children/${child}/meetings/${invitation.id}`
    await police.get(url)
    expect((await police.post(url, { contribution: '' })).statusCode).toBe(400)
    expect((await police.post(url, { contribution: 'Two call-outs to the address in October; father on bail.' })).statusCode).toBe(303)
    const events = await t.database.db.selectFrom('child_events').where('child_id', '=', child).select('type').execute()
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['meeting.arranged', 'meeting.contribution_sent']))

    expect((await worker.get(`/children/${child}/meetings`)).body).toContain('Two call-outs to the address in October')
    const chair = await signedIn(t.app, 'iro')
    expect((await chair.get(`/children/${child}/meetings`)).body).toContain('Two call-outs to the address in October')

    // The invitation's access ends four weeks after the meeting: an ended involvement opens nothing.
    await t.database.db.updateTable('involvements').set({ ended_at: new Date(Date.now() - 1000) }).where('id', '=', invitation.involvement_id).execute()
    expect((await police.get(url)).statusCode).toBe(403)
    expect((await police.get(`/children/${child}`)).statusCode).toBe(403)

    const refusedBefore = await audited('child.access_refused')
    expect((await health.get(url)).statusCode).toBe(403)
    expect(await audited('child.access_refused')).toBe(refusedBefore + 1)
    await health.get('/partner')
    expect((await health.post(url, { contribution: 'Not mine to send' })).statusCode).toBe(403)
  })
})

describe('the partner portal in a browser', () => {
  it('is accessible: home, a concern with errors and sent, and the merge confirmation', async () => {
    const h = await startBrowserHarness()
    try {
      await createChild(h.t.database.db, { firstName: 'Lily', lastName: 'Browsing', dateOfBirth: '2014-03-05', postcode: 'ME14 2AA' })
      const page = await h.newPage({ signInAs: 'school.dsl' })
      await page.goto('/partner')
      await expectAccessible(page)
      await page.getByRole('button', { name: 'Raise a concern about a child' }).click()
      await page.getByRole('button', { name: 'Send the concern' }).click()
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the child’s first name')
      await expectAccessible(page)
      await page.getByLabel('First name').fill('Lily')
      await page.getByLabel('Last name').fill('Browsing')
      await page.getByLabel('Day').fill('3')
      await page.getByLabel('Month').fill('5')
      await page.getByLabel('Year').fill('2014')
      await page.getByLabel('Postcode where the child lives (optional)').fill('ME14 2AA')
      await page.getByLabel('Schools').check()
      await page.getByLabel('What is the concern?').fill('Lily said she is scared to go home.')
      await page.getByLabel('Yes, the family agreed').check()
      await page.getByRole('button', { name: 'Send the concern' }).click()
      expect(await page.locator('h1').first().textContent()).toContain('Concern sent')
      await expectAccessible(page)

      const door = await h.newPage({ signInAs: 'front.door' })
      const suggestion = await h.t.database.db.selectFrom('record_match_suggestions').selectAll().executeTakeFirstOrThrow()
      await door.goto(`/children/${suggestion.child_id}/possible-duplicates`)
      await expectAccessible(door)
      await door.getByRole('link', { name: 'Check and merge Lily Browsing' }).first().click()
      await expectAccessible(door)
      await door.getByRole('button', { name: 'Merge the records' }).click()
      expect(await door.locator('.govuk-error-summary').textContent()).toContain('Enter why you are sure')
      await expectAccessible(door)
      await door.getByLabel('How do you know these are the same child?').fill('School confirmed the date of birth was typed wrongly')
      await door.getByRole('button', { name: 'Merge the records' }).click()
      expect(await door.locator('.govuk-notification-banner').textContent()).toContain('Records merged')
      await expectAccessible(door)
    } finally {
      await h.close()
    }
  }, 120_000)
})
