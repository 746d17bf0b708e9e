// SSDA903 rules 1000-1016: who may have care leaver (OC3) information, missing episodes' dates and type, URNs,
// reasons for placement change, and own-provision placements.
import type { Rule } from '../../validation/rule.js'
import type { Table } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import {
  ADOPTION_PLACE, FOSTER_PLACE, MISSING, OC3_ITEMS, REASON_PLACE_CHANGE, REC_ADOPTED, REC_DIED, REC_TRANSFERRED,
  SHORT_BREAK_LS, URN_NOT_APPLICABLE,
} from '../codes.js'
import { addYears, dayByChild, dayColumn, failuresAt, failuresWhere, isIn, rowsBy, rowsByChildInOrder, valueSet } from '../helpers.js'
import { anyPresent, childrenWith, codeRule, dateRule, rowsFor, rule } from './group-100-299-support.js'

/** OC3 accommodation with former foster carers (suitable, unsuitable). */
const FORMER_FOSTER_CARERS: ReadonlySet<string> = new Set(['Z1', 'Z2'])

/** 13 weeks: the time looked after since the 14th birthday that makes a young person a care leaver. */
const THIRTEEN_WEEKS = 91

/** OC3 rows that hold care leaver information (any of IN_TOUCH, ACTIV, ACCOM). */
function careLeaverRows(OC3: Table): boolean[] {
  return anyPresent(OC3, OC3_ITEMS)
}

/** Flags the OC3 rows of the given children. */
function flagOc3(OC3: Table, children: ReadonlySet<string>, withData = false) {
  const data = careLeaverRows(OC3)
  const rows = rowsFor(OC3, children).filter((row) => !withData || data[row])
  return failuresAt('OC3', rows, [...OC3_ITEMS])
}

// Died in care (E2), by this year's or last year's episodes.
const rule1000 = rule('1000', ({ Episodes, Episodes_last, OC3 }) => {
  if (!Episodes || !OC3) return []
  const died = new Set<string>()
  for (const table of [Episodes, Episodes_last]) {
    if (!table) continue
    const reasons = column(table, 'REC')
    for (const child of childrenWith(table, (row) => reasons[row] === REC_DIED)) died.add(child)
  }
  return flagOc3(OC3, died)
})

/**
 * A care leaver (a relevant or former relevant child) was looked after for at least 13 weeks in all since their 14th
 * birthday, some of it after their 16th, and did not leave care by adoption. Short breaks (V3, V4) do not count;
 * last year's episodes fill in the earlier history, this year's taking precedence for the same episode, except that
 * an episode last year's return recorded as ended cannot be open again: the ended account is kept.
 */
const rule1001 = rule('1001', ({ Episodes, Episodes_last, OC3, Header }, { collectionEnd }) => {
  if (!Episodes || !OC3 || !Header) return []
  const dobs = dayByChild(Header)
  // Only the children in OC3 are asked about: their history alone is worked out.
  const asked = valueSet(OC3)
  const spans = new Map<string, Map<number, { end: number; ended: boolean; reason: string | null }>>()
  for (const table of [Episodes_last, Episodes]) {
    if (!table) continue
    const children = column(table, 'CHILD')
    const starts = dayColumn(table, 'DECOM')
    const ends = dayColumn(table, 'DEC')
    const legalStatus = column(table, 'LS')
    const reasons = column(table, 'REC')
    children.forEach((child, row) => {
      const start = starts[row]
      if (child === null || !asked.has(child) || start === null || start === undefined || isIn(legalStatus[row] ?? null, SHORT_BREAK_LS)) return
      const byStart = spans.get(child) ?? new Map<number, { end: number; ended: boolean; reason: string | null }>()
      const end = ends[row] ?? null
      if (end === null && byStart.get(start)?.ended) return
      byStart.set(start, { end: end ?? collectionEnd, ended: end !== null, reason: reasons[row] ?? null })
      spans.set(child, byStart)
    })
  }
  const careLeavers = new Set<string>()
  for (const [child, byStart] of spans) {
    const dob = dobs.get(child)
    if (dob === undefined) continue
    const fourteenth = addYears(dob, 14)
    const sixteenth = addYears(dob, 16)
    let days = 0
    let afterSixteen = false
    let lastStart = -Infinity
    let adopted = false
    for (const [start, { end, reason }] of byStart) {
      days += Math.max(0, end - Math.max(start, fourteenth))
      if (end > sixteenth) afterSixteen = true
      if (start >= lastStart) {
        lastStart = start
        adopted = isIn(reason, REC_ADOPTED)
      }
    }
    if (days >= THIRTEEN_WEEKS && afterSixteen && !adopted) careLeavers.add(child)
  }
  const children = column(OC3, 'CHILD')
  return failuresWhere('OC3', OC3, [...OC3_ITEMS], (row) => !careLeavers.has(children[row] ?? ''))
})

