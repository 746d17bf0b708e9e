// Strategy discussions, section 47 enquiries, conferences and plans through the real app: every rule of
// Working Together the module enforces, each bad answer refused beside its field with nothing written,
// and the events each step appends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { dateFields, referredChild, strategyForm } from './test-fixtures.js'
import { caseAt, cpPath, easter2025, expectRedirect, fieldError } from './test-steps.js'

let t: TestApp
let worker: Agent
let chair: Agent
beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
  chair = await signedIn(t.app, 'iro')
})
afterAll(async () => { await t?.close() })

const agents = () => ({ worker, chair })
const events = (childId: string) => t.database.db.selectFrom('child_events').where('child_id', '=', childId)
  .select(['type', 'significant', 'summary']).orderBy('id').execute()
const plans = (childId: string) => t.database.db.selectFrom('child_protection_plans').selectAll().where('child_id', '=', childId).orderBy('start_date').execute()

describe('strategy discussions', () => {
  it('need children’s social care, the police and health, keeping every answer when one is missing', async () => {
    const childId = await referredChild(t.database.db, easter2025.referral)
    const url = `${cpPath(childId)}/strategy-discussions/new`
    const response = await worker.post(url, strategyForm('2025-04-14', { 'attendees-police': '', 'attendees-health': ' ', 'attendees-education': 'Ms Head, DSL' }))
    expect(response.statusCode).toBe(400)
    expect(fieldError(response.body, 'attendees-police')).toBe('Enter who attended from the police')
    expect(fieldError(response.body, 'attendees-health')).toBe('Enter who attended from health')
    expect(fieldError(response.body, 'attendees-social_care')).toBeNull()
    expect(response.body).toContain('value="Ms Head, DSL"')
    expect(response.body).toContain('value="Sam Okafor, social worker"')
    expect(response.body).toContain('href="#attendees-police"')
    expect(await t.database.db.selectFrom('strategy_discussions').where('child_id', '=', childId).selectAll().execute()).toEqual([])
  })

  it('cannot be before the referral; ‘other’ needs what was decided; a decision is required', async () => {
    const childId = await referredChild(t.database.db, easter2025.referral)
    const url = `${cpPath(childId)}/strategy-discussions/new`
    const early = await worker.post(url, strategyForm('2025-04-09'))
    expect(fieldError(early.body, 'discussionDate')).toBe('The strategy discussion cannot be before the referral on 10 April 2025')
    const other = await worker.post(url, strategyForm('2025-04-14', { decision: 'other' }))
    expect(fieldError(other.body, 'decisionDetail')).toBe('Enter what was decided')
    const none = await worker.post(url, strategyForm('2025-04-14', { decision: 'maybe' }))
    expect(fieldError(none.body, 'decision')).toBe('Select what the strategy discussion decided')
  })

  it('are recorded with a significant event naming the agencies', async () => {
    const { childId } = await caseAt(t, agents(), 'discussion')
    const [discussion] = await t.database.db.selectFrom('strategy_discussions').where('child_id', '=', childId).selectAll().execute()
    expect(discussion!.attendees.map((a) => a.agency)).toEqual(['social_care', 'police', 'health'])
    expect(await events(childId)).toContainEqual({ type: 'child_protection.strategy_discussion', significant: true,
      summary: 'Strategy discussion with children’s social care, police, health: start a section 47 enquiry' })
  })

  it('are due by the local timescale from a referral that asked for one (CP-03)', async () => {
    const childId = await referredChild(t.database.db, '2026-12-24', { urgent: true })
    const page = await worker.get(cpPath(childId))
    expect(page.body).toMatch(/Hold the strategy discussion<\/a><\/th>\s*<td class="govuk-table__cell">29 December 2026/)
    expect(page.body).toContain('CP-03: Working Together to Safeguard Children 2023, ch.4; local procedures')
    expect(page.body).toContain('1 working day from reasonable cause to suspect significant harm (this authority’s setting)')
  })
})

