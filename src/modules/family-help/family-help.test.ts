// Family Help through the real app: starting with a lead practitioner (and a supervising social worker when
// the lead is not one), goals, reviews, ending, "My families", deadlines, double submissions and access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, userId } from '../../../test/support/records.js'
import { deadlinesFor } from '../../platform/casework/deadlines.js'
import { addDays, addMonths, todayInEngland } from '../../platform/working-days/local-date.js'
import { dateParts, formToken } from './test-forms.js'

let t: TestApp
let worker: Agent
let familyHelp: Agent
let ids: Record<'worker' | 'familyHelp' | 'manager', string>
const today = todayInEngland()
const lastMonth = addDays(today, -30)

beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
  familyHelp = await signedIn(t.app, 'family.help')
  const db = t.database.db
  ids = { worker: await userId(db, 'social.worker'), familyHelp: await userId(db, 'family.help'), manager: await userId(db, 'team.manager') }
})
afterAll(async () => { await t?.close() })

/** A child the social worker is allocated to, so they may start Family Help. */
async function workersChild(): Promise<string> {
  const childId = await createChild(t.database.db, { firstName: 'Maya', lastName: 'Fielding' })
  await allocate(t.database.db, childId, 'social.worker')
  return childId
}

async function startForm(childId: string, overrides: Record<string, string> = {}) {
  return {
    formToken: await formToken(worker, `/children/${childId}/family-help/start`),
    ...dateParts(lastMonth, 'startDate'), reason: 'Parenting support after a house move',
    leadPractitionerId: ids.familyHelp, supervisingSocialWorkerId: ids.worker, ...overrides,
  }
}

async function startedChild(): Promise<string> {
  const childId = await workersChild()
  const response = await worker.post(`/children/${childId}/family-help/start`, await startForm(childId))
  expect(response.statusCode).toBe(303)
  return childId
}

const events = async (childId: string) =>
  (await t.database.db.selectFrom('child_events').where('child_id', '=', childId).select('type').orderBy('id').execute()).map((e) => e.type)
const episodes = (childId: string) => t.database.db.selectFrom('family_help_episodes').selectAll().where('child_id', '=', childId).execute()

