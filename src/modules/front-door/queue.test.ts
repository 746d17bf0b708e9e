// The front-door queue: every open contact, oldest first, with its time left against the 1 working
// day rule (CP-01) counted in working days with bank holidays; re-referrals flagged at the door.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, createOtherAuthority, userId } from '../../../test/support/records.js'
import { deadlinesFor } from '../../platform/casework/deadlines.js'
import { addDays, addMonths, todayInEngland } from '../../platform/working-days/local-date.js'
import { frontDoorQueue } from './service.js'
import { contactForm, dateFields, decisionForm, insertContact, insertReferral, yesterday } from './test-fixtures.js'

let t: TestApp
let door: Agent
let doorId: string
beforeAll(async () => {
  t = await createTestApp()
  door = await signedIn(t.app, 'front.door')
  doorId = await userId(t.database.db, 'front.door')
})
afterAll(async () => { await t.close() })
afterEach(() => { vi.useRealTimers() })

/** The queue's rows as the page shows them: contact id, its RAG and the words beside it. */
async function queueRows(agent: Agent) {
  const page = await agent.get('/front-door')
  expect(page.statusCode).toBe(200)
  return [...page.body.matchAll(/<tr class="govuk-table__row" data-contact="([^"]+)">([\s\S]*?)<\/tr>/g)].map(([, id, row]) => ({
    id: id!, rag: /data-rag="(\w+)"/.exec(row!)![1], clock: /<span class="kindred-rag--\w+">([^<]*)<\/span>/.exec(row!)![1]!.trim(), row: row!,
  }))
}

/** Signs in afresh at a moment in England (sessions time out when the clock jumps a day). */
async function at(isoMoment: string): Promise<Agent> {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(isoMoment))
  return signedIn(t.app, 'front.door')
}

describe('the decision clock through the queue', () => {
  it('counts 1 working day past a weekend and the summer bank holiday: red, amber and green at the boundary', async () => {
    const friday = await createChild(t.database.db, { firstName: 'Friday', lastName: 'Evening' })
    const thursday = await createChild(t.database.db, { firstName: 'Thursday', lastName: 'Morning' })
    const agent = await at('2026-08-28T17:30:00+01:00')
    for (const [child, day, time] of [[friday, '2026-08-28', '16:00'], [thursday, '2026-08-27', '9:00am']] as const) {
      await agent.get(`/children/${child}/contacts/new`)
      const response = await agent.post(`/children/${child}/contacts/new`, contactForm({ ...dateFields('received', day), receivedTime: time }))
      expect(response.statusCode).toBe(303)
    }
    const ids = await t.database.db.selectFrom('contacts').where('child_id', 'in', [friday, thursday]).select(['id', 'child_id']).execute()
    const fridayId = ids.find((c) => c.child_id === friday)!.id
    const thursdayId = ids.find((c) => c.child_id === thursday)!.id
    const mine = (rows: Awaited<ReturnType<typeof queueRows>>) => rows.filter((r) => r.id === fridayId || r.id === thursdayId)

    // Monday 31 August 2026 is a bank holiday: Friday's contact is due on Tuesday, Thursday's was due on Friday.
    const onHoliday = mine(await queueRows(await at('2026-08-31T10:00:00+01:00')))
    expect(onHoliday.map((r) => r.id)).toEqual([thursdayId, fridayId])
    expect(onHoliday.map((r) => [r.rag, r.clock])).toEqual([
      ['red', 'Overdue by 3 days (was due 28 August 2026)'],
      ['green', 'Due 1 September 2026'],
    ])
    expect(mine(await queueRows(await at('2026-09-01T08:00:00+01:00'))).map((r) => [r.rag, r.clock])[1]).toEqual(['amber', 'Due today'])
    expect(mine(await queueRows(await at('2026-09-01T23:59:00+01:00'))).map((r) => r.rag)[1]).toBe('amber')
    expect(mine(await queueRows(await at('2026-09-02T00:01:00+01:00'))).map((r) => [r.rag, r.clock])[1]).toEqual(['red', 'Overdue by 1 day (was due 1 September 2026)'])
  })

  it('counts across Christmas: received Thursday 24 December 2026, due Tuesday 29 December', async () => {
    const child = await createChild(t.database.db, { firstName: 'Noel', lastName: 'Clock' })
    const contactId = await insertContact(t.database.db, { childId: child, receivedAt: new Date('2026-12-24T16:00:00Z'), recordedBy: doorId })
    const on = async (today: string) => (await frontDoorQueue(t.database.db, { id: doorId, laCode: '886' }, today)).find((i) => i.id === contactId)!.status
    expect((await on('2026-12-24')).due).toBe('2026-12-29')
    expect((await on('2026-12-28')).rag).toBe('green')
    expect((await on('2026-12-29')).rag).toBe('amber')
    expect((await on('2026-12-30')).rag).toBe('red')
  })

  it('lists only open contacts of the user’s authority, oldest first, and hides a restricted child from users not named on it', async () => {
    const older = await createChild(t.database.db, { firstName: 'Older', lastName: 'Contact' })
    const newer = await createChild(t.database.db, { firstName: 'Newer', lastName: 'Contact' })
    const hidden = await createChild(t.database.db, { firstName: 'Hidden', lastName: 'Restricted', restricted: true })
    const olderId = await insertContact(t.database.db, { childId: older, receivedAt: new Date(Date.now() - 5 * 3_600_000), recordedBy: doorId })
    const newerId = await insertContact(t.database.db, { childId: newer, receivedAt: new Date(Date.now() - 3_600_000), recordedBy: doorId })
    const hiddenId = await insertContact(t.database.db, { childId: hidden, receivedAt: new Date(Date.now() - 3_600_000), recordedBy: doorId })
    const other = await createOtherAuthority(t.database.db, '884')
    const elsewhere = await insertContact(t.database.db, {
      laCode: other.laCode, childId: await createChild(t.database.db, { laCode: other.laCode }), receivedAt: new Date(Date.now() - 3_600_000), recordedBy: other.workerId,
    })
    const ids = (await queueRows(door)).map((r) => r.id)
    expect(ids).not.toContain(elsewhere)
    expect(ids.indexOf(olderId)).toBeLessThan(ids.indexOf(newerId))
    expect(ids).not.toContain(hiddenId)
    expect((await door.get(`/front-door/contacts/${hiddenId}`)).statusCode).toBe(404)
    await t.database.db.insertInto('restricted_access').values({ child_id: hidden, user_id: doorId }).execute()
    expect((await queueRows(door)).map((r) => r.id)).toContain(hiddenId)
  })
})

