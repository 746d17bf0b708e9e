// SSDA903 rules 202-234: agreement with last year's return, UASC status across years, unknown UPNs, placement
// provider and URN information (against Ofsted's provider information), and reasons for placement change.
import type { Failure, Rule, RuleContext } from '../../validation/rule.js'
import type { Cell, Table, Tables } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import { parseDay } from '../../validation/dates.js'
import {
  FEMALE, MALE, OC2_ITEMS, OC3_ITEMS, PLACE_WITHOUT_PROVIDER_2025, REC_CONTINUES, SHORT_BREAK_LS, TEMPORARY_PLACE,
  UPN_UNKNOWN, URN_NOT_APPLICABLE,
} from '../codes.js'
import { addYears, dayByChild, dayColumn, failuresAt, failuresWhere, firstRowBy, isIn, rowsByChildInOrder } from '../helpers.js'
import { anyPresent, childrenWith, rowsFor, rule, upper } from './group-100-299-support.js'
import { samePostcode } from './group-300-499-support.js'

/** Placements with no Ofsted URN from 2025/26 (218, 222). */
const PLACE_WITHOUT_URN: ReadonlySet<string> = new Set(['P1', 'P3', 'R1', 'R2', 'R5', ...PLACE_WITHOUT_PROVIDER_2025])
/** Placements outside England (PL_LA), where Ofsted URNs do not apply. */
const OUTSIDE_ENGLAND = /^(SCO|WAL|NIR|NUK|[SWN]\d)/

/** Pairs each row of this year's header with the child's row last year, where there is one. */
function withLastYear(tables: Tables, table = 'Header'): { current: Table; last: Table; pairs: [number, number][] } | null {
  const current = tables[table]
  const last = tables[`${table}_last`]
  if (!current || !last) return null
  const lastRows = firstRowBy(last)
  const pairs: [number, number][] = []
  column(current, 'CHILD').forEach((child, row) => {
    const lastRow = child === null ? undefined : lastRows.get(child)
    if (lastRow !== undefined) pairs.push([row, lastRow])
  })
  return { current, last, pairs }
}

/** Flags header rows whose value differs from last year's for the same child (blank counts as a value). */
function agreesWithLastYear(code: string, field: string, same: (now: Cell, before: Cell) => boolean): Rule {
  return rule(code, (tables) => {
    const years = withLastYear(tables)
    if (!years) return []
    const now = column(years.current, field)
    const before = column(years.last, field)
    const rows = years.pairs.filter(([row, lastRow]) => !same(now[row] ?? null, before[lastRow] ?? null))
    return failuresAt('Header', rows.map(([row]) => row), [field])
  })
}

/** Sex coded 1/2 (before 2024/25) or M/F (after) as one value, so a change of coding is not a change of sex. */
function sexOf(value: Cell): string | null {
  if (isIn(value, MALE)) return 'M'
  if (isIn(value, FEMALE)) return 'F'
  return upper(value)
}

const rule202 = agreesWithLastYear('202', 'SEX', (now, before) => sexOf(now) === sexOf(before))

const rule203 = agreesWithLastYear('203', 'DOB', (now, before) => {
  const nowDay = parseDay(now)
  const beforeDay = parseDay(before)
  return nowDay !== null && beforeDay !== null ? nowDay === beforeDay : now === before
})

const rule204 = agreesWithLastYear('204', 'ETHNIC', (now, before) => upper(now) === upper(before))

/** How each child's UASC status and date ceased stand this year and last, and where they are recorded. */
interface UascYears {
  children: Set<string>
  thisYear: Set<string>
  lastYear: Set<string>
  ceased: Map<string, Cell>
  ceasedLast: Map<string, Cell>
  /** Date of birth from the UASC table, else the header. */
  dob: Map<string, number>
}

/**
 * The XML return records UASC status in the header (UASC = 1); the CSV return has no such column, and a child is
 * UASC there when the UASC table gives a date ceased.
 */
