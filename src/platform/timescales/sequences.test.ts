import { describe, expect, it } from 'vitest'
import { timescaleSettings } from './engine.js'
import { TIMESCALE_RULES } from './rules.js'
import * as timescales from './sequences.js'
import {
  careLeaverNeedsAssessment, careOrderAtHomeVisits, childInNeedPlanReviews, childProtectionReviews, childProtectionVisits, coreGroups,
  familyHelpPlanReviews, healthAssessments, initialChildProtectionConference, lookedAfterReviews, nextDue, pathwayPlanReviews,
  personalEducationPlans, placedWithParentVisits, placementVisits, referralDecision, temporaryApprovalVisits,
  type Timescale,
} from './sequences.js'

const settings = timescaleSettings()
const due = <History>(timescale: Timescale<History>, history: History) => nextDue(timescale, history, settings)?.due ?? null

describe('every rule belongs to a timescale', () => {
  it('so nextDue can reach it', () => {
    const reachable = Object.values(timescales)
      .filter((value): value is Timescale<unknown> => typeof value === 'object' && value !== null && 'rules' in value)
      .flatMap((timescale) => timescale.rules)
    expect(new Set(reachable)).toEqual(new Set(TIMESCALE_RULES.map((rule) => rule.id)))
  })
})

describe('one-off deadlines', () => {
  it('front door decision within 1 working day, until made', () => {
    const next = nextDue(referralDecision, { trigger: '2026-12-24' }, settings)
    expect(next).toMatchObject({ from: '2026-12-24', due: '2026-12-29', rule: { id: 'CP-01' } })
    expect(due(referralDecision, { trigger: '2026-12-24', completed: '2026-12-24' })).toBeNull()
  })

  it('initial conference within 15 working days of the strategy discussion', () => {
    expect(due(initialChildProtectionConference, { trigger: '2025-04-14', completed: null })).toBe('2025-05-08')
  })
})

describe('looked-after reviews: 20 working days, then 3 months, then every 6 months', () => {
  const lookedAfterFrom = '2025-04-14'
  it('first within 20 working days of becoming looked after (over Easter)', () => {
    expect(due(lookedAfterReviews, { lookedAfterFrom, reviews: [] })).toBe('2025-05-15')
  })
  it('second within 3 months of the first', () => {
    expect(due(lookedAfterReviews, { lookedAfterFrom, reviews: ['2025-05-12'] })).toBe('2025-08-12')
  })
  it('then within 6 months of the latest, whatever order the history arrives in', () => {
    expect(due(lookedAfterReviews, { lookedAfterFrom, reviews: ['2025-08-31', '2025-05-12'] })).toBe('2026-02-28')
    expect(due(lookedAfterReviews, { lookedAfterFrom, reviews: ['2025-05-12', '2026-02-20', '2025-08-31'] }))
      .toBe('2026-08-20')
  })
  it('ignore reviews from an earlier period of care', () => {
    expect(due(lookedAfterReviews, { lookedAfterFrom, reviews: ['2024-06-01', '2024-09-01'] })).toBe('2025-05-15')
  })
})

describe('child protection review conferences: 3 months after the ICPC, then at most every 6 months', () => {
  it('follows the plan', () => {
    expect(due(childProtectionReviews, { icpc: '2024-11-30', reviews: [] })).toBe('2025-02-28')
    expect(due(childProtectionReviews, { icpc: '2024-11-30', reviews: ['2025-02-25'] })).toBe('2025-08-25')
    expect(due(childProtectionReviews, { icpc: '2024-11-30', reviews: ['2025-02-25', '2025-08-20'] })).toBe('2026-02-20')
  })
})

describe('core groups and child protection visits', () => {
  it('first core group within 10 working days of the ICPC, then every local interval', () => {
    expect(due(coreGroups, { icpc: '2025-04-14', meetings: [] })).toBe('2025-04-30')
    expect(due(coreGroups, { icpc: '2025-04-14', meetings: ['2025-04-28'] })).toBe('2025-05-26')
  })

  it('visits every local interval from the start of the plan', () => {
    expect(due(childProtectionVisits, { planStart: '2025-04-14', visits: [] })).toBe('2025-04-30')
    expect(due(childProtectionVisits, { planStart: '2025-04-14', visits: ['2025-04-24'] })).toBe('2025-05-09')
    const threeWeekly = timescaleSettings({ local: { childProtectionVisitInterval: { unit: 'weeks', count: 3 } } })
    expect(nextDue(childProtectionVisits, { planStart: '2025-04-14', visits: ['2025-04-24'] }, threeWeekly)?.due)
      .toBe('2025-05-15')
  })
})

