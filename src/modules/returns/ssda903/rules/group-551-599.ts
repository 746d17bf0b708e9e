// SSDA903 rules 551-586: decisions to place a child for adoption (this year and last), and periods missing or away
// from placement without authorisation.
import type { Rule } from '../../validation/rule.js'
import type { Table } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import { dayByChild, dayColumn, failuresAt, failuresWhere, rowsBy, rowsByChildInOrder } from '../helpers.js'
import { REC_ADOPTED, ADOPTION_PLACE } from '../codes.js'
import { isAfter } from './group-300-499-support.js'
import {
  latestRowByChild, overlappingPeriods, openPeriodsNotCarriedOver, periodsOutsideCare, periodsStartingTooSoon,
  sameValue, startsOutsideEpisodes,
} from './group-500-plus-support.js'

/** Episode rows placed for adoption (A3-A6). */
function adoptionPlacementRows(Episodes: Table): number[] {
  const places = column(Episodes, 'PLACE')
  return places.flatMap((place, row) => (place !== null && ADOPTION_PLACE.has(place) ? [row] : []))
}

const rule551: Rule = {
  code: '551',
  definedIn: 'lac2022_23',
  validate({ Episodes, PlacedAdoption }) {
    if (!Episodes || !PlacedAdoption) return []
    const decided = column(PlacedAdoption, 'DATE_PLACED')
    const withDecision = new Set(column(PlacedAdoption, 'CHILD').filter((child, row) => decided[row] !== null))
    const children = column(Episodes, 'CHILD')
    const flagged = adoptionPlacementRows(Episodes).filter((row) => {
      const child = children[row] ?? null
      return child !== null && !withDecision.has(child)
    })
    return failuresAt('Episodes', flagged, ['DATE_PLACED', 'PLACE'])
  },
}

const rule552: Rule = {
  code: '552',
  definedIn: 'lac2022_23',
  validate({ Episodes, PlacedAdoption }) {
    if (!Episodes || !PlacedAdoption) return []
    const placements = new Set(adoptionPlacementRows(Episodes))
    const latestPlacement = latestRowByChild(Episodes, 'DECOM', (row) => placements.has(row))
    const latestDecision = latestRowByChild(PlacedAdoption, 'DATE_PLACED')
    const decided = dayColumn(PlacedAdoption, 'DATE_PLACED')
    const starts = dayColumn(Episodes, 'DECOM')
    const episodeRows: number[] = []
    const placedRows: number[] = []
    for (const [child, decision] of latestDecision) {
      const episode = latestPlacement.get(child)
      if (episode !== undefined && isAfter(decided[decision], starts[episode])) {
        episodeRows.push(episode)
        placedRows.push(decision)
      }
    }
    return [
      ...failuresAt('PlacedAdoption', placedRows, ['DATE_PLACED']),
      ...failuresAt('Episodes', episodeRows, ['DECOM']),
    ]
  },
}

const rule553: Rule = {
  code: '553',
  definedIn: 'lac2022_23',
  validate({ Episodes, PlacedAdoption }) {
    if (!Episodes || !PlacedAdoption) return []
    const decided = column(PlacedAdoption, 'DATE_PLACED')
    const ceased = column(PlacedAdoption, 'DATE_PLACED_CEASED')
    const reasons = column(PlacedAdoption, 'REASON_PLACED_CEASED')
    const decisions = rowsBy(PlacedAdoption)
    const legalStatus = column(Episodes, 'LS')
    const ends = column(Episodes, 'DEC')
    const episodeRows: number[] = []
    const placedRows: number[] = []
    column(Episodes, 'CHILD').forEach((child, row) => {
      if (child === null || legalStatus[row] !== 'E1' || ends[row] !== null) return
      const rows = decisions.get(child) ?? []
      const current = rows.some((r) => decided[r] !== null && ceased[r] === null && reasons[r] === null)
      if (current) return
      if (rows.length === 0) episodeRows.push(row)
      else placedRows.push(...rows)
    })
    return [
      ...failuresAt('Episodes', episodeRows, ['LS']),
      ...failuresAt('PlacedAdoption', placedRows, ['DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED']),
    ]
  },
}

