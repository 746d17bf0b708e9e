// The authority's local timescales (administrators only, checked, audited) and the deadlines that follow
// them: on the child's page with the rule and its source, through the deadline provider, and on "my work".
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { createChild, createOtherAuthority } from '../../../test/support/records.js'
import { deadlinesFor } from '../../platform/casework/deadlines.js'
import { dateFields, referredChild } from './test-fixtures.js'
import { caseAt, cpPath, expectRedirect, fieldError } from './test-steps.js'

let t: TestApp
let worker: Agent
let chair: Agent
let admin: Agent
beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
  chair = await signedIn(t.app, 'iro')
  admin = await signedIn(t.app, 'admin')
})
afterAll(async () => { await t?.close() })
afterEach(() => { vi.useRealTimers() })

const settingsForm = (overrides: Record<string, string> = {}) => ({
  'strategyDiscussion-count': '1', 'strategyDiscussion-unit': 'working-days',
  'coreGroupInterval-count': '4', 'coreGroupInterval-unit': 'weeks',
  'childProtectionVisitInterval-count': '10', 'childProtectionVisitInterval-unit': 'working-days',
  'transferInConference-count': '15', 'transferInConference-unit': 'working-days',
  'childInNeedPlanReviewInterval-count': '3', 'childInNeedPlanReviewInterval-unit': 'months',
  'familyHelpPlanReviewInterval-count': '3', 'familyHelpPlanReviewInterval-unit': 'months',
  pepDayType: 'school-days', ...overrides,
})

describe('the local timescales page', () => {
  it('is for administrators only', async () => {
    expect((await worker.get('/admin/local-timescales')).statusCode).toBe(403)
    expect((await chair.post('/admin/local-timescales', settingsForm())).statusCode).toBe(403)
    const page = await admin.get('/admin/local-timescales')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('CP-10: Visit the child (child protection plan). Default 10 working days.')
  })

  it('refuses nonsense beside the field, keeping the answers', async () => {
    const response = await admin.post('/admin/local-timescales', settingsForm({
      'strategyDiscussion-count': '', 'coreGroupInterval-count': '0', 'childProtectionVisitInterval-count': '2.5', 'childProtectionVisitInterval-unit': 'fortnights',
    }))
    expect(response.statusCode).toBe(400)
    expect(fieldError(response.body, 'strategyDiscussion-count')).toBe('Enter a number for strategy discussion after a referral that needs one')
    expect(fieldError(response.body, 'coreGroupInterval-count')).toBe('Between core group meetings, after the first must be at least 1')
    expect(fieldError(response.body, 'childProtectionVisitInterval-unit')).toBe('Select the unit for between visits to a child with a child protection plan')
    expect(fieldError(response.body, 'childProtectionVisitInterval-count')).toBe('Between visits to a child with a child protection plan: enter a whole number, like 10')
    expect(response.body).toMatch(/name="childProtectionVisitInterval-count" type="text" value="2.5"/)
    const noPepDays = await admin.post('/admin/local-timescales', settingsForm({ pepDayType: 'weekdays' }))
    expect(fieldError(noPepDays.body, 'pepDayType')).toBe('Select how the days to a first personal education plan are counted')
    const tooLong = await admin.post('/admin/local-timescales', settingsForm({ 'coreGroupInterval-count': '13', 'coreGroupInterval-unit': 'months' }))
    expect(fieldError(tooLong.body, 'coreGroupInterval-count')).toBe('Between core group meetings, after the first must be 12 months or fewer')
    expect(await t.database.db.selectFrom('local_timescale_settings').selectAll().execute()).toEqual([])
  })

  it('changes the deadlines of this authority only, with an audit entry', async () => {
    const { childId } = await caseAt(t, { worker, chair }, 'plan')
    const before = await deadlinesFor(t.database.db, [childId], '2025-05-09')
    expect(before.find((d) => d.ruleId === 'CP-10')?.due).toBe('2025-05-22')
    await expectRedirect(admin, '/admin/local-timescales', settingsForm({
      'childProtectionVisitInterval-count': '28', 'childProtectionVisitInterval-unit': 'days', 'coreGroupInterval-count': '6',
      'strategyDiscussion-count': '3',
    }))
    expect((await admin.get('/admin/local-timescales?saved=yes')).body).toMatch(/name="childProtectionVisitInterval-count" type="text" value="28"/)
    const after = await deadlinesFor(t.database.db, [childId], '2025-05-09')
    expect(after.find((d) => d.ruleId === 'CP-10')?.due).toBe('2025-06-05')
    const page = await worker.get(cpPath(childId))
    expect(page.body).toContain('28 days from start of the plan, then each visit (this authority’s setting)')
    const plan = await t.database.db.selectFrom('child_protection_plans').where('child_id', '=', childId).select('id').executeTakeFirstOrThrow()
    await expectRedirect(worker, `${cpPath(childId)}/plans/${plan.id}/core-groups/new`, dateFields('meetingDate', '2025-05-20'))
    expect((await deadlinesFor(t.database.db, [childId], '2025-05-21')).find((d) => d.ruleId === 'CP-07.subsequent')?.due).toBe('2025-07-01')
    const urgent = await referredChild(t.database.db, '2026-12-24', { urgent: true })
    expect((await deadlinesFor(t.database.db, [urgent], '2026-12-24')).find((d) => d.ruleId === 'CP-03')?.due).toBe('2026-12-31')
    const audited = await t.database.db.selectFrom('audit_log').where('action', '=', 'local_timescales.changed').select('la_code').execute()
    expect(audited).toEqual([{ la_code: '886' }])

    const { laCode } = await createOtherAuthority(t.database.db, '802')
    const elsewhere = await createChild(t.database.db, { laCode })
    expect(await deadlinesFor(t.database.db, [elsewhere], '2025-05-09')).toEqual([])
  })
})

describe('deadlines on the child, through the provider and on my work', () => {
  it('show the due date, days left or overdue, and the rule with its source', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2025-05-05T10:00:00+01:00'))
    const agent = await signedIn(t.app, 'social.worker')
    const { childId } = await caseAt(t, { worker: agent, chair: await signedIn(t.app, 'iro') }, 'outcome')
    const child = await agent.get(`/children/${childId}`)
    const section = child.body.slice(child.body.indexOf('id="child-protection"'))
    expect(section).toMatch(/Hold the initial child protection conference<\/a><\/th>\s*<td class="govuk-table__cell">8 May 2025<\/td>\s*<td class="govuk-table__cell"\s*data-rag="amber">3 days left<\/td>/)
    expect(section).toContain('CP-05: Working Together to Safeguard Children 2023, ch.4')
    expect(section).toContain('15 working days from strategy discussion at which the section 47 enquiry was started')
    const myWork = await agent.get('/my-work')
    expect(myWork.body).toContain('Hold the initial child protection conference')

    vi.setSystemTime(new Date('2025-05-12T10:00:00+01:00'))
    const later = await signedIn(t.app, 'social.worker')
    const overdue = await later.get(cpPath(childId))
    expect(overdue.body).toMatch(/Hold the initial child protection conference<\/a><\/th>\s*<td class="govuk-table__cell">8 May 2025<\/td>\s*<td class="govuk-table__cell"\s*data-rag="red"><strong class="govuk-tag govuk-tag--red">4 days overdue<\/strong>/)
  })
})
