// The child and family assessment through the real app: started on the open referral, due 45 working days
// from it (CP-02), completed with the CIN census factors and an outcome, the reasons required when late,
// authorised or returned by a manager in the worker's line who did not submit it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { createChild, createOtherAuthority, allocate } from '../../../test/support/records.js'
import { dateFields, referredChild, submitForm } from './test-fixtures.js'
import { expectRedirect, fieldError } from './test-steps.js'

let t: TestApp
let worker: Agent
let manager: Agent
beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
  manager = await signedIn(t.app, 'team.manager')
})
afterAll(async () => { await t?.close() })

// The worked example: 45 working days after Monday 2 December 2024 (over Christmas) is 6 February 2025.
const referral = '2024-12-02'
const due = '2025-02-06'

const assessments = (childId: string) => t.database.db.selectFrom('assessments').selectAll().where('child_id', '=', childId).execute()
const eventTypes = async (childId: string) =>
  (await t.database.db.selectFrom('child_events').where('child_id', '=', childId).select('type').orderBy('id').execute()).map((e) => e.type)

async function started(): Promise<{ childId: string; url: string }> {
  const childId = await referredChild(t.database.db, referral)
  await expectRedirect(worker, `/children/${childId}/assessments/new`, dateFields('startDate', '2024-12-03'))
  const [assessment] = await assessments(childId)
  return { childId, url: `/children/${childId}/assessments/${assessment!.id}` }
}