describe('section 47 enquiries', () => {
  it('start from a discussion that decided on one, not before it or the referral', async () => {
    const { childId, discussionId } = await caseAt(t, agents(), 'discussion', { ...easter2025, discussion: '2025-04-15' })
    const url = `${cpPath(childId)}/section-47/new`
    const beforeDiscussion = await worker.post(url, { strategyDiscussionId: discussionId!, ...dateFields('startDate', '2025-04-14') })
    expect(fieldError(beforeDiscussion.body, 'startDate')).toBe('The enquiry cannot start before the strategy discussion on 15 April 2025')
    const beforeReferral = await worker.post(url, { strategyDiscussionId: discussionId!, ...dateFields('startDate', '2025-04-09') })
    expect(fieldError(beforeReferral.body, 'startDate')).toBe('The enquiry cannot start before the referral on 10 April 2025')
    const noDiscussion = await worker.post(url, { strategyDiscussionId: '00000000-0000-0000-0000-000000000000', ...dateFields('startDate', '2025-04-15') })
    expect(fieldError(noDiscussion.body, 'strategyDiscussionId')).toBe('Select the strategy discussion that decided on the enquiry')
    await expectRedirect(worker, url, { strategyDiscussionId: discussionId!, ...dateFields('startDate', '2025-04-15') })
    expect((await events(childId)).filter((e) => e.type === 'child_protection.section47_started')).toEqual([
      { type: 'child_protection.section47_started', significant: true, summary: 'Section 47 enquiry started' },
    ])
  })

  it('shows the enquiry and the initial conference due 15 working days from the discussion, over Easter (CP-04, CP-05)', async () => {
    const { childId } = await caseAt(t, agents(), 'enquiry')
    const page = await worker.get(cpPath(childId))
    expect(page.body).toMatch(/Complete the section 47 enquiry<\/a><\/th>\s*<td class="govuk-table__cell">8 May 2025/)
    expect(page.body).toMatch(/Hold the initial child protection conference<\/a><\/th>\s*<td class="govuk-table__cell">8 May 2025/)
    expect(page.body).toContain('CP-05: Working Together to Safeguard Children 2023, ch.4')
  })

  it('conclude with no conference needed, or concerns not substantiated: ICPC not required, and no conference due', async () => {
    for (const outcome of ['no_conference', 'not_substantiated']) {
      const { childId, enquiryId } = await caseAt(t, agents(), 'enquiry')
      const url = `${cpPath(childId)}/section-47/${enquiryId}/outcome`
      const early = await worker.post(url, { outcome, ...dateFields('outcomeDate', '2025-04-11') })
      expect(fieldError(early.body, 'outcomeDate')).toBe('The enquiry cannot conclude before it started on 14 April 2025')
      await expectRedirect(worker, url, { outcome, ...dateFields('outcomeDate', '2025-04-25') })
      const enquiry = await t.database.db.selectFrom('section47_enquiries').where('id', '=', enquiryId!).selectAll().executeTakeFirstOrThrow()
      expect(enquiry).toMatchObject({ outcome, icpc_not_required: true })
      const page = await worker.get(cpPath(childId))
      expect(page.body).not.toContain('Hold the initial child protection conference')
      const conference = await chair.post(`${cpPath(childId)}/section-47/${enquiryId}/conference`, { ...dateFields('conferenceDate', '2025-05-01'), decision: 'no_plan' })
      expect(fieldError(conference.body, 'conferenceDate')).toBe('The section 47 enquiry concluded that no conference was needed')
    }
  })
})