function uascStatus(header: Table | undefined, uasc: Table | undefined): { status: Set<string>; ceased: Map<string, Cell> } {
  const ceased = new Map<string, Cell>()
  if (uasc) {
    const dates = column(uasc, 'DUC')
    column(uasc, 'CHILD').forEach((child, row) => {
      if (child !== null && !ceased.has(child)) ceased.set(child, dates[row] ?? null)
    })
  }
  const status = new Set<string>()
  if (header && header.columns.includes('UASC')) {
    const flags = column(header, 'UASC')
    column(header, 'CHILD').forEach((child, row) => {
      if (child !== null && flags[row] === '1') status.add(child)
    })
  } else {
    for (const [child, date] of ceased) if (date !== null) status.add(child)
  }
  return { status, ceased }
}

function uascYears(tables: Tables): UascYears {
  const now = uascStatus(tables.Header, tables.UASC)
  const before = uascStatus(tables.Header_last, tables.UASC_last)
  const children = new Set<string>()
  for (const name of ['Header', 'UASC']) {
    const table = tables[name]
    if (table) for (const child of column(table, 'CHILD')) if (child !== null) children.add(child)
  }
  const dob = new Map([...dayByChild(tables.Header), ...dayByChild(tables.UASC)])
  return { children, thisYear: now.status, lastYear: before.status, ceased: now.ceased, ceasedLast: before.ceased, dob }
}

/** A UASC-across-years rule: flags the UASC and header rows of the children `failing` picks. */
function uascRule(code: string, fields: string[], failing: (child: string, years: UascYears, start: number) => boolean): Rule {
  return rule(code, (tables, { collectionStart }) => {
    if (!tables.UASC_last || (!tables.UASC && !tables.Header)) return []
    const years = uascYears(tables)
    const flagged = new Set([...years.children].filter((child) => failing(child, years, collectionStart)))
    return [
      ...failuresAt('UASC', rowsFor(tables.UASC, flagged), fields),
      ...failuresAt('Header', rowsFor(tables.Header, flagged), fields),
    ]
  })
}

// No longer UASC this year, so the status must have ceased before this year began.
const rule205A = uascRule('205A', ['CHILD', 'UASC'], (child, years, start) => {
  if (!years.lastYear.has(child) || years.thisYear.has(child)) return false
  const ceased = parseDay(years.ceasedLast.get(child) ?? years.ceased.get(child) ?? null)
  return ceased === null || ceased >= start
})

// UASC in both years: the date ceased must agree between years and not be after the child's 18th birthday.
const rule205B = uascRule('205B', ['DUC', 'UASC'], (child, years) => {
  if (!years.lastYear.has(child) || !years.thisYear.has(child)) return false
  const now = years.ceased.get(child) ?? null
  const before = years.ceasedLast.get(child) ?? null
  const nowDay = parseDay(now)
  const beforeDay = parseDay(before)
  if (nowDay !== beforeDay || (nowDay === null && now !== before)) return true
  const dob = years.dob.get(child)
  return nowDay !== null && dob !== undefined && nowDay > addYears(dob, 18)
})

const rule205C = uascRule('205C', ['DUC', 'UASC'], (child, years) =>
  !years.thisYear.has(child) && !years.lastYear.has(child)
  && ((years.ceased.get(child) ?? null) !== null || (years.ceasedLast.get(child) ?? null) !== null))

// Flags where this year's status is recorded: the header in the XML return, the UASC table in the CSV return.
const rule205D = rule('205D', (tables) => {
  if (!tables.UASC_last || (!tables.UASC && !tables.Header)) return []
  const years = uascYears(tables)
  const flagged = new Set([...years.thisYear].filter((child) => !years.lastYear.has(child)))
  return tables.Header?.columns.includes('UASC')
    ? failuresAt('Header', rowsFor(tables.Header, flagged), ['UASC', 'CHILD'])
    : failuresAt('UASC', rowsFor(tables.UASC, flagged), ['UASC', 'CHILD'])
})