// No episode in either year's return.
const rule1002 = rule('1002', ({ Episodes, Episodes_last, OC3 }) => {
  if (!Episodes || !OC3) return []
  const known = new Set([...valueSet(Episodes), ...valueSet(Episodes_last)])
  const children = column(OC3, 'CHILD')
  return failuresWhere('OC3', OC3, [...OC3_ITEMS], (row) => {
    const child = children[row] ?? null
    return child !== null && !known.has(child)
  })
})

// Compared with the start of the child's first new period of care (RNE S).
const rule1003 = rule('1003', ({ Episodes, PlacedAdoption }) => {
  if (!Episodes || !PlacedAdoption) return []
  const starts = dayColumn(Episodes, 'DECOM')
  const reasons = column(Episodes, 'RNE')
  const firstStart = new Map<string, number>()
  for (const [child, rows] of rowsByChildInOrder(Episodes)) {
    const row = rows.find((r) => reasons[r] === 'S' && starts[r] !== null)
    if (row !== undefined) firstStart.set(child, row)
  }
  const placed = dayColumn(PlacedAdoption, 'DATE_PLACED')
  const adoptionRows: number[] = []
  const episodeRows: number[] = []
  column(PlacedAdoption, 'CHILD').forEach((child, row) => {
    const episode = child === null ? undefined : firstStart.get(child)
    const day = placed[row]
    if (episode === undefined || day === null || day === undefined || day >= (starts[episode] as number)) return
    adoptionRows.push(row)
    episodeRows.push(episode)
  })
  return [
    ...failuresAt('Episodes', episodeRows, ['DECOM', 'RNE']),
    ...failuresAt('PlacedAdoption', adoptionRows, ['DATE_PLACED']),
  ]
})

const rule1004 = dateRule({ code: '1004', table: 'Missing', field: 'MIS_START', blankFails: true })
const rule1005 = dateRule({ code: '1005', table: 'Missing', field: 'MIS_END' })
const rule1006 = codeRule({ code: '1006', table: 'Missing', field: 'MISSING', codes: MISSING })

/** Each child's 17th and 18th birthdays that fall in the collection year, from the OC3 date of birth. */
function birthdaysInYear(dob: number | null | undefined, start: number, end: number): number[] {
  if (dob === null || dob === undefined) return []
  return [17, 18].map((age) => addYears(dob, age)).filter((day) => day >= start && day <= end)
}

/**
 * Care leaver information given for a young person whose 17th or 18th birthday fell in the year, where one of their
 * episodes relates to that birthday as `relates` says.
 */
function birthdayRule(code: string, relates: (birthday: number, start: number | null, end: number | null) => boolean,
  definedIn?: string): Rule {
  return rule(code, ({ Episodes, OC3 }, { collectionStart, collectionEnd }) => {
    if (!Episodes || !OC3) return []
    const episodeRows = rowsBy(Episodes)
    const starts = dayColumn(Episodes, 'DECOM')
    const ends = dayColumn(Episodes, 'DEC')
    const children = column(OC3, 'CHILD')
    const dob = dayColumn(OC3, 'DOB')
    const data = careLeaverRows(OC3)
    return failuresWhere('OC3', OC3, [...OC3_ITEMS], (row) => {
      const rows = episodeRows.get(children[row] ?? '')
      if (!data[row] || !rows) return false
      return birthdaysInYear(dob[row], collectionStart, collectionEnd).some((birthday) =>
        rows.some((r) => relates(birthday, starts[r] ?? null, ends[r] ?? null)))
    })
  }, definedIn)
}

// Still looked after on the birthday: an episode began by then and had not ended.
const rule1007 = birthdayRule('1007', (birthday, start, end) =>
  start !== null && start <= birthday && (end === null || end > birthday))

const rule1008 = rule('1008', ({ Episodes }, { metadata }) => {
  const info = metadata.provider_info as Table | undefined
  if (!Episodes || !info || !Array.isArray(info.rows)) return []
  const known = valueSet(info, 'URN')
  const urn = column(Episodes, 'URN')
  return failuresWhere('Episodes', Episodes, ['URN'], (row) => {
    const value = urn[row] ?? null
    return value !== null && value !== URN_NOT_APPLICABLE && !known.has(value)
  })
})

const rule1009 = codeRule({ code: '1009', table: 'Episodes', field: 'REASON_PLACE_CHANGE', codes: REASON_PLACE_CHANGE })

