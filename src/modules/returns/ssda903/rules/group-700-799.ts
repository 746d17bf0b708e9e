// SSDA903 rules 700-710 (from 2026/27): Deprivation of Liberty Orders (the DoLo table) — valid dates within the
// year, no overlaps, continuity with last year, and the placements a child under a DoLO may be in.
import type { Rule } from '../../validation/rule.js'
import type { Table } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import { dayColumn, failuresAt, failuresWhere, rowsBy } from '../helpers.js'
import { isAfter } from './group-300-499-support.js'
import { openPeriodsNotCarriedOver, overlappingPeriods, periodsOutsideCare } from './group-500-plus-support.js'

const DEFINED_IN = 'lac2026_27'

interface OrderDates {
  start: number | null
  end: number | null
  /** DOLO_END as given, to tell a blank end from one that is not a date. */
  endText: string | null
  collectionStart: number
  collectionEnd: number
}

/** A DoLo check on the start and end dates of each order. */
function datesRule(code: string, fields: string[], failing: (dates: OrderDates) => boolean): Rule {
  return {
    code,
    definedIn: DEFINED_IN,
    validate({ DoLo }, { collectionStart, collectionEnd }) {
      if (!DoLo) return []
      const starts = dayColumn(DoLo, 'DOLO_START')
      const ends = dayColumn(DoLo, 'DOLO_END')
      const endTexts = column(DoLo, 'DOLO_END')
      return failuresWhere('DoLo', DoLo, fields, (row) => failing({
        start: starts[row] ?? null, end: ends[row] ?? null, endText: endTexts[row] ?? null, collectionStart, collectionEnd,
      }))
    },
  }
}

const dateRules = [
  datesRule('700', ['DOLO_START'], ({ start }) => start === null),
  datesRule('701', ['DOLO_END'], ({ end, endText }) => endText !== null && end === null),
  datesRule('702', ['DOLO_START', 'DOLO_END'], ({ start, end }) => start !== null && end !== null && end <= start),
  datesRule('703', ['DOLO_START'], ({ start, collectionEnd }) => isAfter(start, collectionEnd)),
  datesRule('704', ['DOLO_END'], ({ end, collectionStart, collectionEnd }) =>
    isAfter(collectionStart, end) || isAfter(end, collectionEnd)),
]

const rule705: Rule = {
  code: '705',
  definedIn: DEFINED_IN,
  validate({ DoLo }) {
    if (!DoLo) return []
    return failuresAt('DoLo', overlappingPeriods(DoLo, 'DOLO_START', 'DOLO_END'), ['DOLO_START', 'DOLO_END'])
  },
}

const rule706: Rule = {
  code: '706',
  definedIn: DEFINED_IN,
  validate({ DoLo, DoLo_last }) {
    if (!DoLo || !DoLo_last) return []
    return failuresAt('DoLo', openPeriodsNotCarriedOver(DoLo, DoLo_last, 'DOLO_START', 'DOLO_END'), ['DOLO_START'])
  },
}

const rule707: Rule = {
  code: '707',
  definedIn: DEFINED_IN,
  validate({ DoLo, Episodes }) {
    if (!DoLo || !Episodes) return []
    return failuresAt('DoLo', periodsOutsideCare(DoLo, Episodes, 'DOLO_START', 'DOLO_END'), ['DOLO_END'])
  },
}

const rule708: Rule = {
  code: '708',
  definedIn: DEFINED_IN,
  validate({ DoLo }) {
    if (!DoLo) return []
    const births = dayColumn(DoLo, 'DOB')
    const starts = dayColumn(DoLo, 'DOLO_START')
    return failuresWhere('DoLo', DoLo, ['DOLO_START'], (row) => {
      const birth = births[row]
      const start = starts[row]
      return birth !== null && birth !== undefined && start !== null && start !== undefined && start <= birth
    })
  },
}

/**
 * Orders (with both dates) that overlap an episode whose placement fails `placementOk`, flagging the order and the
 * episode. An episode still open runs on indefinitely.
 */
function placementDuringOrder(DoLo: Table, Episodes: Table, placementOk: (place: string | null) => boolean) {
  const placements = column(Episodes, 'PLACE')
  const episodeStarts = dayColumn(Episodes, 'DECOM')
  const episodeEnds = dayColumn(Episodes, 'DEC')
  const episodes = rowsBy(Episodes)
  const starts = dayColumn(DoLo, 'DOLO_START')
  const ends = dayColumn(DoLo, 'DOLO_END')
  const orderRows: number[] = []
  const episodeRows: number[] = []
  column(DoLo, 'CHILD').forEach((child, row) => {
    const start = starts[row]
    const end = ends[row]
    if (child === null || start === null || start === undefined || end === null || end === undefined) return
    for (const episode of episodes.get(child) ?? []) {
      const from = episodeStarts[episode]
      const to = episodeEnds[episode]
      if (from === null || from === undefined || from > end || (to !== null && to !== undefined && to < start)) continue
      if (!placementOk(placements[episode] ?? null)) {
        orderRows.push(row)
        episodeRows.push(episode)
      }
    }
  })
  return [
    ...failuresAt('DoLo', orderRows, ['DOLO_START']),
    ...failuresAt('Episodes', episodeRows, ['PLACE']),
  ]
}

/** Placements expected for a child under a DoLO: children's homes (K2) and the other placements Z12 and Z13. */
const EXPECTED_WITH_DOLO = new Set(['K2', 'Z12', 'Z13'])
/** Placements a DoLO rules out: secure children's homes, parents, young offender institutions, supported accommodation. */
const RULED_OUT_WITH_DOLO = new Set(['K1', 'P1', 'R5', 'K3'])

const rule709: Rule = {
  code: '709',
  definedIn: DEFINED_IN,
  validate({ DoLo, Episodes }) {
    if (!DoLo || !Episodes) return []
    return placementDuringOrder(DoLo, Episodes, (place) => place !== null && EXPECTED_WITH_DOLO.has(place))
  },
}

const rule710: Rule = {
  code: '710',
  definedIn: DEFINED_IN,
  validate({ DoLo, Episodes }) {
    if (!DoLo || !Episodes) return []
    return placementDuringOrder(DoLo, Episodes, (place) => place === null || !RULED_OUT_WITH_DOLO.has(place))
  },
}

export const rules: Rule[] = [...dateRules, rule705, rule706, rule707, rule708, rule709, rule710]