// A mother last year is still a mother this year (for children with episodes this year).
const rule207 = rule('207', (tables) => {
  const years = withLastYear(tables)
  if (!years || !tables.Episodes) return []
  const inEpisodes = new Set(column(tables.Episodes, 'CHILD'))
  const children = column(years.current, 'CHILD')
  const now = column(years.current, 'MOTHER')
  const before = column(years.last, 'MOTHER')
  const rows = years.pairs.filter(([row, lastRow]) =>
    inEpisodes.has(children[row] ?? null) && before[lastRow] === '1' && now[row] !== '1')
  return failuresAt('Header', rows.map(([row]) => row), ['MOTHER'])
})

// A known UPN must not change. An unknown code may give way to the real UPN, and UN1 (or nothing) to another
// unknown code.
const rule208 = rule('208', (tables) => {
  const years = withLastYear(tables)
  if (!years) return []
  const now = column(years.current, 'UPN')
  const before = column(years.last, 'UPN')
  const rows = years.pairs.filter(([row, lastRow]) => {
    const upn = upper(now[row] ?? null)
    const lastUpn = upper(before[lastRow] ?? null)
    if (upn === lastUpn) return false
    if (lastUpn !== null && UPN_UNKNOWN.has(lastUpn) && upn !== null && !UPN_UNKNOWN.has(upn)) return false
    return !(upn !== null && upn !== 'UN1' && UPN_UNKNOWN.has(upn) && (lastUpn === null || lastUpn === 'UN1'))
  })
  return failuresAt('Header', rows.map(([row]) => row), ['UPN'])
})

// UN1 means the child is not of school age; from their 5th birthday they are.
const rule209 = rule('209', ({ Header }, { collectionStart }) => {
  if (!Header) return []
  const upn = column(Header, 'UPN')
  const dob = dayColumn(Header, 'DOB')
  return failuresWhere('Header', Header, ['UPN', 'DOB'], (row) => {
    const birth = dob[row]
    return upper(upn[row] ?? null) === 'UN1' && birth !== null && birth !== undefined
      && addYears(birth, 5) <= collectionStart
  })
})

// UN4 (UPN not yet obtained) is for children newly looked after: a child whose period of care open at 31 March
// began more than a week before it should have a UPN. The period runs back through episodes that follow on the day
// the one before ended.
// The DfE tool flags UN4 for a child with an episode beginning on or after 24 March, the opposite of the message; odd,
// but its case flags child 444 (UN4, an episode from "25/03/2020") and passes 667 (UN4, looked after since "01/01/2020").
const rule210 = rule('210', ({ Header, Episodes }, { collectionEnd }) => {
  if (!Header || !Episodes) return []
  const upn = column(Header, 'UPN')
  const unknown = new Set(column(Header, 'CHILD').filter((child, row) => child !== null && upn[row] === 'UN4'))
  const lastWeek = collectionEnd - 7
  const children = column(Episodes, 'CHILD')
  const episodeRows = dayColumn(Episodes, 'DECOM').flatMap((start, row) => {
    const child = children[row] ?? null
    return child !== null && unknown.has(child) && start !== null && start >= lastWeek ? [row] : []
  })
  const flaggedChildren = new Set(episodeRows.map((row) => children[row] as string))
  return [
    ...failuresAt('Episodes', episodeRows, ['DECOM']),
    ...failuresAt('Header', rowsFor(Header, flaggedChildren), ['UPN']),
  ]
})

const rule213 = rule('213', ({ Episodes }) => {
  if (!Episodes) return []
  const place = column(Episodes, 'PLACE')
  const provider = column(Episodes, 'PLACE_PROVIDER')
  return failuresWhere('Episodes', Episodes, ['PLACE_PROVIDER'],
    (row) => isIn(place[row] ?? null, PLACE_WITHOUT_PROVIDER_2025) && provider[row] !== null)
}, 'lac2025_26')

const rule214 = rule('214', ({ Episodes }) => {
  if (!Episodes) return []
  const legalStatus = column(Episodes, 'LS')
  const postcode = column(Episodes, 'PL_POST')
  const urn = column(Episodes, 'URN')
  return failuresWhere('Episodes', Episodes, ['PL_POST', 'URN'],
    (row) => isIn(legalStatus[row] ?? null, SHORT_BREAK_LS) && (postcode[row] !== null || urn[row] !== null))
})

