// The front door: contacts recorded, decided within 1 working day, referrals opened, re-referrals flagged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { createChild, createOtherAuthority } from '../../../test/support/records.js'
import { frontDoorQueue } from './service.js'

let t: TestApp
let door: Agent
beforeAll(async () => {
  t = await createTestApp()
  door = await signedIn(t.app, 'front.door')
})
afterAll(async () => { await t.close() })

const contactForm = (overrides: Record<string, string> = {}) => ({
  'received-day': '16', 'received-month': '11', 'received-year': '2026', receivedTime: '9:15am',
  referrerName: 'Ms Head', referrerRole: 'Designated safeguarding lead', referrerOrganisation: 'Riverside Primary',
  referralSource: '2A', concern: 'Child arrived with bruising to both arms and was reluctant to go home.',
  consent: 'given', consentNote: '', formToken: `t-${Math.random()}`, ...overrides,
})

const decisionForm = (overrides: Record<string, string> = {}) => ({
  decision: 'referral', primaryNeed: 'N1', 'decided-day': '17', 'decided-month': '11', 'decided-year': '2026',
  reason: 'Unexplained injuries: needs assessment', feedback: 'Referred to children’s social care for assessment', ...overrides,
})

async function recordContact(childId: string, overrides: Record<string, string> = {}): Promise<string> {
  await door.get(`/children/${childId}/contacts/new`)
  const response = await door.post(`/children/${childId}/contacts/new`, contactForm(overrides))
  expect(response.statusCode).toBe(303)
  return String(response.headers.location).split('/').pop()!
}

describe('recording a contact', () => {
  it('records the contact with its event, and puts it on the queue', async () => {
    const child = await createChild(t.database.db, { firstName: 'Amelia', lastName: 'Queue' })
    const contactId = await recordContact(child)
    const queue = await door.get('/front-door')
    expect(queue.body).toContain('Amelia Queue')
    expect(queue.body).toContain(`/front-door/contacts/${contactId}`)
    const event = await t.database.db.selectFrom('child_events').where('child_id', '=', child).where('type', '=', 'contact.recorded').selectAll().executeTakeFirst()
    expect(event?.summary).toContain('schools')
  })

  it('explains missing answers and a time in the future, keeping what was typed', async () => {
    const child = await createChild(t.database.db)
    await door.get(`/children/${child}/contacts/new`)
    const response = await door.post(`/children/${child}/contacts/new`, contactForm({ 'received-year': '2099', referralSource: 'XX', concern: '', consent: 'refused', receivedTime: '25:99' }))
    expect(response.statusCode).toBe(400)
    for (const message of ['Enter the time as, for example, 14:30 or 2:30pm', 'Select who the referrer is', 'Enter the concern', 'Enter why consent was not given or not sought']) {
      expect(response.body).toContain(message)
    }
    expect(response.body).toContain('value="Ms Head"')
    expect(await t.database.db.selectFrom('contacts').where('child_id', '=', child).selectAll().execute()).toEqual([])
  })

  it('records one contact when the form is sent twice', async () => {
    const child = await createChild(t.database.db)
    await door.get(`/children/${child}/contacts/new`)
    const form = contactForm({ formToken: 'double-click-token' })
    const [a, b] = await Promise.all([door.post(`/children/${child}/contacts/new`, form), door.post(`/children/${child}/contacts/new`, form)])
    expect(a.headers.location).toBe(b.headers.location)
    expect(await t.database.db.selectFrom('contacts').where('child_id', '=', child).selectAll().execute()).toHaveLength(1)
  })

  it('lets a partner raise a concern and then see the child’s outcome through their agency', async () => {
    const child = await createChild(t.database.db)
    const school = await signedIn(t.app, 'school.dsl')
    await school.get(`/children/${child}/contacts/new`)
    const response = await school.post(`/children/${child}/contacts/new`, contactForm())
    expect(response.headers.location).toBe(`/children/${child}/contacts/recorded`)
    expect((await school.get(`/children/${child}`)).statusCode).toBe(200)
  })
})

