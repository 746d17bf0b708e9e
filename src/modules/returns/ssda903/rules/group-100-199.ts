// SSDA903 rules 101-199: valid codes and dates, adoption decisions, episode sequences, mother status, UPNs, and the
// OC2 items for children looked after for 12 months (health checks and SDQ scores).
import type { Rule } from '../../validation/rule.js'
import type { Table } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import { parseDay } from '../../validation/dates.js'
import {
  ACCOM, ACTIV, CIN, ETHNIC, FEMALE, IN_TOUCH, LEGAL_STATUS, LS_ADOPTR, MALE, NB_ADOPTR, OC2_ITEMS, OC3_ITEMS,
  PLACE_2025, PLACE_PROVIDER, PLACE_WITHOUT_PROVIDER_2025, PL_LOCATION, REASON_PLACED_CEASED, REC, REC_ADOPTED, REVIEW_CODE, RNE, SDQ_REASON, SEX, SEX_ADOPTR,
  SHORT_BREAK_LS, UPN_UNKNOWN, YES_NO, AD1_ITEMS,
} from '../codes.js'
import {
  addYears, dayByChild, dayColumn, failuresAt, failuresWhere, isIn, lookedAfterTwelveMonths, rowsBy,
  rowsByChildInOrder,
} from '../helpers.js'
import { uascChildren } from './group-300-499-support.js'
import { allPresent, anyPresent, childrenWith, codeRule, dateRule, rowsFor, rule } from './group-100-299-support.js'

/** A UPN: check letter (not I, O or S), 11 digits, then a digit or (temporary UPN) a letter; or an unknown code. */
const UPN = /^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/

/** The four OC2 items every child in the 12-month cohort must have. */
const OC2_REQUIRED = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE']

const rule101 = codeRule({ code: '101', definedIn: 'lac2024_25', table: 'Header', field: 'SEX', codes: SEX, blankFails: true })
const rule102 = dateRule({ code: '102', table: 'Header', field: 'DOB', blankFails: true })
const rule103 = codeRule({ code: '103', table: 'Header', field: 'ETHNIC', codes: ETHNIC, blankFails: true })

const rule104 = rule('104', ({ UASC }, { collectionStart }) => {
  if (!UASC) return []
  const ceased = column(UASC, 'DUC')
  return failuresWhere('UASC', UASC, ['DUC'], (row) => {
    const text = ceased[row] ?? null
    if (text === null) return false
    const day = parseDay(text)
    return day === null || day < collectionStart
  })
})

// The XML return carries UASC status in the header; in the CSV return it comes from the UASC table instead.
const rule105 = rule('105', ({ Header }, { metadata }) => {
  if (!Header || !Header.columns.includes('UASC') || metadata.file_format === 'csv') return []
  const status = column(Header, 'UASC')
  return failuresWhere('Header', Header, ['UASC'], (row) => !isIn(status[row] ?? null, YES_NO))
})

const rule112 = dateRule({ code: '112', table: 'AD1', field: 'DATE_INT' })
const rule113 = dateRule({ code: '113', table: 'AD1', field: 'DATE_MATCH' })
const rule114 = codeRule({ code: '114', table: 'AD1', field: 'FOSTER_CARE', codes: YES_NO })
const rule115 = dateRule({ code: '115', table: 'PlacedAdoption', field: 'DATE_PLACED' })
const rule116 = dateRule({ code: '116', table: 'PlacedAdoption', field: 'DATE_PLACED_CEASED' })