const rule554: Rule = {
  code: '554',
  definedIn: 'lac2022_23',
  validate({ Episodes, PlacedAdoption }) {
    if (!Episodes || !PlacedAdoption) return []
    const legalStatus = column(Episodes, 'LS')
    const starts = dayColumn(Episodes, 'DECOM')
    const orders = new Map<string, number>()
    for (const [child, rows] of rowsByChildInOrder(Episodes)) {
      const first = rows.find((row) => legalStatus[row] === 'E1' && starts[row] !== null)
      if (first !== undefined) orders.set(child, first)
    }
    const decided = dayColumn(PlacedAdoption, 'DATE_PLACED')
    const episodeRows: number[] = []
    const placedRows: number[] = []
    column(PlacedAdoption, 'CHILD').forEach((child, row) => {
      const order = child === null ? undefined : orders.get(child)
      if (order !== undefined && isAfter(decided[row], starts[order])) {
        episodeRows.push(order)
        placedRows.push(row)
      }
    })
    return [
      ...failuresAt('Episodes', episodeRows, ['DECOM', 'LS']),
      ...failuresAt('PlacedAdoption', placedRows, ['DATE_PLACED']),
    ]
  },
}

const rule557: Rule = {
  code: '557',
  definedIn: 'lac2024_25',
  validate({ Episodes, PlacedAdoption }) {
    if (!Episodes || !PlacedAdoption) return []
    const places = column(Episodes, 'PLACE')
    const legalStatus = column(Episodes, 'LS')
    const reasons = column(Episodes, 'REC')
    const ceased = column(PlacedAdoption, 'DATE_PLACED_CEASED')
    const ceasedReasons = column(PlacedAdoption, 'REASON_PLACED_CEASED')
    const decisions = rowsBy(PlacedAdoption)
    const episodeRows: number[] = []
    const placedRows: number[] = []
    column(Episodes, 'CHILD').forEach((child, row) => {
      const place = places[row] ?? null
      const reason = reasons[row] ?? null
      const forAdoption = (place !== null && ADOPTION_PLACE.has(place)) || legalStatus[row] === 'E1'
      const leftNotAdopted = reason !== null && reason !== 'X1' && !REC_ADOPTED.has(reason)
      if (child === null || !forAdoption || !leftNotAdopted) return
      const rows = decisions.get(child) ?? []
      const incomplete = rows.filter((r) => ceased[r] === null || ceasedReasons[r] === null)
      if (rows.length === 0 || incomplete.length > 0) {
        episodeRows.push(row)
        placedRows.push(...incomplete)
      }
    })
    return [
      ...failuresAt('Episodes', episodeRows, ['PLACE', 'LS', 'REC']),
      ...failuresAt('PlacedAdoption', placedRows, ['DATE_PLACED_CEASED', 'REASON_PLACED_CEASED']),
    ]
  },
}

const rule558: Rule = {
  code: '558',
  definedIn: 'lac2022_23',
  validate({ Episodes, PlacedAdoption }) {
    if (!Episodes || !PlacedAdoption) return []
    const ceased = column(PlacedAdoption, 'DATE_PLACED_CEASED')
    const decided = dayColumn(PlacedAdoption, 'DATE_PLACED')
    // The decision that led to the adoption is the child's latest one (by date, else the last listed).
    const latest = new Map<string, number>()
    for (const [child, rows] of rowsBy(PlacedAdoption)) {
      // Odd but the DfE tool's reading: only a child with more than one decision counts as disrupted; its case passes
      // child F, adopted (E12) with one decision "DATE_PLACED_CEASED": "01/01/2020".
      if (rows.length < 2) continue
      const dated = rows.filter((row) => decided[row] !== null)
      latest.set(child, dated.length > 0 ? latestOf(dated, decided) : (rows.at(-1) as number))
    }
    const reasons = column(Episodes, 'REC')
    const children = column(Episodes, 'CHILD')
    return failuresWhere('Episodes', Episodes, ['REC', 'DATE_PLACED_CEASED'], (row) => {
      const child = children[row] ?? null
      const decision = child === null ? undefined : latest.get(child)
      const reason = reasons[row] ?? null
      return reason !== null && REC_ADOPTED.has(reason) && decision !== undefined && ceased[decision] !== null
    })
  },
}

/** The row with the latest day among rows that all have one. */
function latestOf(rows: readonly number[], days: readonly (number | null)[]): number {
  return rows.reduce((best, row) => ((days[row] as number) > (days[best] as number) ? row : best))
}

