// Children in need and the steps between Family Help and children's social care, through the real app:
// CIN plans and reviews on the open referral, closing with RC1-RC9, step up and step down, double clicks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, userId } from '../../../test/support/records.js'
import { deadlinesFor } from '../../platform/casework/deadlines.js'
import { addDays, addMonths, todayInEngland } from '../../platform/working-days/local-date.js'
import { openReferralFor } from './referrals.js'
import { caseAt } from '../child-protection/test-steps.js'
import { dateParts, formToken } from './test-forms.js'

let t: TestApp
let worker: Agent
let familyHelp: Agent
let ids: Record<'worker' | 'familyHelp', string>
const today = todayInEngland()
const referred = addDays(today, -60)

beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
  familyHelp = await signedIn(t.app, 'family.help')
  ids = { worker: await userId(t.database.db, 'social.worker'), familyHelp: await userId(t.database.db, 'family.help') }
})
afterAll(async () => { await t?.close() })

/** A child with an open referral (opened through the front door's service), allocated to the social worker. */
async function referredChild(referralDate = referred): Promise<string> {
  const childId = await createChild(t.database.db, { firstName: 'Ruby', lastName: 'Ashdown' })
  await allocate(t.database.db, childId, 'social.worker')
  await t.database.db.transaction().execute((trx) => openReferralFor(trx, { id: ids.worker, laCode: '886' }, childId, { referralDate, reason: 'Test referral', familyHelpEpisodeId: '' }))
  return childId
}

const cin = (childId: string) => `/children/${childId}/child-in-need`
async function post(agent: Agent, url: string, form: Record<string, string>) {
  return agent.post(url, { formToken: await formToken(agent, url), ...form })
}
async function withPlan(start = addDays(referred, 5)): Promise<{ childId: string; planId: string }> {
  const childId = await referredChild()
  expect((await post(worker, `${cin(childId)}/plans/new`, dateParts(start, 'startDate'))).statusCode).toBe(303)
  const plan = await t.database.db.selectFrom('cin_plans').select('id').where('child_id', '=', childId).executeTakeFirstOrThrow()
  return { childId, planId: plan.id }
}

const events = async (childId: string) =>
  (await t.database.db.selectFrom('child_events').where('child_id', '=', childId).select('type').orderBy('id').execute()).map((e) => e.type)
const referrals = (childId: string) => t.database.db.selectFrom('referrals').selectAll().where('child_id', '=', childId).orderBy('referral_date').execute()
const plans = (childId: string) => t.database.db.selectFrom('cin_plans').selectAll().where('child_id', '=', childId).execute()