describe('the decision clock (CP-01: 1 working day)', () => {
  it('counts a working day across Christmas: received Thursday 24 December 2026, due Tuesday 29 December', async () => {
    const child = await createChild(t.database.db, { firstName: 'Noel', lastName: 'Clock' })
    await recordContact(child, { 'received-day': '24', 'received-month': '12', 'received-year': '2026', receivedTime: '16:00' }).catch(() => undefined)
    // The form refuses a date in the future, so put the contact in directly for a clock test.
    const door886 = await t.database.db.selectFrom('users').where('role', '=', 'front_door').select('id').executeTakeFirstOrThrow()
    await t.database.db.insertInto('contacts').values({
      la_code: '886', child_id: child, received_at: new Date('2026-12-24T16:00:00Z'), referrer_name: 'A', referrer_role: null, referrer_organisation: null,
      referral_source: '6', concern: 'x', consent: 'given', consent_note: null, household: null, recorded_by: door886.id, form_token: null,
      decision: null, decided_at: null, decided_by: null, decision_reason: null, feedback_to_referrer: null, feedback_given_on: null,
    }).execute()
    const at = (today: string) => frontDoorQueue(t.database.db, '886', today).then((q) => q.find((i) => i.childName === 'Noel Clock')!)
    expect((await at('2026-12-24')).due).toBe('2026-12-29')
    expect((await at('2026-12-28')).rag).toBe('green')
    expect((await at('2026-12-29')).rag).toBe('amber')
    expect((await at('2026-12-30')).rag).toBe('red')
  })
})

describe('deciding', () => {
  it('opens a referral (a CIN episode) with the referral source and primary need, and tells the referrer', async () => {
    const child = await createChild(t.database.db)
    const contactId = await recordContact(child)
    await door.get(`/front-door/contacts/${contactId}`)
    const response = await door.post(`/front-door/contacts/${contactId}`, decisionForm())
    expect(response.statusCode).toBe(303)
    const referral = await t.database.db.selectFrom('referrals').where('child_id', '=', child).selectAll().executeTakeFirstOrThrow()
    expect(referral).toMatchObject({ referral_date: '2026-11-16', referral_source: '2A', primary_need: 'N1', closure_date: null })
    const page = await door.get(`/front-door/contacts/${contactId}`)
    expect(page.body).toContain('Referred to children’s social care for assessment')
    const types = (await t.database.db.selectFrom('child_events').where('child_id', '=', child).select('type').execute()).map((e) => e.type)
    expect(types).toEqual(expect.arrayContaining(['contact.recorded', 'contact.decided', 'referral.opened']))
  })

  it('refuses a decision dated before the contact, and a referral without a primary need', async () => {
    const child = await createChild(t.database.db)
    const contactId = await recordContact(child)
    await door.get(`/front-door/contacts/${contactId}`)
    const response = await door.post(`/front-door/contacts/${contactId}`, decisionForm({ 'decided-day': '15', primaryNeed: '' }))
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('The decision cannot be before the contact was received')
    expect(response.body).toContain('Select the child’s primary need')
    expect((await t.database.db.selectFrom('contacts').where('id', '=', contactId).select('decision').executeTakeFirstOrThrow()).decision).toBeNull()
  })

  it('marks a strategy discussion decision urgent, and refuses a second referral while one is open', async () => {
    const child = await createChild(t.database.db)
    const first = await recordContact(child)
    await door.get(`/front-door/contacts/${first}`)
    await door.post(`/front-door/contacts/${first}`, decisionForm({ decision: 'strategy_discussion' }))
    expect((await t.database.db.selectFrom('referrals').where('child_id', '=', child).selectAll().executeTakeFirstOrThrow()).urgent_strategy_discussion).toBe(true)
    const second = await recordContact(child, { 'received-day': '18' })
    await door.get(`/front-door/contacts/${second}`)
    const response = await door.post(`/front-door/contacts/${second}`, decisionForm({ 'decided-day': '18' }))
    expect(response.body).toContain('already has an open referral')
  })

  it('flags a re-referral within 12 months at the door', async () => {
    const child = await createChild(t.database.db, { firstName: 'Riley', lastName: 'Again' })
    const opener = await t.database.db.selectFrom('users').where('role', '=', 'front_door').select('id').executeTakeFirstOrThrow()
    await t.database.db.insertInto('referrals').values({
      la_code: '886', child_id: child, contact_id: null, referral_date: '2026-03-01', referral_source: '6', primary_need: 'N4', reason: null,
      closure_date: '2026-05-01', reason_for_closure: 'RC8', opened_by: opener.id,
    }).execute()
    const contactId = await recordContact(child)
    expect((await door.get('/front-door')).body).toMatch(/Riley Again[\s\S]*?Re-referral/)
    expect((await door.get(`/front-door/contacts/${contactId}`)).body).toContain('Re-referral: this child was referred in the 12 months before this contact')
  })

  it('records a decision once when sent twice, and answers another authority’s contact with 404', async () => {
    const child = await createChild(t.database.db)
    const contactId = await recordContact(child)
    await door.get(`/front-door/contacts/${contactId}`)
    await Promise.all([door.post(`/front-door/contacts/${contactId}`, decisionForm({ decision: 'information_and_advice' })), door.post(`/front-door/contacts/${contactId}`, decisionForm({ decision: 'information_and_advice' }))])
    expect(await t.database.db.selectFrom('child_events').where('child_id', '=', child).where('type', '=', 'contact.decided').selectAll().execute()).toHaveLength(1)
    const other = await createOtherAuthority(t.database.db, '889')
    const theirs = await createChild(t.database.db, { laCode: other.laCode })
    const contact = await t.database.db.insertInto('contacts').values({
      la_code: other.laCode, child_id: theirs, received_at: new Date('2026-11-10T10:00:00Z'), referrer_name: 'A', referrer_role: null, referrer_organisation: null,
      referral_source: '6', concern: 'x', consent: 'given', consent_note: null, household: null, recorded_by: other.workerId, form_token: null,
      decision: null, decided_at: null, decided_by: null, decision_reason: null, feedback_to_referrer: null, feedback_given_on: null,
    }).returning('id').executeTakeFirstOrThrow()
    expect((await door.get(`/front-door/contacts/${contact.id}`)).statusCode).toBe(404)
    expect((await door.get('/front-door/contacts/not-a-contact')).statusCode).toBe(404)
    await sql`select 1`.execute(t.database.db)
  })
})