const rule215 = rule('215', ({ OC2, OC3 }) => {
  if (!OC2 || !OC3) return []
  const oc3Data = anyPresent(OC3, OC3_ITEMS)
  const oc2Data = anyPresent(OC2, OC2_ITEMS)
  const oc3Children = column(OC3, 'CHILD')
  const oc2Children = column(OC2, 'CHILD')
  const withOc2 = childrenWith(OC2, (row) => oc2Data[row] === true)
  const both = new Set([...childrenWith(OC3, (row) => oc3Data[row] === true)].filter((child) => withOc2.has(child)))
  return [
    ...failuresWhere('OC3', OC3, [...OC3_ITEMS], (row) => oc3Data[row] === true && both.has(oc3Children[row] ?? '')),
    ...failuresWhere('OC2', OC2, [...OC2_ITEMS], (row) => oc2Data[row] === true && both.has(oc2Children[row] ?? '')),
  ]
})

// Placed for adoption with current foster carers (A3, A5) from April 2014 implies the carers did not change.
const A3_A5_FROM = parseDay('01/04/2014') as number
const rule217 = rule('217', ({ Episodes }) => {
  if (!Episodes) return []
  const place = column(Episodes, 'PLACE')
  const starts = dayColumn(Episodes, 'DECOM')
  const reason = column(Episodes, 'RNE')
  return failuresWhere('Episodes', Episodes, ['PLACE', 'DECOM', 'RNE'], (row) => {
    const start = starts[row]
    return (place[row] === 'A3' || place[row] === 'A5') && start !== null && start !== undefined
      && start >= A3_A5_FROM && !['S', 'T', 'U'].includes(reason[row] ?? '')
  })
})

// Needed for placements in England open at some point in the year, other than those that have no URN.
const rule218 = rule('218', ({ Episodes }, { collectionStart }) => {
  if (!Episodes) return []
  const place = column(Episodes, 'PLACE')
  const ends = dayColumn(Episodes, 'DEC')
  const placementLa = column(Episodes, 'PL_LA')
  const urn = column(Episodes, 'URN')
  return failuresWhere('Episodes', Episodes, ['URN'], (row) => {
    const end = ends[row]
    const la = placementLa[row] ?? null
    return urn[row] === null && !isIn(place[row] ?? null, PLACE_WITHOUT_URN)
      && !(la !== null && OUTSIDE_ENGLAND.test(la.toUpperCase())) && (end === null || end === undefined || end >= collectionStart)
  })
}, 'lac2025_26')

/** Provider information (from Ofsted) by URN, as given in the metadata's `provider_info` table. */
function providers(metadata: Record<string, unknown>): { table: Table; rowsByUrn: Map<string, number[]> } | null {
  const table = metadata.provider_info as Table | undefined
  if (!table || !Array.isArray(table.rows)) return null
  const rowsByUrn = new Map<string, number[]>()
  column(table, 'URN').forEach((urn, row) => {
    if (urn === null) return
    const rows = rowsByUrn.get(urn)
    if (rows) rows.push(row)
    else rowsByUrn.set(urn, [row])
  })
  return { table, rowsByUrn }
}

/**
 * Episodes whose URN is a known provider's and whose value disagrees with the provider information: `wrong`
 * gets the episode row and the provider's rows.
 */
function providerRule(code: string, fields: string[], wrong: (episodes: Table, providerInfo: Table, context: RuleContext) =>
  (row: number, providerRows: number[]) => boolean, definedIn?: string): Rule {
  return rule(code, ({ Episodes }, context) => {
    const info = providers(context.metadata)
    if (!Episodes || !info) return []
    const urn = column(Episodes, 'URN')
    const test = wrong(Episodes, info.table, context)
    return failuresWhere('Episodes', Episodes, fields, (row) => {
      const providerRows = info.rowsByUrn.get(urn[row] ?? '')
      return providerRows !== undefined && test(row, providerRows)
    })
  }, definedIn)
}

