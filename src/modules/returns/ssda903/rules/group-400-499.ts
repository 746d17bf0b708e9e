// SSDA903 rules 400-499: UASC distances, special guardianship and placement orders, LA of placement, how one
// episode follows another, review participation by age, UPNs, and what carries over from last year's return.
import type { Rule } from '../../validation/rule.js'
import type { Cell, Table } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import { parseDay } from '../../validation/dates.js'
import { addYears, dayColumn, failuresAt, failuresWhere } from '../helpers.js'
import { SHORT_BREAK_LS, REC_SPECIAL_GUARDIANSHIP, UPN_UNKNOWN } from '../codes.js'
import {
  childrenWhere, earliestRowByChild, episodeAgeRule, forEachWithPrevious, isAfter, rowsOfChildren, uascChildren,
} from './group-300-499-support.js'

const isRespite = (ls: Cell | undefined): boolean => ls !== null && ls !== undefined && SHORT_BREAK_LS.has(ls)
const PLACEMENT_ORDER_POSSIBLE_FROM = parseDay('2005-12-01') as number

const rule406: Rule = {
  code: '406',
  definedIn: 'lac2022_23',
  validate(tables) {
    const { Episodes } = tables
    if (!Episodes) return []
    const uasc = uascChildren(tables)
    const children = column(Episodes, 'CHILD')
    const distance = column(Episodes, 'PL_DISTANCE')
    return failuresWhere('Episodes', Episodes, ['PL_DISTANCE'], (row) =>
      distance[row] !== null && uasc.has(children[row] ?? ''))
  },
}

const rule407 = episodeAgeRule({
  code: '407', applies: (rec) => rec !== null && REC_SPECIAL_GUARDIANSHIP.has(rec), appliesTo: 'REC', dateName: 'DEC',
  years: 18, atLeast: true, fields: ['DEC', 'REC'], flagHeader: true,
})

const rule408: Rule = {
  code: '408',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const place = column(Episodes, 'PLACE')
    const ls = column(Episodes, 'LS')
    // A5 and A6 are placements under a placement order (E1) or, before 2005, a freeing order (D1).
    return failuresWhere('Episodes', Episodes, ['PLACE', 'LS'], (row) =>
      (place[row] === 'A5' || place[row] === 'A6') && ls[row] !== 'E1' && ls[row] !== 'D1')
  },
}

const rule411: Rule = {
  code: '411',
  definedIn: 'lac2022_23',
  validate({ Episodes }, { metadata }) {
    const authority = metadata.localAuthority
    if (!Episodes || typeof authority !== 'string') return []
    const location = column(Episodes, 'PL_LOCATION')
    const placedIn = column(Episodes, 'PL_LA')
    return failuresWhere('Episodes', Episodes, ['PL_LOCATION'], (row) =>
      location[row] === 'IN' && placedIn[row] !== null && placedIn[row] !== authority)
  },
}

const rule420: Rule = {
  code: '420',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const ls = column(Episodes, 'LS')
    const placedIn = column(Episodes, 'PL_LA')
    return failuresWhere('Episodes', Episodes, ['PL_LA'], (row) => isRespite(ls[row]) && placedIn[row] !== null)
  },
}

const rule426: Rule = {
  code: '426',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const ls = column(Episodes, 'LS')
    const single = childrenWhere(Episodes, (row) => ls[row] === 'V3')
    const series = childrenWhere(Episodes, (row) => ls[row] === 'V4')
    const both = new Set([...single].filter((child) => series.has(child)))
    return failuresAt('Episodes', rowsOfChildren(Episodes, both).filter((row) => isRespite(ls[row])), ['LS'])
  },
}

/** Episodes where `failing(row, previous)` holds for the child's previous episode in date order. */
function failingAfterPrevious(
  episodes: Table,
  fields: string[],
  failing: (row: number, previous: number) => boolean,
) {
  const flagged: number[] = []
  forEachWithPrevious(episodes, (row, previous) => {
    if (failing(row, previous)) flagged.push(row)
  })
  return failuresAt('Episodes', flagged, fields)
}