const rule559: Rule = {
  code: '559',
  definedIn: 'lac2022_23',
  validate({ PlacedAdoption, PlacedAdoption_last }, { collectionStart }) {
    if (!PlacedAdoption || !PlacedAdoption_last) return []
    const lastRows = rowsBy(PlacedAdoption_last)
    const lastDecided = column(PlacedAdoption_last, 'DATE_PLACED')
    const decided = dayColumn(PlacedAdoption, 'DATE_PLACED')
    const children = column(PlacedAdoption, 'CHILD')
    return failuresWhere('PlacedAdoption', PlacedAdoption, ['DATE_PLACED'], (row) => {
      const child = children[row] ?? null
      const previous = child === null ? undefined : lastRows.get(child)
      return isAfter(collectionStart, decided[row]) && previous !== undefined
        && previous.every((r) => lastDecided[r] === null)
    })
  },
}

const rule560: Rule = {
  code: '560',
  definedIn: 'lac2022_23',
  validate({ PlacedAdoption, PlacedAdoption_last }) {
    if (!PlacedAdoption || !PlacedAdoption_last) return []
    const lastCeased = column(PlacedAdoption_last, 'DATE_PLACED_CEASED')
    const lastDecided = column(PlacedAdoption_last, 'DATE_PLACED')
    const decided = column(PlacedAdoption, 'DATE_PLACED')
    const flagged: number[] = []
    const thisYear = rowsBy(PlacedAdoption)
    for (const [child, lastRows] of rowsBy(PlacedAdoption_last)) {
      const rows = thisYear.get(child)
      if (!rows) continue
      for (const lastRow of lastRows) {
        const open = lastCeased[lastRow] === null && lastDecided[lastRow] !== null
        if (!open || rows.some((row) => sameValue(decided[row] ?? null, lastDecided[lastRow] ?? null))) continue
        flagged.push(...rows)
      }
    }
    return failuresAt('PlacedAdoption', flagged, ['DATE_PLACED', 'DATE_PLACED_CEASED'])
  },
}

const rule561: Rule = {
  code: '561',
  definedIn: 'lac2022_23',
  validate({ PlacedAdoption, PlacedAdoption_last }) {
    if (!PlacedAdoption || !PlacedAdoption_last) return []
    const lastCeased = column(PlacedAdoption_last, 'DATE_PLACED_CEASED')
    const lastReasons = column(PlacedAdoption_last, 'REASON_PLACED_CEASED')
    const lastDecided = column(PlacedAdoption_last, 'DATE_PLACED')
    const lastRows = rowsBy(PlacedAdoption_last)
    const decided = column(PlacedAdoption, 'DATE_PLACED')
    const children = column(PlacedAdoption, 'CHILD')
    return failuresWhere('PlacedAdoption', PlacedAdoption, ['DATE_PLACED'], (row) => {
      const child = children[row] ?? null
      const day = decided[row] ?? null
      if (child === null || day === null) return false
      return (lastRows.get(child) ?? []).some((r) => (lastCeased[r] !== null || lastReasons[r] !== null)
        && sameValue(day, lastDecided[r] ?? null))
    })
  },
}

const rule562: Rule = {
  code: '562',
  definedIn: 'lac2022_23',
  validate({ Episodes, Episodes_last }, { collectionStart }) {
    if (!Episodes || !Episodes_last) return []
    const lastStarts = dayColumn(Episodes_last, 'DECOM')
    const known = new Set(column(Episodes_last, 'CHILD').map((child, row) => `${child}@${lastStarts[row]}`))
    const starts = dayColumn(Episodes, 'DECOM')
    const children = column(Episodes, 'CHILD')
    return failuresWhere('Episodes', Episodes, ['DECOM'], (row) =>
      isAfter(collectionStart, starts[row]) && !known.has(`${children[row]}@${starts[row]}`))
  },
}

const rule563: Rule = {
  code: '563',
  definedIn: 'lac2022_23',
  validate({ PlacedAdoption }) {
    if (!PlacedAdoption) return []
    const decided = column(PlacedAdoption, 'DATE_PLACED')
    const ceased = column(PlacedAdoption, 'DATE_PLACED_CEASED')
    const reasons = column(PlacedAdoption, 'REASON_PLACED_CEASED')
    return failuresWhere('PlacedAdoption', PlacedAdoption, ['DATE_PLACED', 'REASON_PLACED_CEASED', 'DATE_PLACED_CEASED'],
      (row) => decided[row] === null && (ceased[row] !== null || reasons[row] !== null))
  },
}

/** A Missing check on two of its cells. */
function missingRule(code: string, fields: [string, string], failing: (a: string | null, b: string | null) => boolean): Rule {
  return {
    code,
    definedIn: 'lac2022_23',
    validate({ Missing }) {
      if (!Missing) return []
      const [a, b] = fields.map((name) => column(Missing, name)) as [readonly (string | null)[], readonly (string | null)[]]
      return failuresWhere('Missing', Missing, fields, (row) => failing(a[row] ?? null, b[row] ?? null))
    },
  }
}