/** Whether a comma-separated list of codes from the provider information includes the value. */
function listed(list: Cell, value: Cell): boolean {
  return list !== null && value !== null && list.split(',').map((code) => code.trim()).includes(value)
}

const rule219 = providerRule('219', ['URN', 'PLACE'], (episodes, info) => {
  const place = column(episodes, 'PLACE')
  const codes = column(info, 'PLACE_CODES')
  return (row, providerRows) => !providerRows.some((p) => listed(codes[p] ?? null, place[row] ?? null))
})

const rule221 = providerRule('221', ['PL_POST'], (episodes, info) => {
  const postcode = column(episodes, 'PL_POST')
  const providerPostcode = column(info, 'POSTCODE')
  return (row, providerRows) => postcode[row] !== null
    && !providerRows.some((p) => samePostcode(providerPostcode[p] ?? null, postcode[row] ?? null))
}, 'lac2024_25')

const rule222 = rule('222', ({ Episodes }) => {
  if (!Episodes) return []
  const place = column(Episodes, 'PLACE')
  const urn = column(Episodes, 'URN')
  return failuresWhere('Episodes', Episodes, ['URN'], (row) => {
    const value = urn[row] ?? null
    return isIn(place[row] ?? null, PLACE_WITHOUT_URN) && value !== null && value !== URN_NOT_APPLICABLE
  })
}, 'lac2025_26')

const rule224 = providerRule('224', ['PLACE_PROVIDER'], (episodes, info) => {
  const provider = column(episodes, 'PLACE_PROVIDER')
  const codes = column(info, 'PROVIDER_CODES')
  return (row, providerRows) => !providerRows.some((p) => listed(codes[p] ?? null, provider[row] ?? null))
})

// Recorded against the episode that ends when a child moves (X1 then a new placement: RNE P, B, T or U), except
// moves into or out of temporary placements.
const rule225 = rule('225', ({ Episodes }) => {
  if (!Episodes) return []
  const reason = column(Episodes, 'REC')
  const newEpisode = column(Episodes, 'RNE')
  const place = column(Episodes, 'PLACE')
  const change = column(Episodes, 'REASON_PLACE_CHANGE')
  const flagged: number[] = []
  for (const rows of rowsByChildInOrder(Episodes).values()) {
    rows.forEach((row, i) => {
      const next = rows[i + 1]
      if (next === undefined) return
      if (reason[row] === REC_CONTINUES && change[row] === null && ['P', 'B', 'T', 'U'].includes(newEpisode[next] ?? '')
        && !isIn(place[row] ?? null, TEMPORARY_PLACE) && !isIn(place[next] ?? null, TEMPORARY_PLACE)) flagged.push(row)
    })
  }
  return failuresAt('Episodes', flagged, ['REASON_PLACE_CHANGE'])
})

// A temporary placement needs no reason for change: neither on itself nor on the episode that led into it.
const rule226 = rule('226', ({ Episodes }) => {
  if (!Episodes) return []
  const place = column(Episodes, 'PLACE')
  const change = column(Episodes, 'REASON_PLACE_CHANGE')
  const flagged: number[] = []
  for (const rows of rowsByChildInOrder(Episodes).values()) {
    rows.forEach((row, i) => {
      const previous = rows[i - 1]
      if (isIn(place[row] ?? null, TEMPORARY_PLACE)
        && (change[row] !== null || (previous !== undefined && change[previous] !== null))) flagged.push(row)
    })
  }
  return failuresAt('Episodes', flagged, ['REASON_PLACE_CHANGE', 'PLACE'])
}, 'lac2025_26')

/** The provider's registration end dates (null: still registered). */
function registrationEnds(info: Table, providerRows: number[]): (number | null)[] {
  const ends = dayColumn(info, 'REG_END')
  return providerRows.map((p) => ends[p] ?? null)
}

// Registration must not have ended by the day the episode began.
const rule227 = providerRule('227', ['URN', 'DECOM'], (episodes, info) => {
  const starts = dayColumn(episodes, 'DECOM')
  return (row, providerRows) => {
    const start = starts[row]
    return start !== null && start !== undefined
      && registrationEnds(info, providerRows).every((end) => end !== null && end <= start)
  }
})

