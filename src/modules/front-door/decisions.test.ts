// Deciding a contact: each decision recorded with its event (significant where it matters), a referral
// or strategy discussion opening a CIN episode, the referrer's feedback shown on the contact, and bad
// answers refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, createOtherAuthority, userId } from '../../../test/support/records.js'
import { addDays, todayInEngland } from '../../platform/working-days/local-date.js'
import { contactForm, dateFields, decisionForm, insertContact, yesterday } from './test-fixtures.js'

let t: TestApp
let door: Agent
beforeAll(async () => {
  t = await createTestApp()
  door = await signedIn(t.app, 'front.door')
})
afterAll(async () => { await t.close() })

async function recordContact(overrides: Record<string, string> = {}): Promise<{ childId: string; contactId: string }> {
  const childId = await createChild(t.database.db)
  await door.get(`/children/${childId}/contacts/new`)
  const response = await door.post(`/children/${childId}/contacts/new`, contactForm(overrides))
  expect(response.statusCode).toBe(303)
  return { childId, contactId: String(response.headers.location).split('/').pop()! }
}

async function decide(contactId: string, overrides: Record<string, string> = {}) {
  await door.get(`/front-door/contacts/${contactId}`)
  return door.post(`/front-door/contacts/${contactId}`, decisionForm(overrides))
}

const contact = (id: string) => t.database.db.selectFrom('contacts').where('id', '=', id).selectAll().executeTakeFirstOrThrow()
const referralsOf = (childId: string) => t.database.db.selectFrom('referrals').where('child_id', '=', childId).selectAll().execute()
const eventsOf = (childId: string, type: string) => t.database.db.selectFrom('child_events').where('child_id', '=', childId).where('type', '=', type).selectAll().execute()