// Compared with the child's latest episode that ended care (a reason other than X1).
const rule117 = rule('117', ({ Episodes, PlacedAdoption }, { collectionEnd }) => {
  if (!Episodes || !PlacedAdoption) return []
  const starts = dayColumn(Episodes, 'DECOM')
  const ends = dayColumn(Episodes, 'DEC')
  const reasons = column(Episodes, 'REC')
  const lastCeased = new Map<string, number>()
  for (const [child, rows] of rowsBy(Episodes)) {
    let latest: number | undefined
    for (const row of rows) {
      const reason = reasons[row]
      if (reason === null || reason === 'X1' || ends[row] === null) continue
      if (latest === undefined || (starts[row] ?? -Infinity) >= (starts[latest] ?? -Infinity)) latest = row
    }
    if (latest !== undefined) lastCeased.set(child, latest)
  }
  const placed = dayColumn(PlacedAdoption, 'DATE_PLACED')
  const placedCeased = dayColumn(PlacedAdoption, 'DATE_PLACED_CEASED')
  const adoptionRows: number[] = []
  const episodeRows: number[] = []
  column(PlacedAdoption, 'CHILD').forEach((child, row) => {
    const episode = child === null ? undefined : lastCeased.get(child)
    const limit = episode === undefined ? collectionEnd : Math.min(collectionEnd, ends[episode] as number)
    const late = [placed[row], placedCeased[row]].some((day) => day !== null && day !== undefined && day > limit)
    if (!late) return
    adoptionRows.push(row)
    if (episode !== undefined) episodeRows.push(episode)
  })
  return [
    ...failuresAt('Episodes', episodeRows, ['DEC', 'REC', 'DECOM']),
    ...failuresAt('PlacedAdoption', adoptionRows, ['DATE_PLACED_CEASED', 'DATE_PLACED']),
  ]
})

// Compared with the start of the child's first episode, leaving out short breaks.
const rule118 = rule('118', ({ Episodes, PlacedAdoption }, { collectionStart }) => {
  if (!Episodes || !PlacedAdoption) return []
  const starts = dayColumn(Episodes, 'DECOM')
  const legalStatus = column(Episodes, 'LS')
  const first = new Map<string, number>()
  for (const [child, rows] of rowsByChildInOrder(Episodes)) {
    const row = rows.find((r) => starts[r] !== null && !isIn(legalStatus[r] ?? null, SHORT_BREAK_LS))
    if (row !== undefined) first.set(child, row)
  }
  const ceased = dayColumn(PlacedAdoption, 'DATE_PLACED_CEASED')
  const adoptionRows: number[] = []
  const episodeRows: number[] = []
  column(PlacedAdoption, 'CHILD').forEach((child, row) => {
    const day = ceased[row]
    if (day === null || day === undefined) return
    const episode = child === null ? undefined : first.get(child)
    if (day < collectionStart || (episode !== undefined && day < (starts[episode] as number))) {
      adoptionRows.push(row)
      if (episode !== undefined) episodeRows.push(episode)
    }
  })
  return [
    ...failuresAt('Episodes', episodeRows, ['DECOM', 'LS']),
    ...failuresAt('PlacedAdoption', adoptionRows, ['DATE_PLACED_CEASED']),
  ]
})

const rule119 = rule('119', ({ PlacedAdoption }) => {
  if (!PlacedAdoption) return []
  const ceased = column(PlacedAdoption, 'DATE_PLACED_CEASED')
  const reason = column(PlacedAdoption, 'REASON_PLACED_CEASED')
  return failuresWhere('PlacedAdoption', PlacedAdoption, ['REASON_PLACED_CEASED', 'DATE_PLACED_CEASED'],
    (row) => (ceased[row] === null) !== (reason[row] === null))
})

const rule120 = codeRule({ code: '120', table: 'PlacedAdoption', field: 'REASON_PLACED_CEASED', codes: REASON_PLACED_CEASED })
const rule131 = codeRule({ code: '131', table: 'OC3', field: 'IN_TOUCH', codes: IN_TOUCH, blankFails: true })
const rule132 = codeRule({ code: '132', table: 'OC3', field: 'ACTIV', codes: ACTIV, blankFails: true })
const rule133 = codeRule({ code: '133', table: 'OC3', field: 'ACCOM', codes: ACCOM, blankFails: true })

