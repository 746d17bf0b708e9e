// The module's deadlines from a child's record, each from the one timescale engine: the worked examples in
// identifiers_and_working_days.md, every rule across a bank holiday, local settings, and nothing once done.
import { describe, expect, it } from 'vitest'
import { timescaleSettings } from '../../platform/timescales/engine.js'
import type { ReferralRecord } from '../front-door/service.js'
import { showDeadline } from './overview.js'
import { deadlinesOf, type ChildProtectionRecord } from './record.js'
import type { AssessmentRow, ConferenceRow, CoreGroupRow, PlanRow, Section47Row, StrategyDiscussionRow } from './repository.js'

const settings = timescaleSettings()
const childId = 'child'

const referral = (referralDate: string, urgent = false): ReferralRecord => ({
  id: 'ref', childId, contactId: null, referralDate, referralSource: '6', primaryNeed: 'N1', urgentStrategyDiscussion: urgent,
  referralNfa: false, closureDate: null, reasonForClosure: null,
})
const assessment = (fields: Partial<AssessmentRow>): AssessmentRow => ({
  id: 'a', la_code: '886', child_id: childId, referral_id: 'ref', start_date: '2024-12-03', status: 'in_progress', factors: [], outcome: null,
  analysis: null, completed_on: null, late_reason: null, submitted_by: null, manager_comments: null, authorised_on: null, authorised_by: null,
  started_by: 'u', created_at: new Date(), submitted_by_name: null, authorised_by_name: null, ...fields,
})
const discussion = (date: string, id = 'sd'): StrategyDiscussionRow => ({
  id, la_code: '886', child_id: childId, referral_id: 'ref', discussion_date: date, attendees: [], decision: 'section_47', decision_detail: null,
  recorded_by: 'u', recorded_at: new Date(),
})
const enquiry = (fields: Partial<Section47Row> = {}): Section47Row => ({
  id: 's47', la_code: '886', child_id: childId, referral_id: 'ref', strategy_discussion_id: 'sd', start_date: '2025-04-14', outcome: null,
  outcome_date: null, icpc_not_required: false, started_by: 'u', created_at: new Date(), ...fields,
})
const plan = (start: string): PlanRow => ({
  id: 'plan', la_code: '886', child_id: childId, referral_id: 'ref', initial_conference_id: 'icpc', start_date: start, initial_category: 'NEG',
  latest_category: 'NEG', previous_plans: 0, end_date: null, end_reason: null, transfer_conference_date: null, ended_by: null,
})
const conference = (kind: 'initial' | 'review', date: string): ConferenceRow => ({
  id: `${kind}-${date}`, la_code: '886', child_id: childId, kind, section47_id: kind === 'initial' ? 's47' : null, plan_id: kind === 'review' ? 'plan' : null,
  conference_date: date, decision: kind === 'initial' ? 'plan' : 'continue', category: 'NEG', chair_id: 'u', recorded_at: new Date(), chair_name: 'Chair',
})
const coreGroup = (date: string): CoreGroupRow => ({ id: date, la_code: '886', child_id: childId, plan_id: 'plan', meeting_date: date, recorded_by: 'u', recorded_at: new Date() })

const record = (fields: Partial<ChildProtectionRecord>): ChildProtectionRecord => ({
  childId, referrals: [], assessments: [], discussions: [], enquiries: [], conferences: [], plans: [], coreGroups: [], visits: [], ...fields,
})
const due = (r: ChildProtectionRecord, s = settings) => Object.fromEntries(deadlinesOf(r, s).map((d) => [d.ruleId, d.due]))

describe('the assessment (CP-02)', () => {
  it('is due 45 working days after the referral, over Christmas: 2 December 2024 gives 6 February 2025', () => {
    expect(due(record({ referrals: [referral('2024-12-02')] }))).toEqual({ 'CP-02': '2025-02-06' })
    expect(due(record({ referrals: [referral('2024-12-02')], assessments: [assessment({ status: 'submitted', completed_on: '2025-02-01' })] })))
      .toEqual({ 'CP-02': '2025-02-06' })
  })
  it('is met once authorised, and not due on a closed referral', () => {
    expect(due(record({ referrals: [referral('2024-12-02')], assessments: [assessment({ status: 'authorised', authorised_on: '2025-02-01' })] }))).toEqual({})
    expect(due(record({ referrals: [{ ...referral('2024-12-02'), closureDate: '2024-12-10', reasonForClosure: 'RC8' }] }))).toEqual({})
  })
})