const rule431: Rule = {
  code: '431',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const rne = column(Episodes, 'RNE')
    const decom = dayColumn(Episodes, 'DECOM')
    const dec = dayColumn(Episodes, 'DEC')
    return failingAfterPrevious(Episodes, ['RNE', 'DECOM'], (row, previous) =>
      rne[row] === 'S' && decom[row] !== null && dec[previous] === decom[row])
  },
}

const rule432: Rule = {
  code: '432',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const rne = column(Episodes, 'RNE')
    const rec = column(Episodes, 'REC')
    return failingAfterPrevious(Episodes, ['RNE'], (row, previous) =>
      rne[row] !== 'S' && rec[previous] !== null && rec[previous] !== 'X1')
  },
}

const CONTINUATION = new Set(['L', 'P', 'T', 'U', 'B'])

const rule433: Rule = {
  code: '433',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const rne = column(Episodes, 'RNE')
    const decom = dayColumn(Episodes, 'DECOM')
    const dec = dayColumn(Episodes, 'DEC')
    return failingAfterPrevious(Episodes, ['RNE', 'DECOM'], (row, previous) =>
      CONTINUATION.has(rne[row] ?? '') && decom[row] !== null && dec[previous] !== decom[row])
  },
}

const PLACEMENT_FIELDS = ['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER']

/**
 * A rule on what a reason for new episode says changed since the previous episode: the legal status (LS) and the
 * placement (type, postcode, URN or provider).
 */
function changeRule(code: string, reason: string, expected: { legalStatus: boolean, placement: boolean }): Rule {
  return {
    code,
    definedIn: 'lac2022_23',
    validate({ Episodes }) {
      if (!Episodes) return []
      const rne = column(Episodes, 'RNE')
      const ls = column(Episodes, 'LS')
      const placement = PLACEMENT_FIELDS.map((name) => column(Episodes, name))
      return failingAfterPrevious(Episodes, ['RNE', 'LS', ...PLACEMENT_FIELDS], (row, previous) => {
        if (rne[row] !== reason) return false
        const legalStatusChanged = ls[row] !== ls[previous]
        const placementChanged = placement.some((cells) => cells[row] !== cells[previous])
        return legalStatusChanged !== expected.legalStatus || placementChanged !== expected.placement
      })
    },
  }
}

const rule434 = changeRule('434', 'L', { legalStatus: true, placement: false })
const rule435 = changeRule('435', 'P', { legalStatus: false, placement: true })
const rule436 = changeRule('436', 'B', { legalStatus: true, placement: true })

const rule437: Rule = {
  code: '437',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const rec = column(Episodes, 'REC')
    const flagged: number[] = []
    // Died (E2) or assessed as 18 or over (E15): nothing can follow.
    forEachWithPrevious(Episodes, (_, previous) => {
      if (rec[previous] === 'E2' || rec[previous] === 'E15') flagged.push(previous)
    })
    return failuresAt('Episodes', flagged, ['REC'])
  },
}

/**
 * A rule on a review's participation code against the child's age on the day of the review: PN0 is for a child under
 * 4, PN1-PN7 say how a child of 4 or over took part.
 */
function participationRule(code: string, codes: RegExp, flagsUnderFour: boolean): Rule {
  return {
    code,
    definedIn: 'lac2022_23',
    validate({ Reviews }) {
      if (!Reviews) return []
      const dob = dayColumn(Reviews, 'DOB')
      const review = dayColumn(Reviews, 'REVIEW')
      const participation = column(Reviews, 'REVIEW_CODE')
      return failuresWhere('Reviews', Reviews, ['DOB', 'REVIEW', 'REVIEW_CODE'], (row) => {
        const birth = dob[row]
        const day = review[row]
        const method = participation[row]
        if (birth === null || birth === undefined || day === null || day === undefined) return false
        return codes.test(method ?? '') && addYears(birth, 4) > day === flagsUnderFour
      })
    },
  }
}

const rule440 = participationRule('440', /^PN0$/, false)
const rule441 = participationRule('441', /^PN[1-7]$/, true)