describe('starting an assessment', () => {
  it('starts on the open referral, shows the CP-02 due date, and a second click finds the same assessment', async () => {
    const childId = await referredChild(t.database.db, referral)
    const form = await worker.get(`/children/${childId}/assessments/new`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('6 February 2025')
    const url = `/children/${childId}/assessments/new`
    const [first, second] = [await worker.post(url, dateFields('startDate', '2024-12-03')), await worker.post(url, dateFields('startDate', '2024-12-03'))]
    expect([first.statusCode, second.statusCode]).toEqual([303, 303])
    expect(second.headers.location).toBe(first.headers.location)
    expect(await assessments(childId)).toHaveLength(1)
    expect(await eventTypes(childId)).toContain('assessment.started')
  })

  it('refuses a start before the referral or in the future, keeping the answer, and writes nothing', async () => {
    const childId = await referredChild(t.database.db, referral)
    const url = `/children/${childId}/assessments/new`
    const early = await worker.post(url, dateFields('startDate', '2024-11-29'))
    expect(early.statusCode).toBe(400)
    expect(fieldError(early.body, 'startDate')).toBe('The assessment cannot start before the referral on 2 December 2024')
    expect(early.body).toContain('href="#startDate-day"')
    expect(early.body).toMatch(/name="startDate-day"[^>]*value="29"/)
    const future = await worker.post(url, dateFields('startDate', '2099-01-01'))
    expect(fieldError(future.body, 'startDate')).toBe('The date the assessment started must be today or in the past')
    const nonsense = await worker.post(url, { 'startDate-day': '31', 'startDate-month': '2', 'startDate-year': '2025' })
    expect(fieldError(nonsense.body, 'startDate')).toBe('The date the assessment started must be a real date')
    expect(await assessments(childId)).toEqual([])
    expect(await eventTypes(childId)).not.toContain('assessment.started')
  })

  it('is refused without an open referral', async () => {
    const childId = await createChild(t.database.db)
    await allocate(t.database.db, childId, 'social.worker')
    const response = await worker.post(`/children/${childId}/assessments/new`, dateFields('startDate', '2024-12-03'))
    expect(response.statusCode).toBe(400)
    expect(fieldError(response.body, 'startDate')).toContain('This child has no open referral')
  })

  it('is not found for another authority’s child', async () => {
    const { laCode } = await createOtherAuthority(t.database.db, '801')
    const childId = await createChild(t.database.db, { laCode })
    expect((await worker.get(`/children/${childId}/assessments/new`)).statusCode).toBe(404)
  })
})

describe('completing an assessment', () => {
  it('needs factors from the CIN census list, an outcome and the analysis', async () => {
    const { url, childId } = await started()
    const empty = await worker.post(url, { ...dateFields('completedOn', due), analysis: '' })
    expect(empty.statusCode).toBe(400)
    expect(fieldError(empty.body, 'factors')).toBe('Select the factors identified at the assessment, or ‘No factors identified’')
    expect(fieldError(empty.body, 'outcome')).toBe('Select the outcome of the assessment')
    expect(fieldError(empty.body, 'analysis')).toBe('Enter the analysis and recommendation')
    const unknown = await worker.post(url, submitForm(due, { factors: ['18A', '99Z'] }))
    expect(fieldError(unknown.body, 'factors')).toBe('Select factors from the list')
    const noneAndSome = await worker.post(url, submitForm(due, { factors: ['21', '3B'], outcome: 'no_further_action' }))
    expect(fieldError(noneAndSome.body, 'factors')).toBe('‘No factors identified’ cannot be selected with other factors')
    expect(noneAndSome.body).toMatch(/value="3B" checked/)
    const noneWithAction = await worker.post(url, submitForm(due, { factors: '21', outcome: 'child_in_need_plan' }))
    expect(fieldError(noneWithAction.body, 'factors')).toBe('‘No factors identified’ is only used when no further action is taken')
    expect((await assessments(childId))[0]!.status).toBe('in_progress')
  })

  it('needs the reasons when completed after the 45th working day, and not when on time', async () => {
    const late = await started()
    const refused = await worker.post(late.url, submitForm('2025-02-07'))
    expect(refused.statusCode).toBe(400)
    expect(fieldError(refused.body, 'lateReason')).toBe('Enter why the assessment was completed after it was due on 6 February 2025')
    expect(refused.body).toContain('Bruising consistent with a grip')
    await expectRedirect(worker, late.url, submitForm('2025-02-07', { lateReason: 'The family were abroad for three weeks.' }))
    expect((await assessments(late.childId))[0]).toMatchObject({ status: 'submitted', late_reason: 'The family were abroad for three weeks.', factors: ['18A', '3B'] })

    const onTime = await started()
    await expectRedirect(worker, onTime.url, submitForm(due))
    expect((await assessments(onTime.childId))[0]).toMatchObject({ status: 'submitted', completed_on: due, late_reason: null })
  })

  it('cannot be completed before it started', async () => {
    const { url } = await started()
    const response = await worker.post(url, submitForm('2024-12-02'))
    expect(fieldError(response.body, 'completedOn')).toBe('The assessment cannot be completed before it started on 3 December 2024')
  })
})

describe('authorising an assessment', () => {
  it('is for a manager in the worker’s line: the worker and the chair are refused', async () => {
    const { url } = await started()
    await expectRedirect(worker, url, submitForm(due))
    expect((await worker.get(`${url}/decision`)).statusCode).toBe(403)
    const chair = await signedIn(t.app, 'iro')
    expect((await chair.get(`${url}/decision`)).statusCode).toBe(403)
  })

  it('returns with comments (required), then authorises the resubmission, appending events', async () => {
    const { url, childId } = await started()
    await expectRedirect(worker, url, submitForm(due))
    const noComments = await manager.post(`${url}/decision`, { decision: 'return', comments: '' })
    expect(fieldError(noComments.body, 'comments')).toBe('Enter what the worker needs to change')
    await expectRedirect(manager, `${url}/decision`, { decision: 'return', comments: 'Say more about the father’s role.' })
    expect((await assessments(childId))[0]).toMatchObject({ status: 'returned', manager_comments: 'Say more about the father’s role.' })
    expect((await worker.get(url)).body).toContain('Say more about the father’s role.')
    await expectRedirect(worker, url, submitForm(due))
    const early = await manager.post(`${url}/decision`, { decision: 'authorise', ...dateFields('authorisedOn', '2025-02-05') })
    expect(fieldError(early.body, 'authorisedOn')).toBe('The assessment cannot be authorised before it was completed on 6 February 2025')
    const late = await manager.post(`${url}/decision`, { decision: 'authorise', ...dateFields('authorisedOn', '2025-02-10') })
    expect(fieldError(late.body, 'lateReason')).toBe('Enter why the assessment was authorised after it was due on 6 February 2025')
    await expectRedirect(manager, `${url}/decision`, { decision: 'authorise', ...dateFields('authorisedOn', due) })
    expect((await assessments(childId))[0]).toMatchObject({ status: 'authorised', authorised_on: due })
    expect(await eventTypes(childId)).toEqual(expect.arrayContaining(['assessment.started', 'assessment.submitted', 'assessment.returned', 'assessment.authorised']))
    const authorised = await t.database.db.selectFrom('child_events').where('child_id', '=', childId).where('type', '=', 'assessment.authorised').select('significant').executeTakeFirstOrThrow()
    expect(authorised.significant).toBe(true)
  })

  it('refuses a manager authorising an assessment they submitted themselves', async () => {
    const { url, childId } = await started()
    await expectRedirect(manager, url, submitForm(due))
    const response = await manager.post(`${url}/decision`, { decision: 'authorise', ...dateFields('authorisedOn', due) })
    expect(response.statusCode).toBe(400)
    expect(fieldError(response.body, 'decision')).toBe('You submitted this assessment, so another manager must authorise it')
    expect((await assessments(childId))[0]!.status).toBe('submitted')
  })
})