const rule134 = rule('134', ({ OC3, AD1 }) => {
  if (!OC3 || !AD1) return []
  const oc3Data = anyPresent(OC3, OC3_ITEMS)
  const careLeavers = childrenWith(OC3, (row) => oc3Data[row] === true)
  const children = column(AD1, 'CHILD')
  const adoptionData = anyPresent(AD1, AD1_ITEMS)
  return failuresWhere('AD1', AD1, [...AD1_ITEMS], (row) => {
    const child = children[row] ?? null
    return child !== null && careLeavers.has(child) && adoptionData[row] === true
  })
})

const rule141 = dateRule({ code: '141', table: 'Episodes', field: 'DECOM' })

// Every episode but a child's latest must have ended, with a date and a reason.
const rule142 = rule('142', ({ Episodes }) => {
  if (!Episodes) return []
  const starts = dayColumn(Episodes, 'DECOM')
  const ends = column(Episodes, 'DEC')
  const reasons = column(Episodes, 'REC')
  const flagged: number[] = []
  for (const rows of rowsByChildInOrder(Episodes).values()) {
    const dated = rows.filter((row) => starts[row] !== null)
    for (const row of dated.slice(0, -1)) if (ends[row] === null || reasons[row] === null) flagged.push(row)
  }
  return failuresAt('Episodes', flagged, ['DEC', 'REC'])
})

const rule143 = codeRule({ code: '143', table: 'Episodes', field: 'RNE', codes: RNE })
const rule144 = codeRule({ code: '144', table: 'Episodes', field: 'LS', codes: LEGAL_STATUS })
const rule145 = codeRule({ code: '145', table: 'Episodes', field: 'CIN', codes: CIN })
const rule146 = codeRule({ code: '146', definedIn: 'lac2025_26', table: 'Episodes', field: 'PLACE', codes: PLACE_2025 })
const rule147 = dateRule({ code: '147', table: 'Episodes', field: 'DEC' })

const rule148 = rule('148', ({ Episodes }) => {
  if (!Episodes) return []
  const ends = column(Episodes, 'DEC')
  const reasons = column(Episodes, 'REC')
  return failuresWhere('Episodes', Episodes, ['DEC', 'REC'], (row) => (ends[row] === null) !== (reasons[row] === null))
})

const rule149 = codeRule({ code: '149', table: 'Episodes', field: 'REC', codes: REC })

const rule151 = rule('151', ({ AD1 }) => {
  if (!AD1) return []
  const some = anyPresent(AD1, AD1_ITEMS)
  const all = allPresent(AD1, AD1_ITEMS)
  return failuresWhere('AD1', AD1, [...AD1_ITEMS], (row) => some[row] === true && all[row] === false)
})

const rule153 = rule('153', ({ OC3 }) => {
  if (!OC3) return []
  const some = anyPresent(OC3, OC3_ITEMS)
  const all = allPresent(OC3, OC3_ITEMS)
  return failuresWhere('OC3', OC3, [...OC3_ITEMS], (row) => some[row] === true && all[row] === false)
})