describe('each decision', () => {
  it.each([
    ['no_further_action', false],
    ['information_and_advice', false],
    ['family_help', true],
  ] as const)('%s is recorded with contact.decided (significant: %s) and opens no referral', async (decision, significant) => {
    const { childId, contactId } = await recordContact()
    const response = await decide(contactId, { decision, primaryNeed: '' })
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe(`/front-door?decided=${contactId}`)
    expect(await contact(contactId)).toMatchObject({ decision, decision_reason: 'Unexplained injuries: needs assessment' })
    const [event] = await eventsOf(childId, 'contact.decided')
    expect(event).toMatchObject({ significant })
    expect(await referralsOf(childId)).toEqual([])
    expect((await door.get('/front-door')).body).not.toContain(`/front-door/contacts/${contactId}"`)
  })

  it('a referral opens a CIN episode with the contact’s referral source, the primary need and the date received', async () => {
    const { childId, contactId } = await recordContact({ referralSource: '3E' })
    await decide(contactId, { decision: 'referral', primaryNeed: 'N4' })
    const [referral] = await referralsOf(childId)
    expect(referral).toMatchObject({
      contact_id: contactId, referral_date: yesterday(), referral_source: '3E', primary_need: 'N4', urgent_strategy_discussion: false,
      referral_nfa: false, closure_date: null, reason_for_closure: null, opened_by: await userId(t.database.db, 'front.door'),
    })
    const [opened] = await eventsOf(childId, 'referral.opened')
    expect(opened).toMatchObject({ significant: true })
    expect((await eventsOf(childId, 'contact.decided'))[0]).toMatchObject({ significant: true })
  })

  it('a strategy discussion opens the referral flagged urgent', async () => {
    const { childId, contactId } = await recordContact()
    await decide(contactId, { decision: 'strategy_discussion', primaryNeed: 'N1' })
    const [referral] = await referralsOf(childId)
    expect(referral).toMatchObject({ urgent_strategy_discussion: true, primary_need: 'N1' })
    expect((await eventsOf(childId, 'referral.opened'))[0]!.summary).toContain('strategy discussion needed')
    await allocate(t.database.db, childId, 'social.worker')
    const childPage = await (await signedIn(t.app, 'social.worker')).get(`/children/${childId}`)
    expect(childPage.body).toMatch(/Contacts and referrals[\s\S]*?Open referral since[\s\S]*?Strategy discussion needed/)
  })

  it('refuses a second referral while the child has one open', async () => {
    const { childId, contactId } = await recordContact()
    await decide(contactId)
    await door.get(`/children/${childId}/contacts/new`)
    const second = await door.post(`/children/${childId}/contacts/new`, contactForm({ receivedTime: '10:00' }))
    const secondId = String(second.headers.location).split('/').pop()!
    const response = await decide(secondId, { decidedTime: '12:00' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('This child already has an open referral')
    expect(await referralsOf(childId)).toHaveLength(1)
    expect((await contact(secondId)).decision).toBeNull()
  })
})

describe('the referrer’s feedback', () => {
  it('records what the referrer was told and when, and shows it on the contact', async () => {
    const { contactId } = await recordContact()
    await decide(contactId, { decision: 'information_and_advice', feedback: 'Advised to contact the school nurse', ...dateFields('feedbackGiven', todayInEngland()) })
    expect(await contact(contactId)).toMatchObject({ feedback_to_referrer: 'Advised to contact the school nurse', feedback_given_on: todayInEngland() })
    const page = await door.get(`/front-door/contacts/${contactId}`)
    expect(page.body).toMatch(/What they were told[\s\S]*?Advised to contact the school nurse/)
    expect(page.body).toMatch(/When[\s\S]*?<dd class="govuk-summary-list__value">\s*\d{1,2} \w+ \d{4}/)
  })

  it('refuses a date told before the contact arrived or in the future', async () => {
    const { contactId } = await recordContact()
    const early = await decide(contactId, dateFields('feedbackGiven', addDays(yesterday(), -1)))
    expect(early.body).toContain('The referrer cannot have been told before the contact was received')
    const late = await door.post(`/front-door/contacts/${contactId}`, decisionForm(dateFields('feedbackGiven', addDays(todayInEngland(), 1))))
    expect(late.body).toContain('The date the referrer was told must be today or in the past')
    expect((await contact(contactId)).decision).toBeNull()
  })
})

describe('bad decisions', () => {
  it('refuses a decision before the contact was received, to the minute, keeping the answers', async () => {
    const { contactId } = await recordContact({ receivedTime: '9:15am' })
    const sameDayEarlier = await decide(contactId, { decidedTime: '9:14am', reason: 'Kept reason' })
    expect(sameDayEarlier.statusCode).toBe(400)
    expect(sameDayEarlier.body).toContain('The decision cannot be before the contact was received at 9:15am on')
    expect(sameDayEarlier.body).toMatch(/id="decidedTime-error"/)
    expect(sameDayEarlier.body).toContain('Kept reason')
    const dayBefore = await door.post(`/front-door/contacts/${contactId}`, decisionForm(dateFields('decided', addDays(yesterday(), -1))))
    expect(dayBefore.body).toMatch(/id="decided-error"[\s\S]*?The decision cannot be before the contact was received/)
    expect((await contact(contactId)).decision).toBeNull()
    const atTheMinute = await door.post(`/front-door/contacts/${contactId}`, decisionForm({ decidedTime: '9:15am', decision: 'no_further_action' }))
    expect(atTheMinute.statusCode).toBe(303)
  })

  it('refuses a decision in the future, a missing decision, and unknown decision or primary need codes', async () => {
    const { contactId } = await recordContact()
    const future = await decide(contactId, dateFields('decided', addDays(todayInEngland(), 2)))
    expect(future.body).toContain('The date of the decision must be today or in the past')
    const missing = await door.post(`/front-door/contacts/${contactId}`, decisionForm({ decision: '', reason: '', feedback: '' }))
    for (const message of ['Select what happens next', 'Enter the reason for the decision', 'Enter what the referrer was told']) expect(missing.body).toContain(message)
    const unknown = await door.post(`/front-door/contacts/${contactId}`, decisionForm({ decision: 'close_it' }))
    expect(unknown.body).toContain('Select what happens next from the list')
    const badNeed = await door.post(`/front-door/contacts/${contactId}`, decisionForm({ primaryNeed: 'N10' }))
    expect(badNeed.body).toContain('Select the child’s primary need from the list')
    const noNeed = await door.post(`/front-door/contacts/${contactId}`, decisionForm({ decision: 'strategy_discussion', primaryNeed: '' }))
    expect(noNeed.statusCode).toBe(400)
    expect(noNeed.body).toContain('Select the child’s primary need for a strategy discussion')
    expect((await contact(contactId)).decision).toBeNull()
  })

  it('records a decision once when the form arrives twice at once', async () => {
    const { childId, contactId } = await recordContact()
    await door.get(`/front-door/contacts/${contactId}`)
    const [a, b] = await Promise.all([door.post(`/front-door/contacts/${contactId}`, decisionForm()), door.post(`/front-door/contacts/${contactId}`, decisionForm())])
    expect([a.statusCode, b.statusCode]).toEqual([303, 303])
    expect(await eventsOf(childId, 'contact.decided')).toHaveLength(1)
    expect(await referralsOf(childId)).toHaveLength(1)
  })

  it('answers 404 for another authority’s contact and for a made-up id, and never a 500', async () => {
    const other = await createOtherAuthority(t.database.db, '883')
    const theirChild = await createChild(t.database.db, { laCode: other.laCode })
    const theirs = await insertContact(t.database.db, { laCode: other.laCode, childId: theirChild, receivedAt: new Date(Date.now() - 3_600_000), recordedBy: other.workerId })
    await door.get('/front-door')
    expect((await door.get(`/front-door/contacts/${theirs}`)).statusCode).toBe(404)
    expect((await door.post(`/front-door/contacts/${theirs}`, decisionForm())).statusCode).toBe(404)
    expect((await door.get('/front-door/contacts/not-a-contact')).statusCode).toBe(404)
    expect((await door.post('/front-door/contacts/00000000-0000-4000-8000-000000000000', decisionForm())).statusCode).toBe(404)
    expect((await contact(theirs)).decision).toBeNull()
  })
})

describe('who may decide', () => {
  it('lets a team manager decide, and a social worker view the queue and contact (audited) but not decide', async () => {
    const { childId, contactId } = await recordContact()
    const worker = await signedIn(t.app, 'social.worker')
    expect((await worker.get('/front-door')).body).toContain(`/front-door/contacts/${contactId}`)
    const page = await worker.get(`/front-door/contacts/${contactId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('waiting for a decision by the front door')
    expect(page.body).not.toContain('Record decision')
    const viewed = await t.database.db.selectFrom('audit_log').where('child_id', '=', childId).where('action', '=', 'child.viewed')
      .where('user_id', '=', await userId(t.database.db, 'social.worker')).select('purpose').execute()
    expect(viewed).toEqual([{ purpose: 'front door decision' }])
    expect((await worker.post(`/front-door/contacts/${contactId}`, decisionForm())).statusCode).toBe(403)
    const manager = await signedIn(t.app, 'team.manager')
    await manager.get(`/front-door/contacts/${contactId}`)
    expect((await manager.post(`/front-door/contacts/${contactId}`, decisionForm({ decision: 'no_further_action' }))).statusCode).toBe(303)
  })

  it('refuses the queue and contacts to roles outside the front door', async () => {
    const { contactId } = await recordContact()
    const familyHelp = await signedIn(t.app, 'family.help')
    expect((await familyHelp.get('/front-door')).statusCode).toBe(403)
    expect((await familyHelp.get(`/front-door/contacts/${contactId}`)).statusCode).toBe(403)
  })
})