describe('re-referrals at the door', () => {
  it('flags a referral within 12 months before the contact (CIN census), on the queue and the decision page, and counts it on referral.opened', async () => {
    const child = await createChild(t.database.db, { firstName: 'Riley', lastName: 'Again' })
    const previous = addMonths(yesterday(), -12)
    await insertReferral(t.database.db, { childId: child, referralDate: previous, closureDate: addDays(previous, 30), openedBy: doorId })
    await door.get(`/children/${child}/contacts/new`)
    const contactId = String((await door.post(`/children/${child}/contacts/new`, contactForm())).headers.location).split('/').pop()!
    expect((await queueRows(door)).find((r) => r.id === contactId)!.row).toContain('Re-referral')
    const page = await door.get(`/front-door/contacts/${contactId}`)
    expect(page.body).toContain('Re-referral: this child was referred on')
    await door.post(`/front-door/contacts/${contactId}`, decisionForm())
    const opened = await t.database.db.selectFrom('child_events').where('child_id', '=', child).where('type', '=', 'referral.opened').select('data').executeTakeFirstOrThrow()
    expect(opened.data).toMatchObject({ reReferral: true })
    // The contact's own referral is not a previous one.
    expect((await door.get(`/front-door/contacts/${contactId}`)).body).toContain('Re-referral: this child was referred on')
  })

  it('does not count a referral more than 12 months before, but warns when it closed within them', async () => {
    const child = await createChild(t.database.db, { firstName: 'Casey', lastName: 'Closed' })
    const previous = addDays(addMonths(yesterday(), -12), -1)
    await insertReferral(t.database.db, { childId: child, referralDate: previous, closureDate: addMonths(yesterday(), -2), openedBy: doorId })
    await door.get(`/children/${child}/contacts/new`)
    const contactId = String((await door.post(`/children/${child}/contacts/new`, contactForm())).headers.location).split('/').pop()!
    const row = (await queueRows(door)).find((r) => r.id === contactId)!.row
    expect(row).toContain('Closed in last 12 months')
    expect(row).not.toContain('Re-referral')
    const page = await door.get(`/front-door/contacts/${contactId}`)
    expect(page.body).toContain('previous referral closed on')
    await door.post(`/front-door/contacts/${contactId}`, decisionForm())
    const opened = await t.database.db.selectFrom('child_events').where('child_id', '=', child).where('type', '=', 'referral.opened').select('data').executeTakeFirstOrThrow()
    expect(opened.data).toMatchObject({ reReferral: false })
  })

  it('does not flag a first referral', async () => {
    const child = await createChild(t.database.db, { firstName: 'First', lastName: 'Time' })
    const contactId = await insertContact(t.database.db, { childId: child, receivedAt: new Date(Date.now() - 3_600_000), recordedBy: doorId })
    const row = (await queueRows(door)).find((r) => r.id === contactId)!.row
    expect(row).not.toMatch(/Re-referral|Closed in last 12 months/)
  })
})

describe('the contact decision on deadlines and the child’s page', () => {
  it('gives each open contact a CP-01 deadline linking to its decision, gone once decided', async () => {
    const child = await createChild(t.database.db)
    await door.get(`/children/${child}/contacts/new`)
    const contactId = String((await door.post(`/children/${child}/contacts/new`, contactForm())).headers.location).split('/').pop()!
    const [deadline] = await deadlinesFor(t.database.db, [child], todayInEngland())
    expect(deadline).toMatchObject({ childId: child, ruleId: 'CP-01', href: `/front-door/contacts/${contactId}` })
    expect(deadline!.due > yesterday()).toBe(true)
    await door.post(`/front-door/contacts/${contactId}`, decisionForm({ decision: 'no_further_action' }))
    expect(await deadlinesFor(t.database.db, [child], todayInEngland())).toEqual([])
  })

  it('shows recent contacts and the referral status on the child’s page', async () => {
    const child = await createChild(t.database.db)
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    expect((await worker.get(`/children/${child}`)).body).toMatch(/Contacts and referrals[\s\S]*?No open referral/)
    await door.get(`/children/${child}/contacts/new`)
    const contactId = String((await door.post(`/children/${child}/contacts/new`, contactForm())).headers.location).split('/').pop()!
    expect((await worker.get(`/children/${child}`)).body).toMatch(new RegExp(`/front-door/contacts/${contactId}[\\s\\S]*?awaiting a decision`))
    await door.post(`/front-door/contacts/${contactId}`, decisionForm({ primaryNeed: 'N5' }))
    expect((await worker.get(`/children/${child}`)).body).toMatch(/Open referral since[\s\S]*?Primary need: Family dysfunction/)
  })
})