describe('front door pages in a browser', () => {
  it('records a contact (with errors first), shows the queue and decides, all accessibly', async () => {
    const { startBrowserHarness, expectAccessible } = await import('../../../test/support/browser.js')
    const h = await startBrowserHarness()
    try {
      const child = await createChild(h.t.database.db, { firstName: 'Poppy', lastName: 'Browser' })
      const page = await h.newPage({ signInAs: 'front.door' })
      await page.goto(`/children/${child}/contacts/new`)
      await expectAccessible(page)
      await page.getByRole('button', { name: 'Record contact' }).click()
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the concern')
      await expectAccessible(page)
      await page.getByLabel('Day').first().fill('16')
      await page.getByLabel('Month').first().fill('11')
      await page.getByLabel('Year').first().fill('2026')
      await page.getByLabel('Time received').fill('10:00')
      await page.getByLabel('Name of the person who made contact').fill('Anonymous')
      await page.getByLabel('Who is the referrer?').selectOption('9')
      await page.getByLabel('What is the concern?').fill('Child heard screaming late at night.')
      await page.getByLabel('Not asked: asking would put the child at risk').check()
      await page.getByLabel('If not, why not?').fill('Risk of harm if the parents are told')
      await page.getByRole('button', { name: 'Record contact' }).click()
      await page.waitForURL(/\/front-door\/contacts\//)
      await expectAccessible(page)
      await page.goto('/front-door')
      expect(await page.locator('table').textContent()).toContain('Poppy Browser')
      await expectAccessible(page)
    } finally {
      await h.close()
    }
  })
})