const rule567: Rule = {
  code: '567',
  definedIn: 'lac2022_23',
  validate({ Missing }) {
    if (!Missing) return []
    const starts = dayColumn(Missing, 'MIS_START')
    const ends = dayColumn(Missing, 'MIS_END')
    return failuresWhere('Missing', Missing, ['MIS_START', 'MIS_END'], (row) => isAfter(starts[row], ends[row]))
  },
}

const rule570: Rule = {
  code: '570',
  definedIn: 'lac2022_23',
  validate({ Missing }, { collectionEnd }) {
    if (!Missing) return []
    const starts = dayColumn(Missing, 'MIS_START')
    return failuresWhere('Missing', Missing, ['MIS_START'], (row) => isAfter(starts[row], collectionEnd))
  },
}

const rule571: Rule = {
  code: '571',
  definedIn: 'lac2022_23',
  validate({ Missing }, { collectionStart, collectionEnd }) {
    if (!Missing) return []
    const ends = dayColumn(Missing, 'MIS_END')
    return failuresWhere('Missing', Missing, ['MIS_END'],
      (row) => isAfter(collectionStart, ends[row]) || isAfter(ends[row], collectionEnd))
  },
}

const rule574: Rule = {
  code: '574',
  definedIn: 'lac2022_23',
  validate({ Missing }) {
    if (!Missing) return []
    return failuresAt('Missing', overlappingPeriods(Missing, 'MIS_START', 'MIS_END'), ['MIS_START', 'MIS_END'])
  },
}

const rule575: Rule = {
  code: '575',
  definedIn: 'lac2022_23',
  validate({ Episodes, Missing }) {
    if (!Episodes || !Missing) return []
    const episodeStarts = dayColumn(Episodes, 'DECOM')
    const episodeEnds = dayColumn(Episodes, 'DEC')
    const episodes = rowsBy(Episodes)
    const starts = dayColumn(Missing, 'MIS_START')
    const ends = column(Missing, 'MIS_END')
    const children = column(Missing, 'CHILD')
    return failuresWhere('Missing', Missing, ['MIS_END'], (row) => {
      const child = children[row] ?? null
      const start = starts[row]
      if (child === null || start === null || start === undefined || ends[row] !== null) return false
      return (episodes.get(child) ?? []).some((episode) => {
        const from = episodeStarts[episode]
        const to = episodeEnds[episode]
        return from !== null && from !== undefined && to !== null && to !== undefined && from <= start && start <= to
      })
    })
  },
}

const rule576: Rule = {
  code: '576',
  definedIn: 'lac2022_23',
  validate({ Missing, Missing_last }) {
    if (!Missing || !Missing_last) return []
    return failuresAt('Missing', openPeriodsNotCarriedOver(Missing, Missing_last, 'MIS_START', 'MIS_END'), ['CHILD'])
  },
}

const rule577: Rule = {
  code: '577',
  definedIn: 'lac2022_23',
  validate({ Episodes, Missing }) {
    if (!Episodes || !Missing) return []
    return failuresAt('Missing', periodsOutsideCare(Missing, Episodes, 'MIS_START', 'MIS_END'), ['MIS_END'])
  },
}

/** Missing periods that start when the child was not looked after (578: after leaving; 581: before starting). */
function missingOutsideCareRule(code: string): Rule {
  return {
    code,
    definedIn: 'lac2022_23',
    validate({ Episodes, Missing }) {
      if (!Episodes || !Missing) return []
      return failuresAt('Missing', startsOutsideEpisodes(Missing, Episodes, 'MIS_START'), ['MIS_START'])
    },
  }
}

const rule579: Rule = {
  code: '579',
  definedIn: 'lac2022_23',
  validate({ PlacedAdoption }) {
    if (!PlacedAdoption) return []
    const flagged = periodsStartingTooSoon(PlacedAdoption, 'DATE_PLACED', 'DATE_PLACED_CEASED')
    return failuresAt('PlacedAdoption', flagged, ['DATE_PLACED', 'DATE_PLACED_CEASED'])
  },
}