const rule442: Rule = {
  code: '442',
  definedIn: 'lac2022_23',
  validate({ Header, Episodes }) {
    if (!Header || !Episodes) return []
    const ls = column(Episodes, 'LS')
    const lookedAfter = childrenWhere(Episodes, (row) => !isRespite(ls[row]))
    const upn = column(Header, 'UPN')
    return failuresAt('Header', rowsOfChildren(Header, lookedAfter).filter((row) => upn[row] === null), ['UPN'])
  },
}

const rule444: Rule = {
  code: '444',
  definedIn: 'lac2025_26',
  validate({ Header }) {
    if (!Header) return []
    const upn = column(Header, 'UPN')
    const counts = new Map<string, number>()
    for (const value of upn) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1)
    return failuresWhere('Header', Header, ['UPN'], (row) => {
      const value = upn[row]
      return value !== null && value !== undefined && !UPN_UNKNOWN.has(value) && (counts.get(value) ?? 0) > 1
    })
  },
}

const rule446: Rule = {
  code: '446',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const ls = column(Episodes, 'LS')
    const decom = dayColumn(Episodes, 'DECOM')
    return failuresWhere('Episodes', Episodes, ['LS', 'DECOM'], (row) =>
      ls[row] === 'E1' && isAfter(PLACEMENT_ORDER_POSSIBLE_FROM, decom[row]))
  },
}

/**
 * A rule that the first episode this year, when it is the episode last year's return ended with (same start date),
 * keeps a field's value.
 */
function carriedOverRule(code: string, field: string, same: (current: Cell, last: Cell) => boolean): Rule {
  return {
    code,
    definedIn: 'lac2022_23',
    validate({ Episodes, Episodes_last }) {
      if (!Episodes || !Episodes_last) return []
      const lastEpisodes = earliestRowByChild(Episodes_last, 'DECOM', true)
      const lastStart = dayColumn(Episodes_last, 'DECOM')
      const lastValue = column(Episodes_last, field)
      const start = dayColumn(Episodes, 'DECOM')
      const value = column(Episodes, field)
      const flagged: number[] = []
      for (const [child, row] of earliestRowByChild(Episodes)) {
        const last = lastEpisodes.get(child)
        if (last !== undefined && lastStart[last] === start[row] && !same(value[row] ?? null, lastValue[last] ?? null)) {
          flagged.push(row)
        }
      }
      return failuresAt('Episodes', flagged, [field])
    },
  }
}

/** Distances compared as numbers (10 and 10.0 agree); blank only agrees with blank. */
function sameDistance(a: Cell, b: Cell): boolean {
  if (a === null || b === null) return a === b
  const x = Number(a)
  const y = Number(b)
  return Number.isNaN(x) || Number.isNaN(y) ? a === b : x === y
}

const rule452 = carriedOverRule('452', 'PL_LA', (a, b) => a === b)
const rule453 = carriedOverRule('453', 'PL_DISTANCE', sameDistance)

/** 999.9 is a reserved distance value rather than a measured one. */
const RESERVED_DISTANCE = 999.9

const rule454: Rule = {
  code: '454',
  definedIn: 'lac2025_26',
  validate({ Episodes }) {
    if (!Episodes) return []
    const distance = column(Episodes, 'PL_DISTANCE')
    return failuresWhere('Episodes', Episodes, ['PL_DISTANCE'], (row) => {
      const miles = distance[row] === null ? NaN : Number(distance[row])
      return miles > 350 && miles !== RESERVED_DISTANCE
    })
  },
}

const rule460 = episodeAgeRule({
  code: '460', applies: (rec) => rec === 'E17', appliesTo: 'REC', dateName: 'DEC', years: 18,
  fields: ['DEC', 'REC'],
})

export const rules: Rule[] = [
  rule406, rule407, rule408, rule411, rule420, rule426, rule431, rule432, rule433, rule434, rule435, rule436,
  rule437, rule440, rule441, rule442, rule444, rule446, rule452, rule453, rule454, rule460,
]
