// "What's changed": partners and allocated workers see significant events on their children since
// they last looked, recorded by someone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { expectAccessible, startBrowserHarness } from '../../../test/support/browser.js'
import { createChild, userId } from '../../../test/support/records.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { decisionForm } from '../front-door/test-fixtures.js'
import { concernForm, decidedNow } from '../multi-agency/test-fixtures.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

async function concernThenReferral(childId: string, nhsNumber: string): Promise<void> {
  const school = await signedIn(t.app, 'school.dsl')
  await school.get('/partner/concerns/new')
  await school.post('/partner/concerns/new', concernForm({ childNhsNumber: nhsNumber, concern: 'Worried about attendance and hunger' }))
  const contact = await t.database.db.selectFrom('contacts').where('child_id', '=', childId).select('id').executeTakeFirstOrThrow()
  const door = await signedIn(t.app, 'front.door')
  await door.get(`/front-door/contacts/${contact.id}`)
  await door.post(`/front-door/contacts/${contact.id}`, decisionForm({ ...decidedNow(), reason: 'Neglect concerns' }))
}

describe('what’s changed', () => {
  it('shows the school the referral on the child they raised a concern about, until they look', async () => {
    const child = await createChild(t.database.db, { firstName: 'Evie', lastName: 'Changed', nhsNumber: '9990000077' })
    await concernThenReferral(child, '9990000077')
    const school = await signedIn(t.app, 'school.dsl')
    const before = await school.get('/whats-changed')
    expect(before.body).toContain('Evie Changed')
    expect(before.body).toContain('Referral to children’s social care')
    const record = await school.get(`/children/${child}`)
    expect(record.body).toContain('New since you last looked')
    expect((await school.get('/whats-changed')).body).not.toContain('Evie Changed')
  })

  it('shows nothing about children the user does not work with', async () => {
    const child = await createChild(t.database.db, { firstName: 'Not', lastName: 'Mine', nhsNumber: '9990000085' })
    await concernThenReferral(child, '9990000085')
    const police = await signedIn(t.app, 'police')
    expect((await police.get('/whats-changed')).body).not.toContain('Not Mine')
  })

  it('tells an involved partner when the child starts a plan, comes into care or goes missing, but not of routine notes', async () => {
    const child = await createChild(t.database.db, { firstName: 'Ivy', lastName: 'Notified' })
    const police = await userId(t.database.db, 'police')
    await t.database.db.insertInto('involvements').values({ la_code: '886', child_id: child, user_id: police, agency_id: null, kind: 'meeting', ended_at: null }).execute()
    // Written as the child-protection, family-help and looked-after modules write them, left unmarked here to
    // show the list does not depend on the writer's flag.
    for (const [type, summary] of [
      ['cp_plan.started', 'Child protection plan started: neglect'], ['cin_plan.started', 'Child in need plan started'],
      ['looked_after.started', 'Came into care under section 20'], ['missing.recorded', 'Missing from home from 20 November 2026, not yet back'],
      ['note.recorded', 'Routine case note'],
    ]) {
      await appendChildEvent(t.database.db, { laCode: '886', childId: child, type: type!, occurredAt: new Date(), recordedBy: null, summary: summary! })
    }
    const page = (await (await signedIn(t.app, 'police')).get('/whats-changed')).body
    for (const summary of ['Child protection plan started: neglect', 'Child in need plan started', 'Came into care under section 20', 'Missing from home from 20 November 2026']) {
      expect(page).toContain(summary)
    }
    expect(page).not.toContain('Routine case note')
  })

  it('shows what’s changed and the tracing list accessibly', async () => {
    const h = await startBrowserHarness()
    try {
      const page = await h.newPage({ signInAs: 'health.visitor' })
      await page.goto('/whats-changed')
      await expectAccessible(page)
      const door = await h.newPage({ signInAs: 'front.door' })
      await door.goto('/tracing')
      await expectAccessible(door)
    } finally {
      await h.close()
    }
  })
})

describe('children without an NHS number', () => {
  it('lists them for tracing, with a CSV, and leaves out those who have one', async () => {
    await createChild(t.database.db, { firstName: 'Trace', lastName: 'Me' })
    await createChild(t.database.db, { firstName: 'Already', lastName: 'Known', nhsNumber: '9990000018' })
    const door = await signedIn(t.app, 'front.door')
    const page = await door.get('/tracing')
    expect(page.body).toContain('Trace Me')
    expect(page.body).not.toContain('Already Known')
    const csv = await door.get('/tracing.csv')
    expect(csv.body.split('\r\n')[0]).toBe('LA child ID,First name,Last name,Date of birth,Sex,Postcode')
    expect(csv.body).toContain(',Trace,Me,')
    expect((await (await signedIn(t.app, 'police')).get('/tracing')).statusCode).toBe(403)
  })
})