// The child's latest episode last year was still open, yet there is no episode this year.
const rule1010 = rule('1010', ({ Episodes, Episodes_last, OC3 }) => {
  if (!Episodes || !Episodes_last || !OC3) return []
  const thisYear = valueSet(Episodes)
  const ends = column(Episodes_last, 'DEC')
  const openAtYearEnd = new Set<string>()
  for (const [child, rows] of rowsByChildInOrder(Episodes_last)) {
    const latest = rows.at(-1)
    if (latest !== undefined && ends[latest] === null && !thisYear.has(child)) openAtYearEnd.add(child)
  }
  return flagOc3(OC3, openAtYearEnd)
})

// The final episode ended with care transferred to another local authority (E3).
const rule1011 = rule('1011', ({ Episodes, OC3 }) => {
  if (!Episodes || !OC3) return []
  const reasons = column(Episodes, 'REC')
  const transferred = new Set<string>()
  for (const [child, rows] of rowsByChildInOrder(Episodes)) {
    const latest = rows.at(-1)
    if (latest !== undefined && reasons[latest] === REC_TRANSFERRED) transferred.add(child)
  }
  return flagOc3(OC3, transferred, true)
})

/** Tables that only a child with an episode this year should appear in. */
const EPISODE_TABLES = ['PlacedAdoption', 'Missing', 'Reviews', 'AD1', 'PrevPerm', 'OC2']

const rule1012 = rule('1012', (tables) => {
  if (!tables.Episodes) return []
  const withEpisodes = valueSet(tables.Episodes)
  return EPISODE_TABLES.flatMap((name) => {
    const table = tables[name]
    if (!table) return []
    const children = column(table, 'CHILD')
    return failuresWhere(name, table, ['CHILD'], (row) => !withEpisodes.has(children[row] ?? ''))
  })
})

// A care leaver who was not looked after at any time in the year needs no UASC information.
const rule1014 = rule('1014', ({ UASC, Episodes, OC3 }, { collectionStart, collectionEnd }) => {
  if (!UASC || !Episodes || !OC3) return []
  const starts = dayColumn(Episodes, 'DECOM')
  const ends = dayColumn(Episodes, 'DEC')
  const inCareThisYear = childrenWith(Episodes, (row) => {
    const start = starts[row]
    const end = ends[row]
    return start !== null && start !== undefined && start <= collectionEnd
      && (end === null || end === undefined || end >= collectionStart)
  })
  const data = careLeaverRows(OC3)
  const careLeavers = childrenWith(OC3, (row) => data[row] === true)
  const inUasc = valueSet(UASC)
  const flagged = new Set([...careLeavers].filter((child) => inUasc.has(child) && !inCareThisYear.has(child)))
  return [
    ...failuresAt('UASC', rowsFor(UASC, flagged), ['DUC']),
    ...failuresAt('OC3', rowsFor(OC3, flagged).filter((row) => data[row]), [...OC3_ITEMS]),
  ]
})

// Own provision (PR1) is in the local authority's own area, except foster and adoption placements.
const rule1015 = rule('1015', ({ Episodes }, { metadata }) => {
  if (!Episodes) return []
  const place = column(Episodes, 'PLACE')
  const legalStatus = column(Episodes, 'LS')
  const provider = column(Episodes, 'PLACE_PROVIDER')
  const placementLa = column(Episodes, 'PL_LA')
  return failuresWhere('Episodes', Episodes, ['PL_LA'], (row) => {
    const placement = place[row] ?? null
    const status = legalStatus[row] ?? null
    return provider[row] === 'PR1' && placement !== null && status !== null && placementLa[row] !== metadata.localAuthority
      && !ADOPTION_PLACE.has(placement) && !FOSTER_PLACE.has(placement) && !SHORT_BREAK_LS.has(status)
  })
})

// Ceased to be looked after on or after the birthday, within the year.
const rule1016: Rule = birthdayRule('1016', (birthday, _start, end) => end !== null && end >= birthday, 'lac2023_24')

// Living with former foster carers (Z1, Z2) is Staying Put, which starts at 18: not for the 17th birthday's OC3 row.
const rule3001 = rule('3001', ({ Header, OC3 }, { collectionStart, collectionEnd }) => {
  if (!Header || !OC3) return []
  const dobs = dayByChild(Header)
  const children = column(OC3, 'CHILD')
  const accommodation = column(OC3, 'ACCOM')
  return failuresWhere('OC3', OC3, ['ACCOM'], (row) => {
    const dob = dobs.get(children[row] ?? '')
    if (dob === undefined || !FORMER_FOSTER_CARERS.has(accommodation[row] ?? '')) return false
    const birthday = addYears(dob, 17)
    return birthday >= collectionStart && birthday <= collectionEnd
  })
})

export const rules: Rule[] = [
  rule1000, rule1001, rule1002, rule1003, rule1004, rule1005, rule1006, rule1007, rule1008, rule1009, rule1010,
  rule1011, rule1012, rule1014, rule1015, rule1016, rule3001,
]