describe('initial child protection conferences', () => {
  it('are recorded by the chair, not the social worker', async () => {
    const { childId, enquiryId } = await caseAt(t, agents(), 'outcome')
    const url = `${cpPath(childId)}/section-47/${enquiryId}/conference`
    expect((await worker.get(url)).statusCode).toBe(403)
    expect((await worker.post(url, { ...dateFields('conferenceDate', '2025-05-08'), decision: 'plan', category: 'NEG' })).statusCode).toBe(403)
    const list = await chair.get('/conferences')
    expect(list.body).toContain(`href="${url}"`)
  })

  it('cannot be before the strategy discussion; a plan needs a category from the list', async () => {
    const { childId, enquiryId } = await caseAt(t, agents(), 'outcome')
    const url = `${cpPath(childId)}/section-47/${enquiryId}/conference`
    const early = await chair.post(url, { ...dateFields('conferenceDate', '2025-04-11'), decision: 'plan', category: 'NEG' })
    expect(early.statusCode).toBe(400)
    expect(fieldError(early.body, 'conferenceDate')).toBe('The conference cannot be before the strategy discussion on 14 April 2025')
    for (const category of ['', 'MUL', 'XYZ']) {
      const response = await chair.post(url, { ...dateFields('conferenceDate', '2025-05-08'), decision: 'plan', category })
      expect(fieldError(response.body, 'category')).toBe('Select a category of abuse: neglect, physical, sexual or emotional abuse')
    }
    expect(await plans(childId)).toEqual([])
    expect((await events(childId)).map((e) => e.type)).not.toContain('child_protection.initial_conference')
  })

  it('start the plan on the day with its category and the next deadlines (CP-07, CP-08, CP-10)', async () => {
    const { childId } = await caseAt(t, agents(), 'plan')
    expect(await plans(childId)).toMatchObject([{ start_date: '2025-05-08', initial_category: 'NEG', latest_category: 'NEG', previous_plans: 0, end_date: null }])
    const types = (await events(childId)).filter((e) => e.significant).map((e) => e.type)
    expect(types).toEqual(expect.arrayContaining(['child_protection.strategy_discussion', 'child_protection.section47_started', 'child_protection.initial_conference', 'cp_plan.started']))
    const page = await worker.get(cpPath(childId))
    expect(page.body).toMatch(/Hold the first core group meeting<\/a><\/th>\s*<td class="govuk-table__cell">22 May 2025/)
    expect(page.body).toMatch(/Hold the first child protection review conference<\/a><\/th>\s*<td class="govuk-table__cell">8 August 2025/)
    expect(page.body).toMatch(/Visit the child \(child protection plan\)<\/a><\/th>\s*<td class="govuk-table__cell">22 May 2025/)
    expect(page.body).not.toContain('Hold the initial child protection conference')
    expect(page.body).toContain('Neglect')
    // The chair now has an involvement, so may read the overview and the child's page.
    expect((await chair.get(cpPath(childId))).statusCode).toBe(200)
  })

  it('no plan ends the conference deadline without a plan', async () => {
    const { childId, enquiryId } = await caseAt(t, agents(), 'outcome')
    await expectRedirect(chair, `${cpPath(childId)}/section-47/${enquiryId}/conference`, { ...dateFields('conferenceDate', '2025-05-07'), decision: 'no_plan' })
    expect(await plans(childId)).toEqual([])
    expect((await worker.get(cpPath(childId))).body).not.toContain('Hold the initial child protection conference')
  })
})