const rule158 = rule('158', ({ OC2 }) => {
  if (!OC2) return []
  const received = column(OC2, 'INTERVENTION_RECEIVED')
  const offered = column(OC2, 'INTERVENTION_OFFERED')
  return failuresWhere('OC2', OC2, ['INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
    (row) => received[row] === '1' && offered[row] !== null)
})

const rule159 = rule('159', ({ OC2 }) => {
  if (!OC2) return []
  const misuse = column(OC2, 'SUBSTANCE_MISUSE')
  const received = column(OC2, 'INTERVENTION_RECEIVED')
  const offered = column(OC2, 'INTERVENTION_OFFERED')
  return failuresWhere('OC2', OC2, ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
    (row) => misuse[row] === '1' && received[row] === '0' && offered[row] === null)
})

// Distances for children who are or were UASC may legitimately be outside the range, so they are not checked.
const rule164 = rule('164', (tables) => {
  const { Episodes } = tables
  if (!Episodes) return []
  const uasc = uascChildren(tables)
  const children = column(Episodes, 'CHILD')
  const distance = column(Episodes, 'PL_DISTANCE')
  return failuresWhere('Episodes', Episodes, ['PL_DISTANCE'], (row) => {
    const text = distance[row] ?? null
    const child = children[row] ?? null
    if (text === null || (child !== null && uasc.has(child))) return false
    const miles = Number(text)
    return !Number.isFinite(miles) || miles < 0 || miles > 999.9
  })
})

// Mother status must be 0 or 1, a male cannot be a mother, and it must be given for a female looked after in the
// year (other than on short breaks). The child's care leaver record is flagged with the header.
const rule165 = rule('165', ({ Header, Episodes, OC3 }, { collectionStart, collectionEnd }) => {
  if (!Header || !Episodes) return []
  const starts = dayColumn(Episodes, 'DECOM')
  const ends = dayColumn(Episodes, 'DEC')
  const legalStatus = column(Episodes, 'LS')
  const inCare = childrenWith(Episodes, (row) => {
    const start = starts[row]
    const end = ends[row]
    return !isIn(legalStatus[row] ?? null, SHORT_BREAK_LS) && start !== null && start !== undefined
      && start <= collectionEnd && (end === null || end === undefined || end >= collectionStart)
  })
  const children = column(Header, 'CHILD')
  const sex = column(Header, 'SEX')
  const mother = column(Header, 'MOTHER')
  const flaggedChildren = new Set<string>()
  const headerRows: number[] = []
  children.forEach((child, row) => {
    const status = mother[row] ?? null
    const wrong = status === null
      ? isIn(sex[row] ?? null, FEMALE) && child !== null && inCare.has(child)
      : !YES_NO.has(status) || (status === '1' && isIn(sex[row] ?? null, MALE))
    if (!wrong) return
    headerRows.push(row)
    if (child !== null) flaggedChildren.add(child)
  })
  return [
    ...failuresAt('Header', headerRows, ['MOTHER', 'SEX']),
    ...failuresAt('OC3', rowsFor(OC3, flaggedChildren), ['ACTIV', 'ACCOM', 'IN_TOUCH']),
  ]
})

const rule166 = dateRule({ code: '166', table: 'Reviews', field: 'REVIEW', blankFails: true })

const rule167 = rule('167', ({ Reviews }) => {
  if (!Reviews) return []
  const review = column(Reviews, 'REVIEW')
  const code = column(Reviews, 'REVIEW_CODE')
  return failuresWhere('Reviews', Reviews, ['REVIEW_CODE'],
    (row) => review[row] !== null && !isIn(code[row] ?? null, REVIEW_CODE))
})

const rule168 = rule('168', ({ Header }) => {
  if (!Header) return []
  const upn = column(Header, 'UPN')
  return failuresWhere('Header', Header, ['UPN'], (row) => {
    const value = upn[row] ?? null
    return value !== null && !UPN_UNKNOWN.has(value) && !UPN.test(value)
  })
})

const rule169 = rule('169', ({ Episodes }) => {
  if (!Episodes) return []
  const legalStatus = column(Episodes, 'LS')
  const placementLa = column(Episodes, 'PL_LA')
  return failuresWhere('Episodes', Episodes, ['PL_LA'],
    (row) => placementLa[row] === null && !isIn(legalStatus[row] ?? null, SHORT_BREAK_LS))
})

const rule171 = dateRule({ code: '171', table: 'Header', field: 'MC_DOB' })

const rule174 = rule('174', ({ Header }) => {
  if (!Header) return []
  const sex = column(Header, 'SEX')
  const childDob = column(Header, 'MC_DOB')
  return failuresWhere('Header', Header, ['SEX', 'MC_DOB'], (row) => isIn(sex[row] ?? null, MALE) && childDob[row] !== null)
}, 'lac2024_25')

const rule175 = codeRule({ code: '175', table: 'AD1', field: 'NB_ADOPTR', codes: NB_ADOPTR })
const rule176 = codeRule({ code: '176', table: 'AD1', field: 'SEX_ADOPTR', codes: SEX_ADOPTR })
const rule177 = codeRule({ code: '177', table: 'AD1', field: 'LS_ADOPTR', codes: LS_ADOPTR })

// From 2025/26 a provider code is also wrong on a placement that has no provider.
const rule178 = rule('178', ({ Episodes }) => {
  if (!Episodes) return []
  const place = column(Episodes, 'PLACE')
  const provider = column(Episodes, 'PLACE_PROVIDER')
  return failuresWhere('Episodes', Episodes, ['PLACE_PROVIDER'], (row) => {
    const value = provider[row] ?? null
    return value !== null && (!PLACE_PROVIDER.has(value) || isIn(place[row] ?? null, PLACE_WITHOUT_PROVIDER_2025))
  })
}, 'lac2025_26')

const rule179 = rule('179', ({ Episodes }) => {
  if (!Episodes) return []
  const legalStatus = column(Episodes, 'LS')
  const location = column(Episodes, 'PL_LOCATION')
  return failuresWhere('Episodes', Episodes, ['PL_LOCATION'], (row) => {
    const value = location[row] ?? null
    return value === null ? !isIn(legalStatus[row] ?? null, SHORT_BREAK_LS) : !PL_LOCATION.has(value)
  })
})

const rule180 = rule('180', ({ OC2 }) => {
  if (!OC2) return []
  const score = column(OC2, 'SDQ_SCORE')
  return failuresWhere('OC2', OC2, ['SDQ_SCORE'], (row) => {
    const text = score[row] ?? null
    if (text === null) return false
    const value = Number(text)
    return text.trim() === '' || !Number.isInteger(value) || value < 0 || value > 40
  })
})

const rule181 = rule('181', ({ OC2 }) => {
  if (!OC2) return []
  const items = OC2_ITEMS.map((name) => column(OC2, name))
  return failuresWhere('OC2', OC2, [...OC2_ITEMS], (row) => items.some((values) => {
    const value = values[row] ?? null
    return value !== null && !YES_NO.has(value)
  }))
})

const rule182 = rule('182', ({ OC2 }) => {
  if (!OC2) return []
  const some = anyPresent(OC2, OC2_ITEMS)
  const required = allPresent(OC2, OC2_REQUIRED)
  return failuresWhere('OC2', OC2, [...OC2_REQUIRED, 'CONVICTED', 'HEALTH_CHECK', 'INTERVENTION_RECEIVED',
    'INTERVENTION_OFFERED'], (row) => some[row] === true && required[row] === false)
})

const rule184 = rule('184', ({ Header, PlacedAdoption }) => {
  if (!Header || !PlacedAdoption) return []
  const dobs = dayByChild(Header)
  const children = column(PlacedAdoption, 'CHILD')
  const placed = dayColumn(PlacedAdoption, 'DATE_PLACED')
  return failuresWhere('PlacedAdoption', PlacedAdoption, ['DATE_PLACED'], (row) => {
    const child = children[row] ?? null
    const dob = child === null ? undefined : dobs.get(child)
    const day = placed[row]
    return dob !== undefined && day !== null && day !== undefined && day < dob
  })
})

type RowTest = (row: number) => boolean

/**
 * OC2 rows of children in (or, with `inCohort` false, outside) the 12-month cohort that fail `test`, optionally only
 * for children whose OC2 date of birth puts them in an age range.
 */
function oc2CohortRule(options: {
  code: string
  fields: string[]
  inCohort: boolean
  test: (oc2: Table) => RowTest
  ages?: (dob: number, start: number, end: number) => boolean
}): Rule {
  return rule(options.code, ({ OC2, Episodes }, { collectionStart, collectionEnd }) => {
    if (!OC2 || !Episodes) return []
    const cohort = lookedAfterTwelveMonths(Episodes, collectionStart, collectionEnd)
    const children = column(OC2, 'CHILD')
    const dob = dayColumn(OC2, 'DOB')
    const test = options.test(OC2)
    return failuresWhere('OC2', OC2, options.fields, (row) => {
      const child = children[row] ?? null
      const birth = dob[row] ?? null
      if ((child !== null && cohort.has(child)) !== options.inCohort) return false
      if (options.ages && (birth === null || !options.ages(birth, collectionStart, collectionEnd))) return false
      return test(row)
    })
  })
}

const present = (name: string) => (table: Table): RowTest => {
  const values = column(table, name)
  return (row) => values[row] !== null
}

const noSdq = (table: Table): RowTest => {
  const score = column(table, 'SDQ_SCORE')
  const reason = column(table, 'SDQ_REASON')
  return (row) => score[row] === null && reason[row] === null
}

const anyOc2Item = (table: Table): RowTest => {
  const data = anyPresent(table, OC2_ITEMS)
  return (row) => data[row] === true
}

const rule185 = oc2CohortRule({ code: '185', fields: ['SDQ_SCORE'], inCohort: false, test: present('SDQ_SCORE') })

/** Aged 4 or over at the start of the year and under 17 at its end. */
const sdqAge = (dob: number, start: number, end: number): boolean => addYears(dob, 4) <= start && addYears(dob, 17) > end

const rule186 = oc2CohortRule({ code: '186', fields: ['SDQ_SCORE'], inCohort: true, test: noSdq, ages: sdqAge })

// SDQ1 means the child is outside the SDQ age range, so it is wrong for a child aged 4 to 16 all year.
const rule157 = oc2CohortRule({
  code: '157', fields: ['SDQ_REASON', 'DOB'], inCohort: true, ages: sdqAge,
  test: (table) => {
    const reason = column(table, 'SDQ_REASON')
    return (row) => reason[row] === 'SDQ1'
  },
})

const rule187 = rule('187', ({ Episodes, OC3, AD1 }, { collectionStart, collectionEnd }) => {
  if (!Episodes) return []
  const cohort = lookedAfterTwelveMonths(Episodes, collectionStart, collectionEnd)
  const flag = (name: string, table: typeof OC3, items: readonly string[]) => {
    if (!table) return []
    const children = column(table, 'CHILD')
    const data = anyPresent(table, items)
    return failuresWhere(name, table, [...items], (row) => {
      const child = children[row] ?? null
      return child !== null && cohort.has(child) && data[row] === true
    })
  }
  return [...flag('OC3', OC3, OC3_ITEMS), ...flag('AD1', AD1, AD1_ITEMS)]
})

/** OC2 rows where an SDQ score or reason is given though the child's age rules it out. */
function sdqOutOfAgeRule(code: string, tooYoungOrOld: (dob: number, start: number, end: number) => boolean): Rule {
  return rule(code, ({ OC2 }, { collectionStart, collectionEnd }) => {
    if (!OC2) return []
    const dob = dayColumn(OC2, 'DOB')
    const score = column(OC2, 'SDQ_SCORE')
    const reason = column(OC2, 'SDQ_REASON')
    return failuresWhere('OC2', OC2, ['DOB', 'SDQ_SCORE', 'SDQ_REASON'], (row) => {
      const birth = dob[row]
      return birth !== null && birth !== undefined && tooYoungOrOld(birth, collectionStart, collectionEnd)
        && (score[row] !== null || reason[row] !== null)
    })
  })
}

const rule188 = sdqOutOfAgeRule('188', (dob, _start, end) => addYears(dob, 4) > end)
const rule189 = sdqOutOfAgeRule('189', (dob, start) => addYears(dob, 17) <= start)

const rule190 = oc2CohortRule({ code: '190', fields: [...OC2_ITEMS], inCohort: false, test: anyOc2Item })

// A child in the 12-month cohort needs the four items; one with no OC2 record at all is flagged on its episodes.
const rule191 = rule('191', ({ OC2, Episodes }, { collectionStart, collectionEnd }) => {
  if (!OC2 || !Episodes) return []
  const cohort = lookedAfterTwelveMonths(Episodes, collectionStart, collectionEnd)
  const children = column(OC2, 'CHILD')
  const required = allPresent(OC2, OC2_REQUIRED)
  const inOc2 = new Set(children.filter((child): child is string => child !== null))
  const missing = new Set([...cohort].filter((child) => !inOc2.has(child)))
  return [
    ...failuresWhere('OC2', OC2, OC2_REQUIRED, (row) => {
      const child = children[row] ?? null
      return child !== null && cohort.has(child) && required[row] === false
    }),
    ...failuresAt('Episodes', rowsFor(Episodes, missing), ['CHILD']),
  ]
})

const rule192 = rule('192', ({ OC2 }) => {
  if (!OC2) return []
  const misuse = column(OC2, 'SUBSTANCE_MISUSE')
  const received = column(OC2, 'INTERVENTION_RECEIVED')
  return failuresWhere('OC2', OC2, ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED'],
    (row) => misuse[row] === '1' && received[row] === null)
})

const rule193 = rule('193', ({ OC2 }) => {
  if (!OC2) return []
  const misuse = column(OC2, 'SUBSTANCE_MISUSE')
  const received = column(OC2, 'INTERVENTION_RECEIVED')
  const offered = column(OC2, 'INTERVENTION_OFFERED')
  return failuresWhere('OC2', OC2, ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
    (row) => misuse[row] !== '1' && (received[row] !== null || offered[row] !== null))
})

const rule196 = codeRule({ code: '196', table: 'OC2', field: 'SDQ_REASON', codes: SDQ_REASON })

const rule197a = rule('197a', ({ OC2 }) => {
  if (!OC2) return []
  const score = column(OC2, 'SDQ_SCORE')
  const reason = column(OC2, 'SDQ_REASON')
  return failuresWhere('OC2', OC2, ['SDQ_SCORE', 'SDQ_REASON'], (row) => score[row] !== null && reason[row] !== null)
})

// Turning 4 by the end of the year, or not yet 17 at its start.
const rule197B = oc2CohortRule({
  code: '197B', fields: ['SDQ_REASON', 'DOB'], inCohort: true, test: noSdq,
  ages: (dob, start, end) => addYears(dob, 4) <= end && addYears(dob, 17) > start,
})

const rule198 = oc2CohortRule({ code: '198', fields: ['SDQ_REASON'], inCohort: false, test: present('SDQ_REASON') })

// Any episode starting on or after the day the child was adopted (an episode ending E11 or E12, this year or last).
const rule199 = rule('199', ({ Episodes, Episodes_last }) => {
  if (!Episodes) return []
  const adopted = new Map<string, number>()
  for (const table of [Episodes, Episodes_last]) {
    if (!table) continue
    const children = column(table, 'CHILD')
    const ends = dayColumn(table, 'DEC')
    const reasons = column(table, 'REC')
    children.forEach((child, row) => {
      const end = ends[row]
      if (child === null || end === null || end === undefined || !isIn(reasons[row] ?? null, REC_ADOPTED)) return
      adopted.set(child, Math.min(end, adopted.get(child) ?? Infinity))
    })
  }
  const children = column(Episodes, 'CHILD')
  const starts = dayColumn(Episodes, 'DECOM')
  return failuresWhere('Episodes', Episodes, ['CHILD'], (row) => {
    const child = children[row] ?? null
    const start = starts[row]
    const adoption = child === null ? undefined : adopted.get(child)
    return adoption !== undefined && start !== null && start !== undefined && start >= adoption
  })
})

export const rules: Rule[] = [
  rule101, rule102, rule103, rule104, rule105, rule112, rule113, rule114, rule115, rule116, rule117, rule118,
  rule119, rule120, rule131, rule132, rule133, rule134, rule141, rule142, rule143, rule144, rule145, rule146,
  rule147, rule148, rule149, rule151, rule153, rule157, rule158, rule159, rule164, rule165, rule166, rule167,
  rule168, rule169, rule171, rule174, rule175, rule176, rule177, rule178, rule179, rule180, rule181, rule182, rule184,
  rule185, rule186, rule187, rule188, rule189, rule190, rule191, rule192, rule193, rule196, rule197a, rule197B,
  rule198, rule199,
]