describe('the strategy discussion (CP-03, local)', () => {
  it('is due 1 working day after a referral that asked for one, over Christmas (24 December 2026 gives 29 December)', () => {
    expect(due(record({ referrals: [referral('2026-12-24', true)] }))['CP-03']).toBe('2026-12-29')
  })
  it('follows the authority’s own setting, and is met by a discussion on or after the trigger', () => {
    const local = timescaleSettings({ local: { strategyDiscussion: { unit: 'working-days', count: 3 } } })
    expect(due(record({ referrals: [referral('2026-12-24', true)] }), local)['CP-03']).toBe('2026-12-31')
    expect(due(record({ referrals: [referral('2026-12-24', true)], discussions: [discussion('2026-12-29')] }))['CP-03']).toBeUndefined()
  })
  it('is due from an assessment that found reasonable cause to suspect significant harm', () => {
    const submitted = assessment({ status: 'submitted', outcome: 'strategy_discussion', completed_on: '2025-04-17' })
    expect(due(record({ referrals: [referral('2025-04-01')], assessments: [submitted] }))['CP-03']).toBe('2025-04-22')
  })
})

describe('the enquiry and the initial conference (CP-04, CP-05)', () => {
  const open = record({ referrals: [referral('2025-04-10')], discussions: [discussion('2025-04-14')], enquiries: [enquiry()] })
  it('are due 15 working days after the strategy discussion, over Easter: 14 April 2025 gives 8 May', () => {
    expect(due(open)).toMatchObject({ 'CP-04': '2025-05-08', 'CP-05': '2025-05-08' })
  })
  it('count from the discussion that started the enquiry when there were several', () => {
    const two = record({ ...open, discussions: [discussion('2025-04-11', 'earlier'), discussion('2025-04-14')] })
    expect(due(two)['CP-05']).toBe('2025-05-08')
  })
  it('the conference is not due once held, or when the enquiry needs none', () => {
    expect(due({ ...open, enquiries: [enquiry({ outcome: 'conference', outcome_date: '2025-05-01' })], conferences: [conference('initial', '2025-05-07')] })['CP-05']).toBeUndefined()
    expect(due({ ...open, enquiries: [enquiry({ outcome: 'not_substantiated', outcome_date: '2025-05-01' })] })['CP-05']).toBeUndefined()
  })
})

describe('the plan: core groups, reviews and visits (CP-07 to CP-10)', () => {
  const planFrom = (start: string, fields: Partial<ChildProtectionRecord> = {}) => record({ plans: [plan(start)], conferences: [conference('initial', start)], ...fields })
  it('first core group and first visit within 10 working days of the conference, over Easter; first review within 3 months', () => {
    expect(due(planFrom('2025-04-14'))).toEqual({ 'CP-07.first': '2025-04-30', 'CP-08': '2025-07-14', 'CP-10': '2025-04-30' })
  })
  it('then core groups every 4 weeks, reviews at most every 6 months, visits every 10 working days, from the latest', () => {
    const later = planFrom('2024-11-05', {
      coreGroups: [coreGroup('2025-03-10'), coreGroup('2025-04-07')],
      conferences: [conference('initial', '2024-11-05'), conference('review', '2024-11-05')],
      visits: ['2025-04-14'],
    })
    expect(due(later)).toEqual({ 'CP-07.subsequent': '2025-05-05', 'CP-09': '2025-05-05', 'CP-10': '2025-04-30' })
  })
  it('a review at the end of August is next due on the last day of February', () => {
    expect(due(planFrom('2025-05-30', { conferences: [conference('initial', '2025-05-30'), conference('review', '2025-08-31')] }))['CP-09']).toBe('2026-02-28')
  })
  it('use the authority’s core group and visit intervals', () => {
    const local = timescaleSettings({ local: { coreGroupInterval: { unit: 'weeks', count: 6 }, childProtectionVisitInterval: { unit: 'days', count: 28 } } })
    const r = planFrom('2025-04-01', { coreGroups: [coreGroup('2025-04-07')], visits: ['2025-04-14'] })
    expect(due(r, local)).toMatchObject({ 'CP-07.subsequent': '2025-05-19', 'CP-10': '2025-05-12' })
  })
  it('stop when the plan ends', () => {
    expect(due(record({ plans: [{ ...plan('2025-04-14'), end_date: '2025-08-01', end_reason: 'no_continuing_risk' }] }))).toEqual({})
  })
})

describe('showing a deadline', () => {
  it('gives days left or overdue and the rule’s id, source and period', () => {
    const [deadline] = deadlinesOf(record({ referrals: [referral('2024-12-02')] }), settings)
    expect(showDeadline(deadline!, settings, '2025-02-01')).toMatchObject({ status: '5 days left', overdue: false,
      source: 'CP-02: Working Together to Safeguard Children 2023, ch.4 "Timeliness"; CIN census assessment duration',
      period: '45 working days from referral (point of request for help)' })
    expect(showDeadline(deadline!, settings, '2025-02-06').status).toBe('Due today')
    expect(showDeadline(deadline!, settings, '2025-02-07')).toMatchObject({ status: '1 day overdue', overdue: true, rag: 'red' })
  })
})