describe('plans', () => {
  it('core groups cannot meet before the conference; then the next is due at the local interval', async () => {
    const { childId, planId } = await caseAt(t, agents(), 'plan')
    const url = `${cpPath(childId)}/plans/${planId}/core-groups/new`
    const early = await worker.post(url, dateFields('meetingDate', '2025-05-07'))
    expect(fieldError(early.body, 'meetingDate')).toBe('The core group cannot meet before the initial conference on 8 May 2025')
    await expectRedirect(worker, url, dateFields('meetingDate', '2025-05-20'))
    await expectRedirect(worker, url, dateFields('meetingDate', '2025-05-20'))
    expect(await t.database.db.selectFrom('core_group_meetings').where('plan_id', '=', planId!).selectAll().execute()).toHaveLength(1)
    const page = await worker.get(cpPath(childId))
    expect(page.body).toMatch(/Hold the next core group meeting<\/a><\/th>\s*<td class="govuk-table__cell">17 June 2025/)
    expect(page.body).toContain('CP-07.subsequent: Local procedures (commonly every 4-6 weeks)')
  })

  it('visits recorded on the casework form count towards CP-10 when the child was seen', async () => {
    const { childId } = await caseAt(t, agents(), 'plan')
    const visit = await worker.post(`/children/${childId}/notes/new`, {
      kind: 'visit', ...dateFields('occurred', '2025-05-15'), visitType: 'child_protection', seen: 'yes', seenAlone: 'yes',
      othersPresent: '', subject: '', body: 'Saw Mia alone in her room.', formToken: 'cp-visit-token-1',
    })
    expect(visit.statusCode).toBe(303)
    const page = await worker.get(cpPath(childId))
    expect(page.body).toMatch(/Visit the child \(child protection plan\)<\/a><\/th>\s*<td class="govuk-table__cell">30 May 2025/)
  })

  it('review conferences come after the last conference; continuing may change the latest category; the next is 6 months on', async () => {
    const { childId, planId } = await caseAt(t, agents(), 'plan')
    const url = `${cpPath(childId)}/plans/${planId}/reviews/new`
    const early = await chair.post(url, { ...dateFields('conferenceDate', '2025-05-08'), decision: 'continue', category: 'EMO' })
    expect(fieldError(early.body, 'conferenceDate')).toBe('The review conference must be after the initial conference on 8 May 2025')
    const noCategory = await chair.post(url, { ...dateFields('conferenceDate', '2025-08-01'), decision: 'continue', category: 'MUL' })
    expect(fieldError(noCategory.body, 'category')).toBe('Select a category of abuse: neglect, physical, sexual or emotional abuse')
    await expectRedirect(chair, url, { ...dateFields('conferenceDate', '2025-08-01'), decision: 'continue', category: 'EMO' })
    const again = await chair.post(url, { ...dateFields('conferenceDate', '2025-07-01'), decision: 'continue', category: 'EMO' })
    expect(fieldError(again.body, 'conferenceDate')).toBe('The review conference must be after the last review on 1 August 2025')
    expect(await plans(childId)).toMatchObject([{ initial_category: 'NEG', latest_category: 'EMO' }])
    const page = await worker.get(cpPath(childId))
    expect(page.body).toMatch(/Hold the next child protection review conference<\/a><\/th>\s*<td class="govuk-table__cell">1 February 2026/)
  })

  it('end at a review conference that finds no continuing risk', async () => {
    const { childId, planId } = await caseAt(t, agents(), 'plan')
    await expectRedirect(chair, `${cpPath(childId)}/plans/${planId}/reviews/new`, { ...dateFields('conferenceDate', '2025-08-07'), decision: 'end' })
    expect(await plans(childId)).toMatchObject([{ end_date: '2025-08-07', end_reason: 'no_continuing_risk' }])
    expect(await events(childId)).toContainEqual(expect.objectContaining({ type: 'cp_plan.ended', significant: true }))
    const page = await worker.get(cpPath(childId))
    expect(page.body).not.toContain('core group meeting</a>')
    // The chair's involvement ended with the plan.
    expect((await chair.get(cpPath(childId))).statusCode).toBe(403)
  })

  it('end elsewhere only for the reasons Working Together allows, with dates in order', async () => {
    const { childId, planId } = await caseAt(t, agents(), 'plan', easter2025, { dateOfBirth: '2007-06-01' })
    const url = `${cpPath(childId)}/plans/${planId}/end`
    const noReason = await worker.post(url, { reason: 'family_moved_on', ...dateFields('endDate', '2025-06-01') })
    expect(fieldError(noReason.body, 'reason')).toBe('Select why the plan is ending')
    const byWorker = await worker.post(url, { reason: 'no_continuing_risk', ...dateFields('endDate', '2025-06-01') })
    expect(fieldError(byWorker.body, 'reason')).toContain('Only a review conference can end a plan because the child is no longer at risk')
    const beforeStart = await worker.post(url, { reason: 'died', ...dateFields('endDate', '2025-05-01') })
    expect(fieldError(beforeStart.body, 'endDate')).toBe('The plan cannot end before it started on 8 May 2025')
    const noTransferDate = await worker.post(url, { reason: 'transferred', ...dateFields('endDate', '2025-06-01') })
    expect(fieldError(noTransferDate.body, 'transferDate')).toBe('Enter the date of the other authority’s transfer-in conference')
    const endBeforeTransfer = await worker.post(url, { reason: 'transferred', ...dateFields('endDate', '2025-06-01'), ...dateFields('transferDate', '2025-06-03') })
    expect(fieldError(endBeforeTransfer.body, 'endDate')).toBe('The plan ends on or after the other authority’s transfer-in conference on 3 June 2025')
    const notYet18 = await worker.post(url, { reason: 'reached_18', ...dateFields('endDate', '2025-05-31') })
    expect(fieldError(notYet18.body, 'endDate')).toBe('The child is 18 on 1 June 2025: the plan cannot end for that reason before then')
    expect(notYet18.body).toMatch(/value="reached_18" checked/)
    expect((await plans(childId))[0]!.end_date).toBeNull()
    await expectRedirect(worker, url, { reason: 'reached_18', ...dateFields('endDate', '2025-06-01') })
    expect(await plans(childId)).toMatchObject([{ end_date: '2025-06-01', end_reason: 'reached_18' }])
  })

  it('records a transfer with the other authority’s conference date', async () => {
    const { childId, planId } = await caseAt(t, agents(), 'plan')
    await expectRedirect(worker, `${cpPath(childId)}/plans/${planId}/end`, { reason: 'transferred', ...dateFields('endDate', '2025-06-03'), ...dateFields('transferDate', '2025-06-03') })
    expect(await plans(childId)).toMatchObject([{ end_date: '2025-06-03', end_reason: 'transferred', transfer_conference_date: '2025-06-03' }])
  })

  it('a second plan for the same child is flagged (CP-12), on the record and in the event', async () => {
    const first = await caseAt(t, agents(), 'plan')
    await expectRedirect(chair, `${cpPath(first.childId)}/plans/${first.planId}/reviews/new`, { ...dateFields('conferenceDate', '2025-08-07'), decision: 'end' })
    const base = cpPath(first.childId)
    await expectRedirect(worker, `${base}/strategy-discussions/new`, strategyForm('2025-09-01'))
    const discussion = await t.database.db.selectFrom('strategy_discussions').where('child_id', '=', first.childId).where('discussion_date', '=', '2025-09-01').select('id').executeTakeFirstOrThrow()
    await expectRedirect(worker, `${base}/section-47/new`, { strategyDiscussionId: discussion.id, ...dateFields('startDate', '2025-09-01') })
    const enquiry = await t.database.db.selectFrom('section47_enquiries').where('strategy_discussion_id', '=', discussion.id).select('id').executeTakeFirstOrThrow()
    await expectRedirect(worker, `${base}/section-47/${enquiry.id}/outcome`, { outcome: 'conference', ...dateFields('outcomeDate', '2025-09-10') })
    await expectRedirect(chair, `${base}/section-47/${enquiry.id}/conference`, { ...dateFields('conferenceDate', '2025-09-19'), decision: 'plan', category: 'PHY' })
    expect((await plans(first.childId)).map((p) => p.previous_plans)).toEqual([0, 1])
    expect((await events(first.childId)).at(-1)).toMatchObject({ type: 'cp_plan.started', summary: 'Child protection plan started: physical abuse (second or subsequent plan: 1 before)' })
    expect((await worker.get(base)).body).toContain('Second or subsequent plan')
  })
})