const rule580: Rule = {
  code: '580',
  definedIn: 'lac2022_23',
  validate({ Episodes, Missing }) {
    if (!Episodes || !Missing) return []
    const missingEnds = dayColumn(Missing, 'MIS_END')
    const endedMissing = new Set(column(Missing, 'CHILD').map((child, row) => `${child}@${missingEnds[row]}`))
    const ends = dayColumn(Episodes, 'DEC')
    const reasons = column(Episodes, 'REC')
    const children = column(Episodes, 'CHILD')
    return failuresWhere('Episodes', Episodes, ['REC'], (row) => {
      const reason = reasons[row] ?? null
      return ends[row] !== null && reason !== null && reason !== 'X1' && reason !== 'E8'
        && endedMissing.has(`${children[row]}@${ends[row]}`)
    })
  },
}

const rule582: Rule = {
  code: '582',
  definedIn: 'lac2022_23',
  validate({ Episodes, AD1 }) {
    if (!Episodes || !AD1) return []
    const matched = dayByChild(AD1, 'DATE_MATCH')
    const ends = dayColumn(Episodes, 'DEC')
    const reasons = column(Episodes, 'REC')
    const children = column(Episodes, 'CHILD')
    return failuresWhere('Episodes', Episodes, ['DEC', 'DATE_MATCH'], (row) => {
      const reason = reasons[row] ?? null
      const child = children[row] ?? null
      return reason !== null && REC_ADOPTED.has(reason) && child !== null && ends[row] !== null
        && matched.get(child) === ends[row]
    })
  },
}

const rule583: Rule = {
  code: '583',
  definedIn: 'lac2022_23',
  validate({ PlacedAdoption }) {
    if (!PlacedAdoption) return []
    const ceased = column(PlacedAdoption, 'DATE_PLACED_CEASED')
    const decided = dayColumn(PlacedAdoption, 'DATE_PLACED')
    const flagged: number[] = []
    for (const rows of rowsByChildInOrder(PlacedAdoption, 'DATE_PLACED').values()) {
      const dated = rows.filter((row) => decided[row] !== null)
      flagged.push(...dated.slice(0, -1).filter((row) => ceased[row] === null))
    }
    return failuresAt('PlacedAdoption', flagged, ['DATE_PLACED', 'DATE_PLACED_CEASED'])
  },
}

const rule584: Rule = {
  code: '584',
  definedIn: 'lac2022_23',
  validate({ PlacedAdoption, PlacedAdoption_last }) {
    if (!PlacedAdoption || !PlacedAdoption_last) return []
    const lastDecided = column(PlacedAdoption_last, 'DATE_PLACED')
    const lastCeased = dayColumn(PlacedAdoption_last, 'DATE_PLACED_CEASED')
    const lastCeasedText = column(PlacedAdoption_last, 'DATE_PLACED_CEASED')
    const lastReasons = column(PlacedAdoption_last, 'REASON_PLACED_CEASED')
    const lastRows = rowsBy(PlacedAdoption_last)
    const decided = dayColumn(PlacedAdoption, 'DATE_PLACED')
    const children = column(PlacedAdoption, 'CHILD')
    // A decision that ended last year can only be followed by a new one made after it ended.
    return failuresWhere('PlacedAdoption', PlacedAdoption, ['DATE_PLACED'], (row) => {
      const child = children[row] ?? null
      if (child === null) return false
      return (lastRows.get(child) ?? []).some((r) => lastDecided[r] !== null
        && (lastCeasedText[r] !== null || lastReasons[r] !== null) && !isAfter(decided[row], lastCeased[r]))
    })
  },
}

const rule586: Rule = {
  code: '586',
  definedIn: 'lac2022_23',
  validate({ Missing }) {
    if (!Missing) return []
    const births = dayColumn(Missing, 'DOB')
    const starts = dayColumn(Missing, 'MIS_START')
    return failuresWhere('Missing', Missing, ['MIS_START'], (row) => isAfter(births[row], starts[row]))
  },
}

export const rules: Rule[] = [
  rule551, rule552, rule553, rule554, rule557, rule558, rule559, rule560, rule561, rule562, rule563,
  missingRule('564', ['MISSING', 'MIS_START'], (missing, start) => missing !== null && start === null),
  missingRule('565', ['MISSING', 'MIS_START'], (missing, start) => missing === null && start !== null),
  missingRule('566', ['MISSING', 'MIS_END'], (missing, end) => missing === null && end !== null),
  rule567, rule570, rule571, rule574, rule575, rule576, rule577,
  missingOutsideCareRule('578'), rule579, rule580, missingOutsideCareRule('581'), rule582, rule583, rule584, rule586,
]
