// CIN census rules on the Section47 module: enquiries and initial child protection conferences.
import type { Rule } from '../../validation/rule.js'
import {
  Failures, byEpisode, census, cinRule, day, groupRows, inCensusYearRule, isYes, keyOf, present, rowRule, view, weekday,
  type View,
} from '../rule-kit.js'
import { beforeReferralRule, moreThanOneOpenRule, overlapRule, workingDaysLater } from './shapes.js'

const ENQUIRIES = 'Section47'

/** No initial conference recorded, and none marked as not required. */
function awaitingConference(table: View, row: number): boolean {
  return !present(table.get(row, 'DateOfInitialCPC')) && !isYes(table.get(row, 'ICPCnotRequired'))
}

function isWeekend(cell: string | null): boolean {
  const date = day(cell)
  return date !== null && (weekday(date) === 0 || weekday(date) === 6)
}

export const section47Rules: Rule[] = [
  beforeReferralRule('1104', ENQUIRIES, 'DateOfInitialCPC'),

  // The same child's initial conference on the same day at both levels is one conference recorded twice.
  cinRule('2884', 'cin2022_23', (tables) => {
    const enquiries = view(tables, ENQUIRIES)
    const episodes = view(tables, 'CINdetails')
    const conferenceKey = (table: View) => (row: number) =>
      present(table.get(row, 'DateOfInitialCPC')) ? keyOf(table.get(row, 'LAchildID'), table.get(row, 'DateOfInitialCPC')) : null
    const fromEnquiries = groupRows(enquiries, conferenceKey(enquiries))
    const fromEpisodes = groupRows(episodes, conferenceKey(episodes))
    const failures = new Failures()
    for (const [key, rows] of fromEnquiries) {
      const alsoOnEpisode = fromEpisodes.get(key)
      if (!alsoOnEpisode) continue
      for (const row of rows) failures.add(enquiries, row, ['DateOfInitialCPC'], key)
      for (const row of alsoOnEpisode) failures.add(episodes, row, ['DateOfInitialCPC'], key)
    }
    return failures.toArray()
  }),

  beforeReferralRule('2889', ENQUIRIES, 'S47ActualStartDate'),

  // With an initial conference, the enquiry must have started, and no later than the conference.
  rowRule('8615', 'cin2022_23', ENQUIRIES, ['S47ActualStartDate', 'DateOfInitialCPC'], (get) => {
    const conference = day(get('DateOfInitialCPC'))
    if (conference === null) return false
    const start = day(get('S47ActualStartDate'))
    return start === null || start > conference
  }),

  // An initial conference is due within 15 working days of the enquiry starting.
  cinRule('8675Q', 'cin2022_23', (tables, context) => {
    const enquiries = view(tables, ENQUIRIES)
    const year = census(tables, context)
    const failures = new Failures()
    for (let row = 0; row < enquiries.size; row++) {
      const start = day(enquiries.get(row, 'S47ActualStartDate'))
      if (start === null || !awaitingConference(enquiries, row)) continue
      if (workingDaysLater(start, 15) <= year.end) {
        failures.add(enquiries, row, ['DateOfInitialCPC', 'S47ActualStartDate', 'ICPCnotRequired'])
      }
    }
    return failures.toArray()
  }),

  inCensusYearRule('8715', 'cin2022_23', ENQUIRIES, 'DateOfInitialCPC'),

  rowRule('8740', 'cin2022_23', ENQUIRIES, ['S47ActualStartDate', 'DateOfInitialCPC', 'ICPCnotRequired'], (get, year) => {
    const start = day(get('S47ActualStartDate'))
    if (start === null || present(get('DateOfInitialCPC')) || isYes(get('ICPCnotRequired'))) return false
    return start < year.start || start > year.end
  }),

  moreThanOneOpenRule('8839', ENQUIRIES, ['DateOfInitialCPC'], awaitingConference),
  rowRule('8870Q', 'cin2022_23', ENQUIRIES, ['InitialCPCtarget'], (get) => isWeekend(get('InitialCPCtarget'))),
  rowRule('8875', 'cin2022_23', ENQUIRIES, ['DateOfInitialCPC'], (get) => isWeekend(get('DateOfInitialCPC'))),

  // An enquiry runs from its start to its initial conference; one awaiting its conference is still running.
  overlapRule('8890', ENQUIRIES, {
    groupBy: byEpisode,
    start: 'S47ActualStartDate',
    end: (table, row) => day(table.get(row, 'DateOfInitialCPC')) ?? (awaitingConference(table, row) ? Infinity : null),
    touching: false,
    startFields: ['S47ActualStartDate'],
    endFields: ['S47ActualStartDate', 'DateOfInitialCPC'],
  }),
]