describe('odd requests', () => {
  it('answer 404 or a GOV.UK error, never a 500', async () => {
    const { childId, planId, enquiryId } = await caseAt(t, agents(), 'plan')
    const base = cpPath(childId)
    expect((await worker.get(`${base}/plans/not-a-uuid/end`)).statusCode).toBe(404)
    expect((await worker.get(`${base}/plans/00000000-0000-0000-0000-000000000000/end`)).statusCode).toBe(404)
    expect((await worker.post(`${base}/section-47/${enquiryId}x/outcome`, {})).statusCode).toBe(404)
    expect((await worker.get(`/children/${childId}/assessments/nope`)).statusCode).toBe(404)
    const arrays = await worker.post(`${base}/plans/${planId}/end`, { reason: ['died', 'left_uk'], 'endDate-day': ['1', '2'] })
    expect(arrays.statusCode).toBe(400)
    const empty = await worker.post(`${base}/strategy-discussions/new`, {})
    expect(empty.statusCode).toBe(400)
    expect(fieldError(empty.body, 'discussionDate')).toBe('Enter the date of the strategy discussion')
    const long = await worker.post(`${base}/strategy-discussions/new`, strategyForm('2025-09-01', { 'attendees-police': 'x'.repeat(501) }))
    expect(fieldError(long.body, 'attendees-police')).toBe('Who attended from police must be 500 characters or fewer')
  })
})
