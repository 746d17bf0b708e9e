// CIN census rules on the Assessments module. One assessment is one row whose AssessmentFactors cell lists its
// factor codes separated by commas; a source that puts each factor on a row of its own is read the same way, as
// the rows sharing an AssessmentID (or, without one, the child, episode and dates) make up one assessment.
import type { Rule } from '../../validation/rule.js'
import type { Cell } from '../../validation/table.js'
import { ASSESSMENT_FACTORS, CLOSED_AFTER_ASSESSMENT, NO_FACTORS_IDENTIFIED } from '../codes.js'
import {
  Failures, byEpisode, census, cinRule, day, episodeKey, grouped, inCensusYearRule, keyOf, present, rowRule, view,
  type View,
} from '../rule-kit.js'
import { beforeReferralRule, endOrOpen, moreThanOneOpenRule, overlapRule, workingDaysLater } from './shapes.js'

const ASSESSMENTS = 'Assessments'

/** The factor codes in a cell, upper case. */
export function factorsOf(cell: Cell): string[] {
  return (cell ?? '').split(',').map((code) => code.replace(/[[\]'"\s]/g, '').toUpperCase()).filter((code) => code !== '')
}

/** Rows by assessment. */
function byAssessment(table: View): Map<string, number[]> {
  return grouped(table, 'byAssessment', (row) =>
    present(table.get(row, 'AssessmentID'))
      ? keyOf(episodeKey(table, row), table.get(row, 'AssessmentID'))
      : keyOf(
        episodeKey(table, row),
        table.get(row, 'AssessmentActualStartDate'),
        table.get(row, 'AssessmentAuthorisationDate'),
      ),
  )
}

/** A test on each assessment's factors (all its rows'); the rows `fails` picks are flagged. */
function factorsRule(code: string, definedIn: string, fails: (factors: string[][], all: string[]) => boolean[]): Rule {
  return cinRule(code, definedIn, (tables) => {
    const assessments = view(tables, ASSESSMENTS)
    const failures = new Failures()
    for (const [key, group] of byAssessment(assessments)) {
      const factors = group.map((row) => factorsOf(assessments.get(row, 'AssessmentFactors')))
      fails(factors, factors.flat()).forEach((failed, i) => {
        if (failed) failures.add(assessments, group[i]!, ['AssessmentFactors'], key)
      })
    }
    return failures.toArray()
  })
}

/** Rows recording a factor code the DfE has withdrawn in favour of others. */
function withdrawnFactorRule(code: string, withdrawn: string): Rule {
  return rowRule(code, 'cin2024_25', ASSESSMENTS, ['AssessmentFactors'], (get) =>
    factorsOf(get('AssessmentFactors')).includes(withdrawn),
  )
}

export const assessmentRules: Rule[] = [
  beforeReferralRule('1103', ASSESSMENTS, 'AssessmentActualStartDate'),
  rowRule('8608', 'cin2022_23', ASSESSMENTS, ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'], (get) => {
    const start = day(get('AssessmentActualStartDate'))
    const end = day(get('AssessmentAuthorisationDate'))
    return start !== null && end !== null && start > end
  }),
  rowRule('8614', 'cin2022_23', ASSESSMENTS, ['AssessmentAuthorisationDate', 'AssessmentFactors'], (get) =>
    factorsOf(get('AssessmentFactors')).length > 0 && !present(get('AssessmentAuthorisationDate')),
  ),

  // An assessment is due within 45 working days of starting.
  cinRule('8670Q', 'cin2022_23', (tables, context) => {
    const assessments = view(tables, ASSESSMENTS)
    const year = census(tables, context)
    const failures = new Failures()
    for (let row = 0; row < assessments.size; row++) {
      const start = day(assessments.get(row, 'AssessmentActualStartDate'))
      if (start === null || present(assessments.get(row, 'AssessmentAuthorisationDate'))) continue
      if (workingDaysLater(start, 45) <= year.end) {
        failures.add(assessments, row, ['AssessmentAuthorisationDate', 'AssessmentActualStartDate'])
      }
    }
    return failures.toArray()
  }),

  inCensusYearRule('8696', 'cin2022_23', ASSESSMENTS, 'AssessmentAuthorisationDate'),
  rowRule('8736', 'cin2022_23', ASSESSMENTS, ['AssessmentAuthorisationDate', 'AssessmentActualStartDate'], (get, year) => {
    const start = day(get('AssessmentActualStartDate'))
    return start !== null && !present(get('AssessmentAuthorisationDate')) && (start < year.start || start > year.end)
  }),
  overlapRule('8863Q', ASSESSMENTS, {
    groupBy: byEpisode,
    start: 'AssessmentActualStartDate',
    end: endOrOpen('AssessmentAuthorisationDate'),
    touching: false,
    startFields: ['AssessmentActualStartDate'],
    endFields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
  }),
  // Factor 21 (no factors identified) stands alone: rows with other factors beside it are flagged.
  factorsRule('8869', 'cin2022_23', (factors, all) =>
    factors.map((codes) => all.includes(NO_FACTORS_IDENTIFIED) && codes.some((code) => code !== NO_FACTORS_IDENTIFIED)),
  ),

  // The only assessment on a closed episode found no factors (21): the closure should say so (RC8 or RC9).
  cinRule('8873Q', 'cin2022_23', (tables) => {
    const assessments = view(tables, ASSESSMENTS)
    const episodes = view(tables, 'CINdetails')
    const assessmentsByEpisode = new Map<string, number[][]>()
    for (const group of byAssessment(assessments).values()) {
      const key = episodeKey(assessments, group[0]!)
      const onEpisode = assessmentsByEpisode.get(key)
      if (onEpisode) onEpisode.push(group)
      else assessmentsByEpisode.set(key, [group])
    }
    const failures = new Failures()
    for (let row = 0; row < episodes.size; row++) {
      const reason = episodes.get(row, 'ReasonForClosure')?.trim()
      if (!reason || CLOSED_AFTER_ASSESSMENT.has(reason)) continue
      const key = episodeKey(episodes, row)
      const [only, ...others] = assessmentsByEpisode.get(key) ?? []
      if (!only || others.length > 0) continue
      if (!only.some((a) => factorsOf(assessments.get(a, 'AssessmentFactors')).includes(NO_FACTORS_IDENTIFIED))) continue
      failures.add(episodes, row, ['ReasonForClosure'], key)
      for (const a of only) failures.add(assessments, a, ['AssessmentFactors'], key)
    }
    return failures.toArray()
  }),

  moreThanOneOpenRule('8896', ASSESSMENTS, ['AssessmentAuthorisationDate'], (table, row) =>
    !present(table.get(row, 'AssessmentAuthorisationDate')),
  ),

  // An assessment completed in the census year records its factors, each a valid code.
  cinRule('8897Q', 'cin2022_23', (tables, context) => {
    const assessments = view(tables, ASSESSMENTS)
    const year = census(tables, context)
    const failures = new Failures()
    for (const [key, group] of byAssessment(assessments)) {
      const completed = day(assessments.get(group[0]!, 'AssessmentAuthorisationDate'))
      if (completed === null || completed < year.start || completed > year.end) continue
      const factors = group.flatMap((row) => factorsOf(assessments.get(row, 'AssessmentFactors')))
      if (factors.length > 0 && factors.every((code) => ASSESSMENT_FACTORS.has(code))) continue
      for (const row of group) failures.add(assessments, row, ['AssessmentAuthorisationDate', 'AssessmentFactors'], key)
    }
    return failures.toArray()
  }),

  // The same factor twice on one assessment: the rows holding a repeated code are flagged.
  factorsRule('8898', 'cin2022_23', (factors, all) =>
    factors.map((codes) => codes.some((code) => all.indexOf(code) !== all.lastIndexOf(code))),
  ),
  withdrawnFactorRule('8945Q', '18A'),
  withdrawnFactorRule('8950Q', '19A'),
]
