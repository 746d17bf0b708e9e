// CIN census rules on the ChildProtectionPlans module and its Reviews.
import type { Rule } from '../../validation/rule.js'
import { CATEGORY_OF_ABUSE } from '../codes.js'
import {
  Failures, byChild, byPlan, byEpisode, census, cinRule, codeListRule, day, episodeKey, inCensusYearRule, isYes, keyOf,
  present, rowRule, view,
} from '../rule-kit.js'
import {
  afterDeathRule, beforeReferralRule, endOrOpen, moreThanOneOpenRule, onNoFurtherActionRule, overlapRule,
} from './shapes.js'

const PLANS = 'ChildProtectionPlans'

export const childProtectionPlanRules: Rule[] = [
  beforeReferralRule('1105', PLANS, 'CPPstartDate'),

  // Across the return, plans starting in the census year outnumber initial conferences held in it.
  cinRule('2883', 'cin2022_23', (tables, context) => {
    const year = census(tables, context)
    const countInYear = (tableName: string, column: string): number => {
      const table = view(tables, tableName)
      let count = 0
      for (let row = 0; row < table.size; row++) {
        const date = day(table.get(row, column))
        if (date !== null && date >= year.start && date <= year.end) count++
      }
      return count
    }
    const plans = countInYear(PLANS, 'CPPstartDate')
    const conferences = countInYear('Section47', 'DateOfInitialCPC') + countInYear('CINdetails', 'DateOfInitialCPC')
    return plans > conferences ? new Failures().addReturnLevel(PLANS, ['CPPstartDate', 'DateOfInitialCPC']).toArray() : []
  }),

  // A plan starting in the census year starts on the day of its episode's initial conference: the conference
  // recorded on a section 47 enquiry that needed one, or, with no such enquiry, the one on the CIN details.
  // The plan is flagged with the episode's conferences that no plan starts on.
  cinRule('2885', 'cin2022_23', (tables, context) => {
    const year = census(tables, context)
    const plans = view(tables, PLANS)
    const enquiries = view(tables, 'Section47')
    const episodes = view(tables, 'CINdetails')
    const enquiriesByEpisode = byEpisode(enquiries)
    const episodesByKey = byEpisode(episodes)
    const planStarts = new Set<string>()
    for (let row = 0; row < plans.size; row++) planStarts.add(keyOf(episodeKey(plans, row), String(day(plans.get(row, 'CPPstartDate')))))
    const failures = new Failures()
    for (let row = 0; row < plans.size; row++) {
      const start = day(plans.get(row, 'CPPstartDate'))
      if (start === null || start < year.start || start > year.end) continue
      const key = episodeKey(plans, row)
      const needingConference = (enquiriesByEpisode.get(key) ?? []).filter((s) => !isYes(enquiries.get(s, 'ICPCnotRequired')))
      const [conferences, table] =
        needingConference.length > 0 ? [needingConference, enquiries] : [episodesByKey.get(key) ?? [], episodes]
      if (conferences.some((c) => day(table.get(c, 'DateOfInitialCPC')) === start)) continue
      const group = keyOf(key, plans.get(row, 'CPPstartDate'))
      failures.add(plans, row, ['CPPstartDate'], group)
      // The conferences no plan of the episode starts on are the other half of the mismatch.
      for (const conference of conferences) {
        if (!planStarts.has(keyOf(key, String(day(table.get(conference, 'DateOfInitialCPC')))))) {
          failures.add(table, conference, ['DateOfInitialCPC'], group)
        }
      }
    }
    return failures.toArray()
  }),

  // A row with no plan identifier records no plan.
  cinRule('8720', 'cin2022_23', (tables, context) => {
    const plans = view(tables, PLANS)
    const year = census(tables, context)
    const failures = new Failures()
    for (let row = 0; row < plans.size; row++) {
      if (plans.has('CPPID') && !present(plans.get(row, 'CPPID'))) continue
      const start = day(plans.get(row, 'CPPstartDate'))
      if (start === null || start > year.end) failures.add(plans, row, ['CPPstartDate'])
    }
    return failures.toArray()
  }),

  rowRule('8730', 'cin2022_23', PLANS, ['NumberOfPreviousCPP'], (get) => !/^\d+$/.test(get('NumberOfPreviousCPP')?.trim() ?? '')),
  onNoFurtherActionRule('8832', PLANS, ['LAchildID']),
  rowRule('8840', 'cin2022_23', PLANS, ['CPPstartDate', 'CPPendDate'], (get) => {
    const start = day(get('CPPstartDate'))
    return start !== null && start === day(get('CPPendDate'))
  }),

  cinRule('8841', 'cin2022_23', (tables) => {
    const plans = view(tables, PLANS)
    const reviews = view(tables, 'Reviews')
    const plansById = byPlan(plans)
    const failures = new Failures()
    for (let row = 0; row < reviews.size; row++) {
      const review = day(reviews.get(row, 'CPPreviewDate'))
      if (review === null) continue
      const key = keyOf(reviews.get(row, 'LAchildID'), reviews.get(row, 'CPPID'))
      for (const plan of plansById.get(key) ?? []) {
        const start = day(plans.get(plan, 'CPPstartDate'))
        if (start === null || review > start) continue
        const group = keyOf(key, reviews.get(row, 'CPPreviewDate'))
        failures.add(plans, plan, ['CPPstartDate'], group).add(reviews, row, ['CPPreviewDate'], group)
      }
    }
    return failures.toArray()
  }),

  rowRule('8842Q', 'cin2022_23', 'Reviews', ['CPPreviewDate'], (get) => !present(get('CPPreviewDate'))),
  codeListRule('8905', 'cin2022_23', PLANS, 'InitialCategoryOfAbuse', CATEGORY_OF_ABUSE),
  codeListRule('8910', 'cin2022_23', PLANS, 'LatestCategoryOfAbuse', CATEGORY_OF_ABUSE),
  afterDeathRule('8915', PLANS, 'CPPstartDate'),
  afterDeathRule('8920', PLANS, 'CPPendDate'),
  rowRule('8925', 'cin2022_23', PLANS, ['CPPstartDate', 'CPPendDate'], (get) => {
    const start = day(get('CPPstartDate'))
    const end = day(get('CPPendDate'))
    return start !== null && end !== null && end < start
  }),
  inCensusYearRule('8930', 'cin2022_23', PLANS, 'CPPendDate'),
  // The DfE tool counts open rows per plan (CPPID), not open plans per child: its case flags child1's two open rows of
  // CPPID1 but not its open CPPID2. Followed, as authorities' validators do.
  moreThanOneOpenRule('8935', PLANS, ['CPPendDate'], (table, row) => !present(table.get(row, 'CPPendDate')), byPlan),
  overlapRule('8940', PLANS, {
    groupBy: byChild,
    start: 'CPPstartDate',
    end: endOrOpen('CPPendDate'),
    touching: true,
    startFields: ['CPPstartDate'],
    endFields: ['CPPstartDate', 'CPPendDate'],
  }),
]
