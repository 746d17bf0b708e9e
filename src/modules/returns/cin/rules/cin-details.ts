// CIN census rules on the CINdetails module: referrals, closures and what each episode records.
import type { Rule } from '../../validation/rule.js'
import type { Tables } from '../../validation/table.js'
import { CLOSED_AFTER_ASSESSMENT, CLOSED_CHILD_DIED, PRIMARY_NEED, REASON_FOR_CLOSURE, REFERRAL_SOURCE } from '../codes.js'
import {
  Failures, byChild, byEpisode, census, childKey, cinRule, codeListRule, day, episodeKey, inCensusYearRule, isNo,
  isYes, keyOf, notAfterCensusRule, present, rowRule, view, type View,
} from '../rule-kit.js'
import { afterDeathRule, overlapRule, workingDaysLater } from './shapes.js'

const EPISODES = 'CINdetails'

/** An episode's rows in another module, with the dates that count as activity (none: the row itself counts). */
interface Activity {
  table: string
  dates: string[]
  fields?: string[]
}

const ASSESSMENT_ACTIVITY: Activity = { table: 'Assessments', dates: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'] }
const ENQUIRY_ACTIVITY: Activity = { table: 'Section47', dates: ['S47ActualStartDate', 'DateOfInitialCPC'] }

/**
 * Episodes matching `select`, each with the rows of `activities` on it that `counts` (given the row's dates),
 * plus the episode's own initial conference. Flags the episode and those rows when there are any.
 */
function activityRule(
  code: string,
  episodeFields: string[],
  activities: Activity[],
  select: (episodes: View, row: number) => boolean,
  counts: (dates: (number | null)[], episodes: View, episode: number) => boolean,
): Rule {
  return cinRule(code, 'cin2022_23', (tables: Tables) => {
    const episodes = view(tables, EPISODES)
    const others = activities.map((activity) => {
      const table = view(tables, activity.table)
      return { activity, table, byKey: byEpisode(table) }
    })
    const failures = new Failures()
    for (let episode = 0; episode < episodes.size; episode++) {
      if (!select(episodes, episode)) continue
      const key = episodeKey(episodes, episode)
      const found: [View, number, string[]][] = []
      for (const { activity, table, byKey } of others) {
        for (const row of byKey.get(key) ?? []) {
          if (counts(activity.dates.map((column) => day(table.get(row, column))), episodes, episode)) {
            found.push([table, row, activity.fields ?? activity.dates])
          }
        }
      }
      const ownConference = counts([day(episodes.get(episode, 'DateOfInitialCPC'))], episodes, episode)
      if (found.length === 0 && !ownConference) continue
      failures.add(episodes, episode, episodeFields, key)
      for (const [table, row, fields] of found) failures.add(table, row, fields, key)
    }
    return failures.toArray()
  })
}

function closedAfterAssessment(episodes: View, row: number): boolean {
  return CLOSED_AFTER_ASSESSMENT.has(episodes.get(row, 'ReasonForClosure')?.trim() ?? '')
}

/** A closed episode's records of one module failing `incomplete`; the episode and those records are flagged. */
function closedWithIncompleteRule(
  code: string,
  tableName: string,
  fields: string[],
  incomplete: (table: View, row: number) => boolean,
): Rule {
  return cinRule(code, 'cin2022_23', (tables) => {
    const episodes = view(tables, EPISODES)
    const table = view(tables, tableName)
    const byKey = byEpisode(table)
    const failures = new Failures()
    for (let episode = 0; episode < episodes.size; episode++) {
      if (!present(episodes.get(episode, 'CINclosureDate'))) continue
      const key = episodeKey(episodes, episode)
      for (const row of byKey.get(key) ?? []) {
        if (incomplete(table, row)) failures.add(episodes, episode, ['CINclosureDate'], key).add(table, row, fields, key)
      }
    }
    return failures.toArray()
  })
}

const activityRules: Rule[] = [
  // Closed after assessment (RC8, RC9): no plan, enquiry or conference should follow.
  activityRule(
    '2990',
    ['DateOfInitialCPC'],
    [
      { table: 'ChildProtectionPlans', dates: [], fields: ['LAchildID'] },
      { table: 'Section47', dates: [], fields: ['LAchildID'] },
      { table: 'CINplanDates', dates: [], fields: ['LAchildID'] },
    ],
    closedAfterAssessment,
    (dates) => dates.length === 0 || dates.some((date) => date !== null),
  ),
  // Dates on the episode's records later than its closure.
  activityRule(
    '8565',
    ['CINclosureDate', 'DateOfInitialCPC'],
    [
      ASSESSMENT_ACTIVITY,
      ENQUIRY_ACTIVITY,
      { table: 'ChildProtectionPlans', dates: ['CPPendDate'] },
      { table: 'CINplanDates', dates: ['CINPlanStartDate', 'CINPlanEndDate'] },
    ],
    (episodes, row) => day(episodes.get(row, 'CINclosureDate')) !== null,
    (dates, episodes, episode) => {
      const closure = day(episodes.get(episode, 'CINclosureDate'))!
      return dates.some((date) => date !== null && date > closure)
    },
  ),
  // A referral with no further action has no assessment, enquiry or conference.
  activityRule(
    '8831',
    ['DateOfInitialCPC'],
    [ASSESSMENT_ACTIVITY, ENQUIRY_ACTIVITY],
    (episodes, row) => isYes(episodes.get(row, 'ReferralNFA')),
    (dates) => dates.some((date) => date !== null),
  ),
]

const episodeLinkRules: Rule[] = [
  // A section 47 enquiry usually follows an assessment on the same episode.
  cinRule('2991Q', 'cin2022_23', (tables) => {
    const enquiries = view(tables, 'Section47')
    const assessed = byEpisode(view(tables, 'Assessments'))
    const failures = new Failures()
    for (let row = 0; row < enquiries.size; row++) {
      const key = episodeKey(enquiries, row)
      if (!assessed.has(key)) failures.add(enquiries, row, ['LAchildID'], key)
    }
    return failures.toArray()
  }),
  cinRule('8825Q', 'cin2022_23', (tables) => {
    const episodes = view(tables, EPISODES)
    const assessed = byEpisode(view(tables, 'Assessments'))
    const failures = new Failures()
    for (let row = 0; row < episodes.size; row++) {
      const key = episodeKey(episodes, row)
      if (closedAfterAssessment(episodes, row) && !assessed.has(key)) failures.add(episodes, row, ['ReasonForClosure'], key)
    }
    return failures.toArray()
  }),
  closedWithIncompleteRule('8867', 'Assessments', ['AssessmentAuthorisationDate'], (table, row) =>
    !present(table.get(row, 'AssessmentAuthorisationDate')),
  ),
  // An enquiry is complete with either a conference date or "not required", not both and not neither.
  closedWithIncompleteRule('8868', 'Section47', ['DateOfInitialCPC', 'ICPCnotRequired'], (table, row) =>
    present(table.get(row, 'DateOfInitialCPC')) === isYes(table.get(row, 'ICPCnotRequired')),
  ),
  cinRule('8585Q', 'cin2022_23', (tables) => {
    const episodes = view(tables, EPISODES)
    const children = view(tables, 'ChildIdentifiers')
    const childrenByKey = byChild(children)
    const failures = new Failures()
    for (let row = 0; row < episodes.size; row++) {
      if (episodes.get(row, 'ReasonForClosure')?.trim() !== CLOSED_CHILD_DIED) continue
      for (const child of childrenByKey.get(childKey(episodes, row)) ?? []) {
        if (present(children.get(child, 'PersonDeathDate'))) continue
        const group = childKey(episodes, row)
        failures.add(episodes, row, ['ReasonForClosure'], group).add(children, child, ['PersonDeathDate'], group)
      }
    }
    return failures.toArray()
  }),
  // A referral more than 40 weeks before the child's date of birth (or expected date of birth).
  cinRule('8606', 'cin2022_23', (tables) => {
    const episodes = view(tables, EPISODES)
    const children = view(tables, 'ChildIdentifiers')
    const childrenByKey = byChild(children)
    const failures = new Failures()
    for (let row = 0; row < episodes.size; row++) {
      const referral = day(episodes.get(row, 'CINreferralDate'))
      if (referral === null) continue
      for (const child of childrenByKey.get(childKey(episodes, row)) ?? []) {
        const birth = day(children.get(child, 'PersonBirthDate')) ?? day(children.get(child, 'ExpectedPersonBirthDate'))
        if (birth === null || referral >= birth - 40 * 7) continue
        const group = keyOf(childKey(episodes, row), String(row))
        failures
          .add(episodes, row, ['CINreferralDate'], group)
          .add(children, child, ['PersonBirthDate', 'ExpectedPersonBirthDate'], group)
      }
    }
    return failures.toArray()
  }),
]

const fieldRules: Rule[] = [
  afterDeathRule('8555Q', EPISODES, 'CINreferralDate'),
  rowRule('8568', 'cin2022_23', EPISODES, ['ReferralNFA'], (get) => !isYes(get('ReferralNFA')) && !isNo(get('ReferralNFA'))),
  // Only a referral from the last working day before the census year onwards can still be marked NFA.
  cinRule('8569Q', 'cin2022_23', (tables, context) => {
    const episodes = view(tables, EPISODES)
    const latestOpenReferral = workingDaysLater(census(tables, context).start, -1)
    const failures = new Failures()
    for (let row = 0; row < episodes.size; row++) {
      const referral = day(episodes.get(row, 'CINreferralDate'))
      if (referral !== null && referral < latestOpenReferral && isYes(episodes.get(row, 'ReferralNFA'))) {
        failures.add(episodes, row, ['CINreferralDate'], episodeKey(episodes, row))
      }
    }
    return failures.toArray()
  }),
  notAfterCensusRule('8600', 'cin2022_23', EPISODES, 'CINreferralDate'),
  rowRule('8610', 'cin2022_23', EPISODES, ['ReferralNFA', 'PrimaryNeedCode'], (get) =>
    isNo(get('ReferralNFA')) && !present(get('PrimaryNeedCode')),
  ),
  inCensusYearRule('8620', 'cin2022_23', EPISODES, 'CINclosureDate'),
  rowRule('8630', 'cin2022_23', EPISODES, ['CINreferralDate', 'CINclosureDate'], (get) => {
    const referral = day(get('CINreferralDate'))
    const closure = day(get('CINclosureDate'))
    return referral !== null && closure !== null && closure < referral
  }),
  codeListRule('8640', 'cin2022_23', EPISODES, 'ReasonForClosure', REASON_FOR_CLOSURE, true),
  codeListRule('8650', 'cin2022_23', EPISODES, 'PrimaryNeedCode', PRIMARY_NEED, true),
  rowRule('8805', 'cin2022_23', EPISODES, ['CINclosureDate', 'ReasonForClosure'], (get) =>
    present(get('CINclosureDate')) && !present(get('ReasonForClosure')),
  ),
  rowRule('8810', 'cin2022_23', EPISODES, ['ReasonForClosure', 'CINclosureDate'], (get) =>
    present(get('ReasonForClosure')) && !present(get('CINclosureDate')),
  ),
  // The referral source is required, from the codes introduced for referrals from 1 April 2013.
  rowRule('8866', 'cin2022_23', EPISODES, ['CINreferralDate', 'ReferralSource'], (get) => {
    const referral = day(get('CINreferralDate'))
    return referral !== null && referral >= Date.UTC(2013, 3, 1) / 86_400_000 &&
      !REFERRAL_SOURCE.has(get('ReferralSource')?.trim() ?? '')
  }),
]

/** Open (no closure date) and not a referral with no further action. */
function openWithFurtherAction(episodes: View, row: number): boolean {
  return !present(episodes.get(row, 'CINclosureDate')) && !isYes(episodes.get(row, 'ReferralNFA'))
}

const openEpisodeRules: Rule[] = [
  cinRule('8815', 'cin2022_23', (tables) => {
    const episodes = view(tables, EPISODES)
    const failures = new Failures()
    for (const [child, group] of byChild(episodes)) {
      const open = group.filter((row) => openWithFurtherAction(episodes, row))
      if (open.length > 1) for (const row of open) failures.add(episodes, row, ['CINclosureDate'], child)
    }
    return failures.toArray()
  }),
  // The latest episode is the one with the latest referral (the first listed, on a tie).
  cinRule('8816', 'cin2022_23', (tables) => {
    const episodes = view(tables, EPISODES)
    const failures = new Failures()
    for (const [child, group] of byChild(episodes)) {
      let latest: number | null = null
      for (const row of group) {
        const referral = day(episodes.get(row, 'CINreferralDate'))
        if (referral !== null && (latest === null || referral > day(episodes.get(latest, 'CINreferralDate'))!)) latest = row
      }
      if (latest === null) continue
      for (const row of group) {
        if (row === latest || day(episodes.get(row, 'CINreferralDate')) === null || !openWithFurtherAction(episodes, row)) continue
        const pair = keyOf(child, String(row))
        failures.add(episodes, row, ['CINreferralDate'], pair).add(episodes, latest, ['CINreferralDate'], pair)
      }
    }
    return failures.toArray()
  }),
  // Episodes overlap when one starts before an earlier one closes; an earlier one still open is 8816's concern.
  overlapRule('8820', EPISODES, {
    groupBy: byChild,
    start: 'CINreferralDate',
    end: (table, row) => day(table.get(row, 'CINclosureDate')),
    touching: false,
    startFields: ['CINreferralDate'],
    endFields: ['CINreferralDate', 'CINclosureDate'],
  }),
]

export const cinDetailRules: Rule[] = [...activityRules, ...episodeLinkRules, ...fieldRules, ...openEpisodeRules]
