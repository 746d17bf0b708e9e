// CIN census rules on the CINPlanDates module (the CINplanDates table).
import type { Rule } from '../../validation/rule.js'
import {
  Failures, byChild, byPlan, byEpisode, childKey, cinRule, day, episodeKey, inCensusYearRule, keyOf, notAfterCensusRule,
  present, rowRule, view,
} from '../rule-kit.js'
import {
  afterDeathRule, beforeReferralRule, endOrOpen, moreThanOneOpenRule, onNoFurtherActionRule, overlapRule, runsOn,
  startsWithinRule,
} from './shapes.js'

const PLANS = 'CINplanDates'

export const cinPlanRules: Rule[] = [
  onNoFurtherActionRule('4000', PLANS, ['LAchildID']),

  // An open CIN plan and an open child protection plan on the same episode.
  cinRule('4001', 'cin2022_23', (tables) => {
    const plans = view(tables, PLANS)
    const protection = view(tables, 'ChildProtectionPlans')
    const openProtection = byEpisode(protection)
    const failures = new Failures()
    for (let row = 0; row < plans.size; row++) {
      if (present(plans.get(row, 'CINPlanEndDate'))) continue
      const key = episodeKey(plans, row)
      for (const cpp of openProtection.get(key) ?? []) {
        if (present(protection.get(cpp, 'CPPendDate'))) continue
        failures.add(plans, row, ['CINPlanEndDate'], key).add(protection, cpp, ['CPPendDate'], key)
      }
    }
    return failures.toArray()
  }),

  // A review of a child protection plan, held while that plan was open, on a day the child's CIN plan was open.
  cinRule('4003', 'cin2022_23', (tables) => {
    const reviews = view(tables, 'Reviews')
    const protection = view(tables, 'ChildProtectionPlans')
    const plans = view(tables, PLANS)
    const protectionById = byPlan(protection)
    const plansByChild = byChild(plans)
    const failures = new Failures()
    for (let row = 0; row < reviews.size; row++) {
      const review = day(reviews.get(row, 'CPPreviewDate'))
      if (review === null) continue
      const group = keyOf(reviews.get(row, 'LAchildID'), reviews.get(row, 'CPPreviewDate'))
      for (const cpp of protectionById.get(keyOf(reviews.get(row, 'LAchildID'), reviews.get(row, 'CPPID'))) ?? []) {
        const cppEnd = day(protection.get(cpp, 'CPPendDate'))
        if (cppEnd !== null && review >= cppEnd) continue
        for (const plan of plansByChild.get(childKey(reviews, row)) ?? []) {
          if (!runsOn(review, day(plans.get(plan, 'CINPlanStartDate')), day(plans.get(plan, 'CINPlanEndDate')))) continue
          failures
            .add(reviews, row, ['CPPreviewDate'], group)
            .add(protection, cpp, ['CPPendDate'], group)
            .add(plans, plan, ['CINPlanStartDate', 'CINPlanEndDate'], group)
        }
      }
    }
    return failures.toArray()
  }),

  moreThanOneOpenRule('4004', PLANS, ['CINPlanEndDate'], (table, row) => !present(table.get(row, 'CINPlanEndDate'))),
  afterDeathRule('4008', PLANS, 'CINPlanStartDate'),
  afterDeathRule('4009Q', PLANS, 'CINPlanEndDate'),
  notAfterCensusRule('4010', 'cin2022_23', PLANS, 'CINPlanStartDate'),
  rowRule('4011', 'cin2022_23', PLANS, ['CINPlanEndDate', 'CINPlanStartDate'], (get) => {
    const start = day(get('CINPlanStartDate'))
    const end = day(get('CINPlanEndDate'))
    return start !== null && end !== null && end < start
  }),
  rowRule('4012Q', 'cin2022_23', PLANS, ['CINPlanStartDate', 'CINPlanEndDate'], (get) => {
    const start = day(get('CINPlanStartDate'))
    return start !== null && start === day(get('CINPlanEndDate'))
  }),
  inCensusYearRule('4013', 'cin2022_23', PLANS, 'CINPlanEndDate'),
  overlapRule('4014', PLANS, {
    groupBy: byChild,
    start: 'CINPlanStartDate',
    end: endOrOpen('CINPlanEndDate'),
    touching: true,
    startFields: ['CINPlanStartDate'],
    endFields: ['CINPlanStartDate', 'CINPlanEndDate'],
  }),
  beforeReferralRule('4015', PLANS, 'CINPlanStartDate'),
  startsWithinRule(
    '4016',
    { table: PLANS, start: 'CINPlanStartDate', fields: ['CINPlanStartDate'] },
    { table: 'ChildProtectionPlans', start: 'CPPstartDate', end: 'CPPendDate', fields: ['CPPstartDate', 'CPPendDate'] },
  ),
  startsWithinRule(
    '4017',
    { table: 'ChildProtectionPlans', start: 'CPPstartDate', fields: ['CPPstartDate'] },
    { table: PLANS, start: 'CINPlanStartDate', end: 'CINPlanEndDate', fields: ['CINPlanStartDate', 'CINPlanEndDate'] },
  ),
]
