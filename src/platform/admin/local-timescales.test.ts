// An authority's local timescales reach every module that counts with them, not only child protection:
// here a child in need plan's review interval and the day type of the first personal education plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, userId } from '../../../test/support/records.js'
import { openReferralFor } from '../../modules/family-help/referrals.js'
import { dateParts, formToken } from '../../modules/family-help/test-forms.js'
import { deadlinesFor } from '../casework/deadlines.js'
import { localTimescales } from '../timescales/local-settings.js'

let t: TestApp
let admin: Agent
let worker: Agent
beforeAll(async () => {
  t = await createTestApp()
  admin = await signedIn(t.app, 'admin')
  worker = await signedIn(t.app, 'social.worker')
})
afterAll(async () => { await t?.close() })

const periods = {
  strategyDiscussion: ['1', 'working-days'], coreGroupInterval: ['4', 'weeks'], childProtectionVisitInterval: ['10', 'working-days'],
  transferInConference: ['15', 'working-days'], childInNeedPlanReviewInterval: ['6', 'weeks'], familyHelpPlanReviewInterval: ['3', 'months'],
}
const form = () => ({
  ...Object.fromEntries(Object.entries(periods).flatMap(([key, [count, unit]]) => [[`${key}-count`, count!], [`${key}-unit`, unit!]])),
  pepDayType: 'working-days',
})

describe('local timescales', () => {
  it('set a child in need plan’s reviews and the personal education plan’s days for this authority', async () => {
    const page = await admin.get('/admin/local-timescales')
    expect(page.body).toContain('Between reviews of a child in need plan')
    const saved = await admin.post('/admin/local-timescales', form())
    expect(saved.statusCode).toBe(303)
    expect((await localTimescales(t.database.db, '886')).pepDayType).toBe('working-days')
    expect((await admin.get('/admin/local-timescales')).body).toMatch(/value="working-days" checked/)

    const childId = await createChild(t.database.db)
    await allocate(t.database.db, childId, 'social.worker')
    const workerId = await userId(t.database.db, 'social.worker')
    await t.database.db.transaction().execute((trx) => openReferralFor(trx, { id: workerId, laCode: '886' }, childId, { referralDate: '2026-01-05', reason: 'Test referral', familyHelpEpisodeId: '' }))
    const url = `/children/${childId}/child-in-need/plans/new`
    expect((await worker.post(url, { formToken: await formToken(worker, url), ...dateParts('2026-01-12', 'startDate') })).statusCode).toBe(303)
    const deadlines = await deadlinesFor(t.database.db, [childId], '2026-01-13')
    expect(deadlines.find((d) => d.ruleId === 'CIN-01')?.due).toBe('2026-02-23')
  })
})
