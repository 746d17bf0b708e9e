// The referral (CIN episode) service other modules build on: open, read, close, list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/support/app.js'
import { createChild, userId } from '../../../test/support/records.js'
import { closeReferral, getOpenReferral, openReferral, referralsForChildren, type Actor } from './service.js'

let t: TestApp
let actor: Actor
beforeAll(async () => {
  t = await createTestApp()
  actor = { id: await userId(t.database.db, 'social.worker'), laCode: '886' }
})
afterAll(async () => { await t.close() })

const eventsOf = (childId: string) => t.database.db.selectFrom('child_events').where('child_id', '=', childId).orderBy('id').selectAll().execute()

describe('the referral service', () => {
  it('opens a referral with N0 until a need is stated, reads it back as open, and closes it with a reason and the NFA flag', async () => {
    const child = await createChild(t.database.db)
    const opened = await t.database.db.transaction().execute((trx) => openReferral(trx, actor, { childId: child, referralDate: '2026-06-01', source: '5D' }))
    expect(opened.reReferral).toBe(false)
    expect(await getOpenReferral(t.database.db, '886', child)).toMatchObject({
      id: opened.id, referralDate: '2026-06-01', referralSource: '5D', primaryNeed: 'N0', urgentStrategyDiscussion: false, referralNfa: false, closureDate: null,
    })
    const closed = await t.database.db.transaction().execute((trx) =>
      closeReferral(trx, actor, { referralId: opened.id, childId: child, closureDate: '2026-06-20', reasonForClosure: 'RC8', referralNfa: true }))
    expect(closed).toBe(true)
    expect(await getOpenReferral(t.database.db, '886', child)).toBeUndefined()
    expect(await referralsForChildren(t.database.db, [child])).toEqual([expect.objectContaining({ closureDate: '2026-06-20', reasonForClosure: 'RC8', referralNfa: true })])
    const events = await eventsOf(child)
    expect(events.map((e) => [e.type, e.significant])).toEqual([['referral.opened', true], ['referral.closed', true]])
    expect(events[1]!.summary).toBe('Case closed: case closed after assessment, no further action')
  })

  it('closes only an open referral of the actor’s authority, recording nothing otherwise', async () => {
    const child = await createChild(t.database.db)
    const { id } = await t.database.db.transaction().execute((trx) => openReferral(trx, actor, { childId: child, referralDate: '2026-06-01', source: '6' }))
    const close = (laCode: string) => t.database.db.transaction().execute((trx) =>
      closeReferral(trx, { ...actor, laCode }, { referralId: id, childId: child, closureDate: '2026-07-01', reasonForClosure: 'RC7' }))
    expect(await close('999')).toBe(false)
    expect(await close('886')).toBe(true)
    expect(await close('886')).toBe(false)
    expect((await eventsOf(child)).filter((e) => e.type === 'referral.closed')).toHaveLength(1)
  })

  it('counts a re-referral within 12 months of a previous referral, not one 12 months and a day after', async () => {
    const child = await createChild(t.database.db)
    const open = (referralDate: string) => t.database.db.transaction().execute((trx) => openReferral(trx, actor, { childId: child, referralDate, source: '2A', primaryNeed: 'N1' }))
    const closeOn = (referralId: string, closureDate: string) => t.database.db.transaction().execute((trx) =>
      closeReferral(trx, actor, { referralId, childId: child, closureDate, reasonForClosure: 'RC7' }))
    const first = await open('2025-03-01')
    await closeOn(first.id, '2025-03-20')
    const second = await open('2026-03-02')
    expect(second.reReferral).toBe(false)
    await closeOn(second.id, '2026-03-10')
    expect((await open('2027-03-02')).reReferral).toBe(true)
  })

  it('refuses codes outside the DfE lists, writing nothing', async () => {
    const child = await createChild(t.database.db)
    await expect(t.database.db.transaction().execute((trx) => openReferral(trx, actor, { childId: child, referralDate: '2026-06-01', source: '11' }))).rejects.toThrow(RangeError)
    await expect(t.database.db.transaction().execute((trx) => openReferral(trx, actor, { childId: child, referralDate: '2026-06-01', source: '6', primaryNeed: 'N10' }))).rejects.toThrow(RangeError)
    expect(await referralsForChildren(t.database.db, [child])).toEqual([])
    const { id } = await t.database.db.transaction().execute((trx) => openReferral(trx, actor, { childId: child, referralDate: '2026-06-01', source: '6' }))
    await expect(t.database.db.transaction().execute((trx) => closeReferral(trx, actor, { referralId: id, childId: child, closureDate: '2026-06-02', reasonForClosure: 'RC0' }))).rejects.toThrow(RangeError)
    expect(await getOpenReferral(t.database.db, '886', child)).toBeDefined()
  })

  it('lists the referrals of many children at once, oldest first', async () => {
    const [a, b] = [await createChild(t.database.db), await createChild(t.database.db)]
    for (const [child, date] of [[b, '2026-05-01'], [a, '2026-04-01']] as const) {
      await t.database.db.transaction().execute((trx) => openReferral(trx, actor, { childId: child, referralDate: date, source: '1A' }))
    }
    expect((await referralsForChildren(t.database.db, [a, b])).map((r) => [r.childId, r.referralDate])).toEqual([[a, '2026-04-01'], [b, '2026-05-01']])
    expect(await referralsForChildren(t.database.db, [])).toEqual([])
  })
})