// Registration must not have ended before the episode did (an open episode runs to the end of the year).
const rule228 = providerRule('228', ['URN', 'DEC'], (episodes, info, { collectionEnd }) => {
  const ends = dayColumn(episodes, 'DEC')
  return (row, providerRows) => {
    const end = ends[row] ?? collectionEnd
    return registrationEnds(info, providerRows).every((registered) => registered !== null && registered < end)
  }
})

// Own provision (PR1) must be in the local authority's own area, other LA provision (PR2) outside it.
const rule229 = providerRule('229', ['URN', 'PLACE_PROVIDER'], (episodes, info, { metadata }) => {
  const provider = column(episodes, 'PLACE_PROVIDER')
  const la = column(info, 'LA_CODE_INFERRED')
  return (row, providerRows) => providerRows.some((p) => {
    const inOwnArea = la[p] !== null && la[p] === metadata.localAuthority
    return (provider[row] === 'PR1' && !inOwnArea) || (provider[row] === 'PR2' && inOwnArea)
  })
})

// UASC children under 11 at the end of the year are unusual enough to query. UASC status is the header's own
// (XML return) or, without that column, a date ceased in the UASC table (CSV return).
const rule231 = rule('231', ({ Header, UASC }, { collectionEnd }) => {
  if (!Header) return []
  const children = column(Header, 'CHILD')
  const fromHeader = Header.columns.includes('UASC') ? column(Header, 'UASC') : null
  const fromTable = uascStatus(undefined, UASC).status
  const dob = dayColumn(Header, 'DOB')
  return failuresWhere('Header', Header, ['DOB', 'UASC'], (row) => {
    const birth = dob[row]
    const uasc = fromHeader ? fromHeader[row] === '1' : fromTable.has(children[row] ?? '')
    return uasc && birth !== null && birth !== undefined && addYears(birth, 11) > collectionEnd
  })
}, 'lac2024_25')

const rule232 = rule('232', ({ Header }) => {
  if (!Header) return []
  const sex = column(Header, 'SEX')
  return failuresWhere('Header', Header, ['SEX'], (row) => upper(sex[row] ?? null) === 'U')
}, 'lac2024_25')

const rule233 = rule('233', ({ Episodes }) => {
  if (!Episodes) return []
  const ended = column(Episodes, 'DEC')
  const change = column(Episodes, 'REASON_PLACE_CHANGE')
  return failuresWhere('Episodes', Episodes, ['REASON_PLACE_CHANGE'], (row) => ended[row] === null && change[row] !== null)
}, 'lac2025_26')

const rule234 = rule('234', ({ Episodes, Header }) => {
  if (!Episodes || !Header) return []
  const dobs = dayByChild(Header)
  const children = column(Episodes, 'CHILD')
  const starts = dayColumn(Episodes, 'DECOM')
  const change = column(Episodes, 'REASON_PLACE_CHANGE')
  const flaggedChildren = new Set<string>()
  const rows: number[] = []
  children.forEach((child, row) => {
    const dob = child === null ? undefined : dobs.get(child)
    const start = starts[row]
    if (child === null || dob === undefined || start === null || start === undefined || change[row] !== 'CUSTOD') return
    if (addYears(dob, 10) > start) {
      rows.push(row)
      flaggedChildren.add(child)
    }
  })
  const failures: Failure[] = failuresAt('Episodes', rows, ['REASON_PLACE_CHANGE'])
  return [...failures, ...failuresAt('Header', rowsFor(Header, flaggedChildren), ['DOB'])]
}, 'lac2025_26')

export const rules: Rule[] = [
  rule202, rule203, rule204, rule205A, rule205B, rule205C, rule205D, rule207, rule208, rule209, rule210, rule213,
  rule214, rule215, rule217, rule218, rule219, rule221, rule222, rule224, rule225, rule226, rule227, rule228,
  rule229, rule231, rule232, rule233, rule234,
]