describe('child in need plans', () => {
  it('start on or after the referral, once, and append cin_plan.started', async () => {
    const childId = await referredChild()
    const url = `${cin(childId)}/plans/new`
    const early = await post(worker, url, dateParts(addDays(referred, -1), 'startDate'))
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('The plan must start on or after the referral date')
    const form = { formToken: await formToken(worker, url), ...dateParts(referred, 'startDate') }
    const [first, second] = [await worker.post(url, form), await worker.post(url, form)]
    expect([first.statusCode, second.statusCode]).toEqual([303, 303])
    expect(second.headers.location).toBe(first.headers.location)
    expect(await plans(childId)).toHaveLength(1)
    const again = await post(worker, url, dateParts(referred, 'startDate'))
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('already has a child in need plan')
    expect((await events(childId)).filter((e) => e.startsWith('cin_plan'))).toEqual(['cin_plan.started'])
  })

  it('are refused without an open referral', async () => {
    const childId = await createChild(t.database.db)
    await allocate(t.database.db, childId, 'social.worker')
    const response = await post(worker, `${cin(childId)}/plans/new`, dateParts(today, 'startDate'))
    expect(response.statusCode).toBe(409)
    expect(response.body).toContain('does not have an open child in need episode')
    expect(await plans(childId)).toEqual([])
  })

  it('end on or after their start', async () => {
    const { childId, planId } = await withPlan()
    const url = `${cin(childId)}/plans/${planId}/end`
    const early = await post(worker, url, dateParts(referred, 'endDate'))
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('The plan must end on or after the day it started')
    expect((await post(worker, url, dateParts(today, 'endDate'))).statusCode).toBe(303)
    expect((await plans(childId))[0]?.end_date).toBe(today)
  })

  it('are reviewed: not before the plan started, an outcome chosen, the next review 3 months on unless given', async () => {
    const { childId, planId } = await withPlan()
    const url = `${cin(childId)}/plans/${planId}/reviews/new`
    const bad = await post(worker, url, { ...dateParts(referred, 'reviewDate'), notes: 'Kept notes' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('The review date must be on or after the day the plan started')
    expect(bad.body).toContain('Select what the review decided')
    expect(bad.body).toContain('Kept notes')
    const reviewDate = addDays(today, -1)
    expect((await post(worker, url, { ...dateParts(reviewDate, 'reviewDate'), outcome: 'continue', notes: '' })).statusCode).toBe(303)
    const review = await t.database.db.selectFrom('cin_plan_reviews').selectAll().where('cin_plan_id', '=', planId).executeTakeFirstOrThrow()
    expect(review.next_review_due).toBe(addMonths(reviewDate, 3))
    expect(await deadlinesFor(t.database.db, [childId], today)).toContainEqual(expect.objectContaining({ ruleId: 'CIN-01', due: addMonths(reviewDate, 3) }))
  })

  it('have their first review due 3 months from the start, on the date even when it is a bank holiday (5 May 2025)', async () => {
    const childId = await referredChild('2025-01-20')
    expect((await post(worker, `${cin(childId)}/plans/new`, dateParts('2025-02-05', 'startDate'))).statusCode).toBe(303)
    const deadlines = await deadlinesFor(t.database.db, [childId], '2025-04-01')
    expect(deadlines.filter((deadline) => deadline.ruleId === 'CIN-01')).toEqual([
      expect.objectContaining({ due: '2025-05-05', what: 'Review the child in need plan' }),
    ])
    const page = await worker.get(cin(childId))
    expect(page.body).toContain('Next review due 5 May 2025')
  })
})

describe('closing the CIN episode', () => {
  it('needs a reason from RC1-RC9, keeping the date typed and writing nothing', async () => {
    const { childId } = await withPlan()
    const url = `${cin(childId)}/close`
    const response = await post(worker, url, { ...dateParts(today, 'closureDate'), reason: 'RC10' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Select why the case is closing')
    expect(response.body).toContain(`value="${today.slice(0, 4)}"`)
    expect((await referrals(childId))[0]?.closure_date).toBeNull()
    expect((await plans(childId))[0]?.end_date).toBeNull()
  })

  it('is refused while the child has a child protection plan, naming what to do first', async () => {
    const chair = await signedIn(t.app, 'iro')
    const { childId } = await caseAt(t, { worker, chair }, 'plan')
    await allocate(t.database.db, childId, 'social.worker')
    const response = await post(worker, `${cin(childId)}/close`, { ...dateParts(today, 'closureDate'), reason: 'RC3' })
    expect(response.statusCode).toBe(409)
    expect(response.body).toContain('End the child protection plan before closing the case')
    expect((await referrals(childId))[0]?.closure_date).toBeNull()
  })

  it('refuses a closure date before the plan started', async () => {
    const { childId } = await withPlan(addDays(referred, 10))
    const response = await post(worker, `${cin(childId)}/close`, { ...dateParts(addDays(referred, 9), 'closureDate'), reason: 'RC7' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('The closure date must be on or after the day the child in need plan started')
  })

  it('closes the referral with the code and ends open plans on the same day, once', async () => {
    const { childId } = await withPlan()
    const url = `${cin(childId)}/close`
    const form = { formToken: await formToken(worker, url), ...dateParts(today, 'closureDate'), reason: 'RC3' }
    expect((await worker.post(url, form)).statusCode).toBe(303)
    expect((await worker.post(url, form)).statusCode).toBe(303)
    expect(await referrals(childId)).toEqual([expect.objectContaining({ closure_date: today, reason_for_closure: 'RC3' })])
    expect((await plans(childId))[0]?.end_date).toBe(today)
    expect((await events(childId)).slice(-2)).toEqual(['cin_plan.ended', 'referral.closed'])
  })

  it('shows the reasons in plain English', async () => {
    const { childId } = await withPlan()
    const page = await worker.get(`${cin(childId)}/close`)
    expect(page.body).toContain('A special guardianship order was made')
    expect(page.body).toContain('value="RC9"')
  })
})

describe('stepping up from Family Help', () => {
  async function familyHelpChild(): Promise<string> {
    const childId = await createChild(t.database.db, { firstName: 'Jonah', lastName: 'Treloar' })
    await allocate(t.database.db, childId, 'social.worker')
    expect((await post(worker, `/children/${childId}/family-help/start`, {
      ...dateParts(addDays(today, -40), 'startDate'), reason: 'Parenting support', leadPractitionerId: ids.familyHelp, supervisingSocialWorkerId: ids.worker,
    })).statusCode).toBe(303)
    const goalUrl = `/children/${childId}/family-help/goals/new`
    await post(familyHelp, goalUrl, { description: 'Safe sleep routine' })
    return childId
  }

  it('opens a referral from early help for the same child, ends Family Help and carries the goals into the CIN plan', async () => {
    const childId = await familyHelpChild()
    const url = `/children/${childId}/family-help/step-up`
    const noReason = await post(familyHelp, url, { ...dateParts(today, 'referralDate'), reason: '' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('Enter why the family needs children’s social care')
    const response = await post(familyHelp, url, { ...dateParts(today, 'referralDate'), reason: 'Concerns about neglect have grown' })
    expect(response.statusCode).toBe(303)
    expect(await referrals(childId)).toEqual([expect.objectContaining({ referral_date: today, referral_source: '5D', closure_date: null })])
    const episode = await t.database.db.selectFrom('family_help_episodes').selectAll().where('child_id', '=', childId).executeTakeFirstOrThrow()
    expect(episode).toMatchObject({ end_date: today, stepped_up_to_referral_id: (await referrals(childId))[0]!.id })
    expect(await events(childId)).toContain('family_help.stepped_up')
    expect((await post(worker, `${cin(childId)}/plans/new`, dateParts(today, 'startDate'))).statusCode).toBe(303)
    const goals = await t.database.db.selectFrom('plan_goals').innerJoin('cin_plans', 'cin_plans.id', 'plan_goals.cin_plan_id')
      .where('plan_goals.child_id', '=', childId).select(['description', 'progress']).execute()
    expect(goals).toEqual([{ description: 'Safe sleep routine', progress: 'not_started' }])
  })

  it('is refused when the child already has an open referral', async () => {
    const childId = await familyHelpChild()
    await t.database.db.transaction().execute((trx) => openReferralFor(trx, { id: ids.worker, laCode: '886' }, childId, { referralDate: today, reason: 'x', familyHelpEpisodeId: '' }))
    const response = await post(familyHelp, `/children/${childId}/family-help/step-up`, { ...dateParts(today, 'referralDate'), reason: 'Again' })
    expect(response.statusCode).toBe(409)
    expect(response.body).toContain('already has an open referral')
    expect(await referrals(childId)).toHaveLength(1)
    expect((await t.database.db.selectFrom('family_help_episodes').select('end_date').where('child_id', '=', childId).executeTakeFirstOrThrow()).end_date).toBeNull()
  })
})

describe('stepping down to Family Help', () => {
  it('needs a supervisor for a non-social-worker lead, leaving the case open and nothing half-written', async () => {
    const { childId } = await withPlan()
    const response = await post(worker, `${cin(childId)}/step-down`, {
      ...dateParts(today, 'closureDate'), reason: 'Needs are lower now', leadPractitionerId: ids.familyHelp, supervisingSocialWorkerId: '',
    })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Select the social worker who supervises Aisha Rahman')
    expect(response.body).toContain('Needs are lower now')
    expect((await referrals(childId))[0]?.closure_date).toBeNull()
    expect((await plans(childId))[0]?.end_date).toBeNull()
    expect(await t.database.db.selectFrom('family_help_episodes').select('id').where('child_id', '=', childId).execute()).toEqual([])
  })

  it('closes with RC7 after a plan and opens Family Help the same day with the unfinished goals', async () => {
    const { childId } = await withPlan()
    await post(worker, `${cin(childId)}/goals/new`, { description: 'Regular health visitor contact' })
    await post(worker, `${cin(childId)}/goals/new`, { description: 'Move to a safer flat' })
    const achieved = await t.database.db.selectFrom('plan_goals').select('id').where('description', '=', 'Move to a safer flat').where('child_id', '=', childId).executeTakeFirstOrThrow()
    await post(worker, `${cin(childId)}/goals/${achieved.id}`, { progress: 'achieved' })
    const response = await post(worker, `${cin(childId)}/step-down`, {
      ...dateParts(today, 'closureDate'), reason: 'Continue support with health', leadPractitionerId: ids.familyHelp, supervisingSocialWorkerId: ids.worker,
    })
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe(`/children/${childId}/family-help?recorded=stepped-down`)
    expect(await referrals(childId)).toEqual([expect.objectContaining({ closure_date: today, reason_for_closure: 'RC7' })])
    const episode = await t.database.db.selectFrom('family_help_episodes').selectAll().where('child_id', '=', childId).executeTakeFirstOrThrow()
    expect(episode).toMatchObject({ start_date: today, lead_practitioner_id: ids.familyHelp, stepped_down_from_referral_id: (await referrals(childId))[0]!.id })
    const carried = await t.database.db.selectFrom('plan_goals').where('family_help_episode_id', '=', episode.id).select(['description', 'carried_over_from']).execute()
    expect(carried.map((g) => g.description)).toEqual(['Regular health visitor contact'])
    expect(carried[0]!.carried_over_from).not.toBeNull()
    expect((await events(childId)).slice(-4)).toEqual(['cin_plan.ended', 'referral.closed', 'family_help.started', 'family_help.stepped_down'])
    const plan = await familyHelp.get(`/children/${childId}/family-help`)
    expect(plan.body).toContain('Regular health visitor contact')
  })

  it('closes with RC9 when there was no plan (closed after assessment, referred to early help)', async () => {
    const childId = await referredChild()
    const response = await post(worker, `${cin(childId)}/step-down`, {
      ...dateParts(today, 'closureDate'), reason: 'Early help will do', leadPractitionerId: ids.worker, supervisingSocialWorkerId: '',
    })
    expect(response.statusCode).toBe(303)
    expect((await referrals(childId))[0]?.reason_for_closure).toBe('RC9')
  })
})

describe('access', () => {
  it('lets family help practitioners read but not change the child in need page', async () => {
    const { childId } = await withPlan()
    await allocate(t.database.db, childId, 'family.help')
    expect((await familyHelp.get(cin(childId))).statusCode).toBe(200)
    expect((await familyHelp.get(`${cin(childId)}/close`)).statusCode).toBe(403)
    const unlinked = await referredChild()
    const police = await signedIn(t.app, 'police')
    expect((await police.get(cin(unlinked))).statusCode).toBe(403)
  })
})