describe('starting Family Help', () => {
  it('allocates the lead practitioner in their own team, involves the supervisor and appends family_help.started', async () => {
    const childId = await workersChild()
    const response = await worker.post(`/children/${childId}/family-help/start`, await startForm(childId))
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe(`/children/${childId}/family-help?recorded=started`)
    const [episode] = await episodes(childId)
    expect(episode).toMatchObject({ start_date: lastMonth, lead_practitioner_id: ids.familyHelp, supervising_social_worker_id: ids.worker, end_date: null })
    const allocation = await t.database.db.selectFrom('allocations').innerJoin('teams', 'teams.id', 'allocations.team_id')
      .where('allocations.id', '=', episode!.allocation_id!).select(['worker_id', 'teams.name', 'ended_on']).executeTakeFirstOrThrow()
    expect(allocation).toEqual({ worker_id: ids.familyHelp, name: 'Family help', ended_on: null })
    expect(await events(childId)).toEqual(['family_help.started'])
    // The lead practitioner reaches the plan through the platform's ordinary access policy.
    const page = await familyHelp.get(`/children/${childId}/family-help`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Parenting support after a house move')
    expect(page.body).toContain('Aisha Rahman')
    expect(page.body).toContain('Sam Okafor')
  })

  it('needs a supervising social worker when the lead is not a social worker, keeping the answers and writing nothing', async () => {
    const childId = await workersChild()
    const response = await worker.post(`/children/${childId}/family-help/start`, await startForm(childId, { supervisingSocialWorkerId: '' }))
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Select the social worker who supervises Aisha Rahman')
    expect(response.body).toContain('href="#supervisingSocialWorkerId"')
    expect(response.body).toContain('Parenting support after a house move')
    expect(response.body).toMatch(new RegExp(`value="${ids.familyHelp}" selected`))
    expect(await episodes(childId)).toEqual([])
    expect(await events(childId)).toEqual([])
  })

  it('lets a social worker lead without a supervisor', async () => {
    const childId = await workersChild()
    const response = await worker.post(`/children/${childId}/family-help/start`, await startForm(childId, { leadPractitionerId: ids.worker, supervisingSocialWorkerId: '' }))
    expect(response.statusCode).toBe(303)
    expect((await episodes(childId))[0]?.supervising_social_worker_id).toBeNull()
  })

  it('refuses a supervisor who is not a social worker, a missing reason, a future start and an unreal date', async () => {
    const childId = await workersChild()
    const bad = await worker.post(`/children/${childId}/family-help/start`, await startForm(childId, {
      supervisingSocialWorkerId: ids.familyHelp, reason: '', ...dateParts(addDays(today, 2), 'startDate'),
    }))
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Select a social worker to supervise the lead practitioner')
    expect(bad.body).toContain('Enter why the family needs help')
    expect(bad.body).toContain('The start date must be today or in the past')
    const unreal = await worker.post(`/children/${childId}/family-help/start`, await startForm(childId, { 'startDate-day': '31', 'startDate-month': '2' }))
    expect(unreal.statusCode).toBe(400)
    expect(unreal.body).toContain('must be a real date')
    expect(unreal.body).toContain('value="31"')
    expect(await episodes(childId)).toEqual([])
  })

  it('records a double click once and sends both clicks to the plan', async () => {
    const childId = await workersChild()
    const form = await startForm(childId)
    const [first, second] = [await worker.post(`/children/${childId}/family-help/start`, form), await worker.post(`/children/${childId}/family-help/start`, form)]
    expect(first.statusCode).toBe(303)
    expect(second.statusCode).toBe(303)
    expect(second.headers.location).toBe(first.headers.location)
    expect(await episodes(childId)).toHaveLength(1)
    expect(await events(childId)).toEqual(['family_help.started'])
  })

  it('records two clicks arriving together once', async () => {
    const childId = await workersChild()
    const form = await startForm(childId)
    const [first, second] = await Promise.all([worker.post(`/children/${childId}/family-help/start`, form), worker.post(`/children/${childId}/family-help/start`, form)])
    expect([first.statusCode, second.statusCode]).toEqual([303, 303])
    expect(second.headers.location).toBe(first.headers.location)
    expect(await episodes(childId)).toHaveLength(1)
    expect(await t.database.db.selectFrom('allocations').where('child_id', '=', childId).where('worker_id', '=', ids.familyHelp).select('id').execute()).toHaveLength(1)
  })

  it('says so when the child already has Family Help', async () => {
    const childId = await startedChild()
    const again = await worker.post(`/children/${childId}/family-help/start`, await startForm(childId))
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('This child already has Family Help')
    expect(await episodes(childId)).toHaveLength(1)
  })
})

describe('the family help plan', () => {
  it('adds goals and records their progress as family_help.plan_updated', async () => {
    const childId = await startedChild()
    const url = `/children/${childId}/family-help/goals/new`
    expect((await familyHelp.post(url, { formToken: await formToken(familyHelp, url), description: '' })).statusCode).toBe(400)
    const added = await familyHelp.post(url, { formToken: await formToken(familyHelp, url), description: 'Maya gets to school on time every day' })
    expect(added.statusCode).toBe(303)
    const goal = await t.database.db.selectFrom('plan_goals').selectAll().where('child_id', '=', childId).executeTakeFirstOrThrow()
    expect(goal.progress).toBe('not_started')
    const goalUrl = `/children/${childId}/family-help/goals/${goal.id}`
    const wrong = await familyHelp.post(goalUrl, { formToken: await formToken(familyHelp, goalUrl), progress: 'nearly' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('Select how the goal is going')
    expect((await familyHelp.post(goalUrl, { formToken: await formToken(familyHelp, goalUrl), progress: 'in_progress' })).statusCode).toBe(303)
    const page = await familyHelp.get(`/children/${childId}/family-help`)
    expect(page.body).toContain('Maya gets to school on time every day')
    expect(page.body).toContain('In progress')
    expect(await events(childId)).toEqual(['family_help.started', 'family_help.plan_updated', 'family_help.plan_updated'])
  })

  it('refuses a review before the help started and counts the next review 3 months on when left blank', async () => {
    const childId = await startedChild()
    const url = `/children/${childId}/family-help/reviews/new`
    const early = await familyHelp.post(url, { formToken: await formToken(familyHelp, url), ...dateParts(addDays(lastMonth, -1), 'reviewDate'), notes: 'Going well' })
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('The review date must be on or after the day Family Help started')
    expect(early.body).toContain('Going well')
    const reviewDate = addDays(today, -2)
    const ok = await familyHelp.post(url, { formToken: await formToken(familyHelp, url), ...dateParts(reviewDate, 'reviewDate'), notes: 'Going well' })
    expect(ok.statusCode).toBe(303)
    const review = await t.database.db.selectFrom('family_help_reviews').selectAll().where('child_id', '=', childId).executeTakeFirstOrThrow()
    expect(review.next_review_due).toBe(addMonths(reviewDate, 3))
    const deadlines = await deadlinesFor(t.database.db, [childId], today)
    expect(deadlines).toContainEqual(expect.objectContaining({ ruleId: 'FH-01', due: addMonths(reviewDate, 3) }))
  })

  it('refuses a next review on or before the review, and a next review date that is not real, writing nothing', async () => {
    const childId = await startedChild()
    const url = `/children/${childId}/family-help/reviews/new`
    const before = await familyHelp.post(url, { formToken: await formToken(familyHelp, url), ...dateParts(today, 'reviewDate'), ...dateParts(today, 'nextReviewDue'), notes: 'x' })
    expect(before.body).toContain('The next review must be after this review')
    const unreal = await familyHelp.post(url, { formToken: await formToken(familyHelp, url), ...dateParts(today, 'reviewDate'), 'nextReviewDue-day': '40', 'nextReviewDue-month': '1', 'nextReviewDue-year': '2030', notes: 'x' })
    expect(unreal.statusCode).toBe(400)
    expect(unreal.body).toContain('must be a real date')
    expect(await t.database.db.selectFrom('family_help_reviews').where('child_id', '=', childId).select('id').execute()).toEqual([])
  })

  it('records when the assessment was completed, keeping the answer when it is before the help started or in the future', async () => {
    const childId = await startedChild()
    const url = `/children/${childId}/family-help/assessment`
    const early = await familyHelp.post(url, { formToken: await formToken(familyHelp, url), ...dateParts(addDays(lastMonth, -1), 'completedOn') })
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('The date the assessment was completed must be on or after the day Family Help started')
    expect(early.body).toMatch(new RegExp(`name="completedOn-day"[^>]*value="${Number(addDays(lastMonth, -1).slice(8))}"`))
    const future = await familyHelp.post(url, { formToken: await formToken(familyHelp, url), ...dateParts(addDays(today, 1), 'completedOn') })
    expect(future.body).toContain('The date the assessment was completed must be today or in the past')
    const blank = await familyHelp.post(url, { formToken: await formToken(familyHelp, url) })
    expect(blank.body).toContain('Enter the date the assessment was completed')
    const done = await familyHelp.post(url, { formToken: await formToken(familyHelp, url), ...dateParts(addDays(lastMonth, 14), 'completedOn') })
    expect(done.headers.location).toBe(`/children/${childId}/family-help?recorded=assessment`)
    expect((await episodes(childId))[0]!.assessment_completed_on).toBe(addDays(lastMonth, 14))
    expect((await familyHelp.get(`/children/${childId}/family-help`)).body).toMatch(/Assessment completed\s*<\/dt>\s*<dd[^>]*>\s*\d+ \w+ \d{4}/)
    expect(await events(childId)).toEqual(['family_help.started', 'family_help.assessment_completed'])
  })

  it('ends the help and the lead practitioner’s allocation; an end before the start is refused', async () => {
    const childId = await startedChild()
    const url = `/children/${childId}/family-help/end`
    const early = await familyHelp.post(url, { formToken: await formToken(familyHelp, url), ...dateParts(addDays(lastMonth, -1), 'endDate'), endReason: 'Goals met' })
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('The end date must be on or after the day Family Help started')
    const ended = await familyHelp.post(url, { formToken: await formToken(familyHelp, url), ...dateParts(today, 'endDate'), endReason: 'Goals met' })
    expect(ended.statusCode).toBe(303)
    const [episode] = await episodes(childId)
    expect(episode).toMatchObject({ end_date: today, end_reason: 'Goals met' })
    const allocation = await t.database.db.selectFrom('allocations').where('id', '=', episode!.allocation_id!).select('ended_on').executeTakeFirstOrThrow()
    expect(allocation.ended_on).toBe(today)
    expect((await familyHelp.get(`/children/${childId}/family-help`)).statusCode).toBe(403)
    expect(await events(childId)).toEqual(['family_help.started', 'family_help.ended'])
  })
})

describe('My families and deadlines', () => {
  it('lists the families a practitioner leads with the next review due, and the supervisor’s too', async () => {
    const childId = await startedChild()
    const mine = await familyHelp.get('/my-families')
    expect(mine.statusCode).toBe(200)
    expect(mine.body).toContain(`/children/${childId}/family-help`)
    expect(mine.body).toContain(addMonths(lastMonth, 3).slice(0, 4))
    expect(mine.body).toContain('href="/my-families"')
    const supervised = await worker.get('/my-families')
    expect(supervised.body).toContain(`/children/${childId}/family-help`)
    expect(supervised.body).toContain('Supervising social worker')
  })

  it('counts the first review from the start; months end on the date even on a bank holiday (5 May 2025)', async () => {
    const childId = await workersChild()
    const form = { ...(await startForm(childId)), ...dateParts('2025-02-05', 'startDate') }
    expect((await worker.post(`/children/${childId}/family-help/start`, form)).statusCode).toBe(303)
    const deadlines = await deadlinesFor(t.database.db, [childId], '2025-04-01')
    expect(deadlines).toEqual([expect.objectContaining({ childId, ruleId: 'FH-01', due: '2025-05-05', what: 'Review the family help plan' })])
    const childPage = await worker.get(`/children/${childId}`)
    expect(childPage.body).toContain('Review the family help plan')
    expect(childPage.body).toContain('5 May 2025')
  })
})

describe('access', () => {
  it('refuses practitioners not linked to the child and roles outside Family Help', async () => {
    const childId = await startedChild()
    const police = await signedIn(t.app, 'police')
    expect((await police.get(`/children/${childId}/family-help`)).statusCode).toBe(403)
    expect((await police.get('/my-families')).statusCode).toBe(403)
    const unlinked = await createChild(t.database.db)
    expect((await familyHelp.get(`/children/${unlinked}/family-help`)).statusCode).toBe(403)
    expect((await familyHelp.post(`/children/${unlinked}/family-help/start`, {})).statusCode).toBe(403)
  })

  it('answers 400 to a form without its token', async () => {
    const childId = await workersChild()
    const response = await worker.post(`/children/${childId}/family-help/start`, { reason: 'x' })
    expect(response.statusCode).toBe(400)
  })
})