describe('visits to a looked-after child (reg 28)', () => {
  const placementStart = '2024-03-01'
  it('within a week of any placement, then 6-weekly in its first year', () => {
    expect(due(placementVisits, { placementStart, visits: [], intendedToLastUntil18: true })).toBe('2024-03-08')
    expect(due(placementVisits, { placementStart, visits: ['2024-03-05'], intendedToLastUntil18: true })).toBe('2024-04-16')
    expect(due(placementVisits, { placementStart, visits: ['2025-02-28'], intendedToLastUntil18: true })).toBe('2025-04-11')
  })
  it('then 3-monthly where the placement is meant to last until 18, else still 6-weekly', () => {
    expect(due(placementVisits, { placementStart, visits: ['2025-03-01'], intendedToLastUntil18: true })).toBe('2025-06-01')
    expect(due(placementVisits, { placementStart, visits: ['2025-03-01'], intendedToLastUntil18: false })).toBe('2025-04-12')
  })
  it('start again with a new placement', () => {
    expect(due(placementVisits, { placementStart: '2025-04-14', visits: ['2025-03-01'], intendedToLastUntil18: true }))
      .toBe('2025-04-21')
  })

  it('weekly with a parent before assessment until the first review, then 6-weekly', () => {
    const placed = { placementStart: '2025-04-14', visits: ['2025-04-18'] }
    expect(due(placedWithParentVisits, { placementStart: '2025-04-14', visits: [] })).toBe('2025-04-21')
    expect(due(placedWithParentVisits, placed)).toBe('2025-04-25')
    expect(due(placedWithParentVisits, { ...placed, firstReview: '2025-05-12' })).toBe('2025-05-30')
  })

  it('weekly with temporarily approved carers until the first review, then 4-weekly', () => {
    const placed = { placementStart: '2025-04-14', visits: ['2025-05-13'] }
    expect(due(temporaryApprovalVisits, placed)).toBe('2025-05-20')
    expect(due(temporaryApprovalVisits, { ...placed, firstReview: '2025-05-12' })).toBe('2025-06-10')
  })

  it('within a week of a care order at home, then 6-weekly', () => {
    expect(due(careOrderAtHomeVisits, { orderMade: '2025-04-14', visits: [] })).toBe('2025-04-21')
    expect(due(careOrderAtHomeVisits, { orderMade: '2025-04-14', visits: ['2025-04-17'] })).toBe('2025-05-29')
  })
})

describe('health assessments: initial within 20 working days, then 6-monthly under 5 and yearly from 5', () => {
  const child = { lookedAfterFrom: '2025-04-14', dateOfBirth: '2020-11-10' }
  it('initial health assessment over Easter', () => {
    expect(due(healthAssessments, { ...child, assessments: [] })).toBe('2025-05-15')
  })
  it('every 6 months when the last was before the 5th birthday', () => {
    expect(due(healthAssessments, { ...child, assessments: ['2025-05-09'] })).toBe('2025-11-09')
    expect(due(healthAssessments, { ...child, assessments: ['2025-11-09'] })).toBe('2026-05-09')
  })
  it('every 12 months from the 5th birthday', () => {
    expect(due(healthAssessments, { ...child, assessments: ['2025-11-10'] })).toBe('2026-11-10')
  })
})

describe('personal education plans', () => {
  it('first within 20 school days, then each term', () => {
    expect(due(personalEducationPlans, { from: '2025-04-14', meetings: [] })).toBe('2025-05-15')
    expect(due(personalEducationPlans, { from: '2025-04-14', meetings: ['2025-05-01'] })).toBe('2025-09-01')
  })
})

describe('care leavers', () => {
  it('needs assessment within 3 months of the 16th birthday, or of becoming eligible if later', () => {
    expect(due(careLeaverNeedsAssessment, { dateOfBirth: '2009-02-28', eligibleFrom: '2024-06-01' })).toBe('2025-05-28')
    expect(due(careLeaverNeedsAssessment, { dateOfBirth: '2009-02-28', eligibleFrom: '2025-06-30' })).toBe('2025-09-30')
    expect(due(careLeaverNeedsAssessment, { dateOfBirth: '2008-02-29', eligibleFrom: '2023-01-01' })).toBe('2024-05-29')
    expect(due(careLeaverNeedsAssessment, { dateOfBirth: '2009-02-28', eligibleFrom: '2024-06-01', completed: '2025-04-01' }))
      .toBeNull()
  })

  it('pathway plan reviewed at least every 6 months', () => {
    expect(due(pathwayPlanReviews, { pathwayPlan: '2025-05-31', reviews: [] })).toBe('2025-11-30')
    expect(due(pathwayPlanReviews, { pathwayPlan: '2025-05-31', reviews: ['2025-11-28'] })).toBe('2026-05-28')
  })
})

describe('child in need and family help plan reviews (local: every 3 months by default)', () => {
  it('count from the start of the plan, then from the latest review, ending on a bank holiday as months do', () => {
    expect(due(childInNeedPlanReviews, { planStart: '2025-02-05', reviews: [] })).toBe('2025-05-05')
    expect(due(childInNeedPlanReviews, { planStart: '2025-01-10', reviews: ['2025-02-05', '2024-12-01'] })).toBe('2025-05-05')
    expect(due(familyHelpPlanReviews, { helpStart: '2025-02-05', reviews: [] })).toBe('2025-05-05')
  })

  it('follow the authority\'s own interval', () => {
    const sixWeekly = timescaleSettings({ local: { familyHelpPlanReviewInterval: { unit: 'weeks', count: 6 } } })
    expect(nextDue(familyHelpPlanReviews, { helpStart: '2025-03-24', reviews: [] }, sixWeekly)?.due).toBe('2025-05-05')
  })
})
