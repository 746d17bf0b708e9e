// SSDA903 rules 370-399: ages for placement types, temporary placements and respite, reasons an episode ceased,
// care leavers' ages, distances and postcodes, and fields that do not apply to short breaks.
import type { Rule } from '../../validation/rule.js'
import type { Cell, Table, Tables } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import { normalisePostcode } from '../../../../platform/identifiers/postcode.js'
import { addYears, dayColumn, failuresAt, failuresWhere, rowsBy, rowsByChildInOrder } from '../helpers.js'
import { ADOPTION_PLACE, FEMALE, REC_ADOPTED, SHORT_BREAK_LS, TEMPORARY_PLACE } from '../codes.js'
import {
  childrenWhere, durationRule, episodeAgeRule, rowsOfChildren, isAfter, samePostcode, uascChildren,
} from './group-300-499-support.js'

const isTemporary = (place: Cell): boolean => place !== null && TEMPORARY_PLACE.has(place)
const isRespite = (ls: Cell): boolean => ls !== null && SHORT_BREAK_LS.has(ls)

const rule371 = episodeAgeRule({
  code: '371', definedIn: 'lac2024_25', applies: (place) => place === 'K3', appliesTo: 'PLACE', dateName: 'DECOM',
  years: 16, fields: ['DECOM', 'PLACE'],
})
const rule372 = episodeAgeRule({
  code: '372', applies: (place) => place === 'R5', appliesTo: 'PLACE', dateName: 'DECOM', years: 10,
  fields: ['DECOM', 'PLACE'],
})
const rule373 = episodeAgeRule({
  code: '373', applies: (place) => place === 'S1', appliesTo: 'PLACE', dateName: 'DECOM', years: 4,
  fields: ['DECOM', 'PLACE'],
})

// DfE's case for 374 leaves a residential employment placement still open at the year end unflagged, so the check
// covers placements that have ended.
const ageAtStart374 = episodeAgeRule({
  code: '374', applies: (place) => place === 'P3', appliesTo: 'PLACE', dateName: 'DECOM', years: 14,
  fields: ['DECOM', 'PLACE'],
})
const rule374: Rule = {
  ...ageAtStart374,
  validate(tables, context) {
    const ended = tables.Episodes ? dayColumn(tables.Episodes, 'DEC') : []
    return ageAtStart374.validate(tables, context).filter(({ row }) => ended[row] !== null)
  },
}

const rule375 = durationRule({
  code: '375', field: 'PLACE', codes: new Set(['T1']), maxDays: 42, fields: ['DECOM', 'PLACE'],
})
const rule376 = durationRule({
  code: '376', field: 'PLACE', codes: new Set(['T3']), maxDays: 21, fields: ['DECOM', 'PLACE'],
})

const rule377: Rule = {
  code: '377',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const place = column(Episodes, 'PLACE')
    const decom = dayColumn(Episodes, 'DECOM')
    const flagged: number[] = []
    for (const rows of rowsByChildInOrder(Episodes).values()) {
      const holidays = rows.filter((row) => place[row] === 'T3' && decom[row] !== null)
      // Any three starting within twelve months of each other are one too many.
      for (let i = 0; i + 2 < holidays.length; i++) {
        const window = holidays.slice(i, i + 3)
        if (addYears(decom[window[0] as number] as number, 1) > (decom[window[2] as number] as number)) {
          flagged.push(...window)
        }
      }
    }
    return failuresAt('Episodes', flagged, ['PLACE'])
  },
}

const rule378: Rule = {
  code: '378',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const place = column(Episodes, 'PLACE')
    const ls = column(Episodes, 'LS')
    return failuresWhere('Episodes', Episodes, ['PLACE', 'LS'], (row) => place[row] === 'P1' && ls[row] === 'V2')
  },
}

const rule379 = durationRule({
  code: '379', field: 'PLACE', codes: new Set(['T4']), maxDays: 7, fields: ['DECOM', 'PLACE'],
})

/** Reasons for a new episode that keep the child with the same carer (or start care): none can be temporary. */
const NOT_INTO_TEMPORARY = new Set(['S', 'L', 'T', 'U'])

const rule380: Rule = {
  code: '380',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const place = column(Episodes, 'PLACE')
    const rne = column(Episodes, 'RNE')
    return failuresWhere('Episodes', Episodes, ['PLACE', 'RNE'], (row) =>
      isTemporary(place[row] ?? null) && NOT_INTO_TEMPORARY.has(rne[row] ?? ''))
  },
}

const rule381: Rule = {
  code: '381',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const place = column(Episodes, 'PLACE')
    const rec = column(Episodes, 'REC')
    return failuresWhere('Episodes', Episodes, ['PLACE', 'REC'], (row) =>
      isTemporary(place[row] ?? null) && rec[row] !== null && rec[row] !== 'X1')
  },
}

const rule382: Rule = {
  code: '382',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const place = column(Episodes, 'PLACE')
    const ls = column(Episodes, 'LS')
    return failuresWhere('Episodes', Episodes, ['LS', 'PLACE'], (row) =>
      isTemporary(place[row] ?? null) && isRespite(ls[row] ?? null))
  },
}

/** Reasons for a new episode that fit a return from a temporary placement: a change of carer. */
const RETURN_FROM_TEMPORARY = new Set(['P', 'B'])

const rule383: Rule = {
  code: '383',
  definedIn: 'lac2025_26',
  validate({ Episodes }) {
    if (!Episodes) return []
    const place = column(Episodes, 'PLACE')
    const postcode = column(Episodes, 'PL_POST')
    const rne = column(Episodes, 'RNE')
    const flagged: number[] = []
    for (const rows of rowsByChildInOrder(Episodes).values()) {
      let usual: number | undefined
      rows.forEach((row, i) => {
        const previous = rows[i - 1]
        const after = previous !== undefined && isTemporary(place[previous] ?? null) && !isTemporary(place[row] ?? null)
        // A new period of care (S) need not go back; otherwise the child returns to the usual placement and postcode.
        if (after && usual !== undefined && rne[row] !== 'S') {
          const returned = RETURN_FROM_TEMPORARY.has(rne[row] ?? '') && place[row] === place[usual] &&
            (samePostcode(postcode[row] ?? null, postcode[usual] ?? null) || (postcode[row] === null && postcode[usual] === null))
          if (!returned) flagged.push(row)
        }
        if (!isTemporary(place[row] ?? null)) usual = row
      })
    }
    return failuresAt('Episodes', flagged, ['PLACE', 'RNE', 'PL_POST'])
  },
}

const rule384: Rule = {
  code: '384',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const place = column(Episodes, 'PLACE')
    const ls = column(Episodes, 'LS')
    // U1 and U4 are long-term fostering.
    return failuresWhere('Episodes', Episodes, ['PLACE', 'LS'], (row) =>
      (place[row] === 'U1' || place[row] === 'U4') && isRespite(ls[row] ?? null))
  },
}

const rule385: Rule = {
  code: '385',
  definedIn: 'lac2022_23',
  validate({ Episodes }, { collectionEnd }) {
    if (!Episodes) return []
    const dec = dayColumn(Episodes, 'DEC')
    return failuresWhere('Episodes', Episodes, ['DEC'], (row) => isAfter(dec[row], collectionEnd))
  },
}

const rule386 = episodeAgeRule({
  code: '386', applies: (rec) => rec !== null && REC_ADOPTED.has(rec), appliesTo: 'REC', dateName: 'DEC', years: 18,
  atLeast: true, fields: ['REC'],
})
const rule387 = episodeAgeRule({
  code: '387', applies: (rec) => rec === 'E5' || rec === 'E6', appliesTo: 'REC', dateName: 'DEC', years: 14,
  fields: ['REC'],
})

const rule388: Rule = {
  code: '388',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const rec = column(Episodes, 'REC')
    const decom = dayColumn(Episodes, 'DECOM')
    const dec = dayColumn(Episodes, 'DEC')
    const flagged: number[] = []
    for (const rows of rowsByChildInOrder(Episodes).values()) {
      rows.forEach((row, i) => {
        const next = rows[i + 1]
        const continues = next !== undefined && dec[row] !== null && decom[next] === dec[row]
        // X1 means the next episode starts the day this one ends; any other reason means care ended.
        if (rec[row] === 'X1' ? !continues : rec[row] !== null && continues) flagged.push(row)
      })
    }
    return failuresAt('Episodes', flagged, ['REC'])
  },
}

const rule389 = episodeAgeRule({
  code: '389', applies: (rec) => rec === 'E7', appliesTo: 'REC', dateName: 'DEC', years: 16, fields: ['REC'],
})

const rule390: Rule = {
  code: '390',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const place = column(Episodes, 'PLACE')
    const rec = column(Episodes, 'REC')
    return failuresWhere('Episodes', Episodes, ['PLACE', 'REC'], (row) =>
      REC_ADOPTED.has(rec[row] ?? '') && !ADOPTION_PLACE.has(place[row] ?? ''))
  },
}

const rule391: Rule = {
  code: '391',
  definedIn: 'lac2022_23',
  validate({ OC3 }, { collectionStart, collectionEnd }) {
    if (!OC3) return []
    const dob = dayColumn(OC3, 'DOB')
    const returned = ['IN_TOUCH', 'ACTIV', 'ACCOM'].map((name) => column(OC3, name))
    return failuresWhere('OC3', OC3, ['DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'], (row) => {
      const birth = dob[row]
      if (birth === null || birth === undefined || returned.every((cells) => cells[row] === null)) return false
      return addYears(birth, 17) > collectionEnd || addYears(birth, 22) <= collectionStart
    })
  },
}

/** Episodes of children who are not, and were not, UASC, outside short breaks, where `missing` holds. */
function lookedAfterWithout(tables: Tables, missing: (row: number) => boolean): number[] {
  const { Episodes } = tables
  if (!Episodes) return []
  const uasc = uascChildren(tables)
  const children = column(Episodes, 'CHILD')
  const ls = column(Episodes, 'LS')
  return children.flatMap((child, row) =>
    !isRespite(ls[row] ?? null) && !uasc.has(child ?? '') && missing(row) ? [row] : [])
}

const rule392a: Rule = {
  code: '392a',
  definedIn: 'lac2022_23',
  validate(tables) {
    const distance = tables.Episodes ? column(tables.Episodes, 'PL_DISTANCE') : []
    return failuresAt('Episodes', lookedAfterWithout(tables, (row) => distance[row] === null), ['PL_DISTANCE'])
  },
}

const rule392b: Rule = {
  code: '392b',
  definedIn: 'lac2022_23',
  validate(tables) {
    const home = tables.Episodes ? column(tables.Episodes, 'HOME_POST') : []
    const placement = tables.Episodes ? column(tables.Episodes, 'PL_POST') : []
    const rows = lookedAfterWithout(tables, (row) => home[row] === null || placement[row] === null)
    return failuresAt('Episodes', rows, ['HOME_POST', 'PL_POST'])
  },
}

/**
 * Postcodes known to exist, from `metadata.postcodes`: a list of postcodes or a table with a `pcd` column (as in the
 * ONS Postcode Directory). Null when the return was loaded without one.
 */
function knownPostcodes(metadata: Record<string, unknown>): Set<string> | null {
  const source = metadata.postcodes
  let values: Iterable<unknown> | null = null
  if (source instanceof Set || Array.isArray(source)) values = source
  else if (source && typeof source === 'object' && 'rows' in source) values = column(source as Table, 'pcd')
  if (!values) return null
  const known = new Set<string>()
  for (const value of values) {
    const postcode = typeof value === 'string' ? normalisePostcode(value) : null
    if (postcode) known.add(postcode)
  }
  return known
}

const rule392c: Rule = {
  code: '392c',
  definedIn: 'lac2022_23',
  validate({ Episodes }, { metadata }) {
    if (!Episodes) return []
    const known = knownPostcodes(metadata)
    // Each distinct postcode checked once: an authority's episodes repeat a few thousand of them.
    const checked = new Map<string, boolean>()
    const invalid = (value: Cell): boolean => {
      if (value === null) return false
      let wrong = checked.get(value)
      if (wrong === undefined) {
        const postcode = normalisePostcode(value)
        checked.set(value, wrong = postcode === null || (known !== null && !known.has(postcode)))
      }
      return wrong
    }
    const home = column(Episodes, 'HOME_POST')
    const placement = column(Episodes, 'PL_POST')
    return failuresWhere('Episodes', Episodes, ['HOME_POST', 'PL_POST'], (row) =>
      invalid(home[row] ?? null) || invalid(placement[row] ?? null))
  },
}

const rule392d: Rule = {
  code: '392d',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const home = column(Episodes, 'HOME_POST')
    const placement = column(Episodes, 'PL_POST')
    const place = column(Episodes, 'PLACE')
    return failuresWhere('Episodes', Episodes, ['HOME_POST', 'PL_POST', 'PLACE'], (row) =>
      place[row] !== 'P1' && samePostcode(home[row] ?? null, placement[row] ?? null))
  },
}

const rule393: Rule = {
  code: '393',
  definedIn: 'lac2024_25',
  validate({ Header, Episodes }) {
    if (!Header || !Episodes) return []
    const ls = column(Episodes, 'LS')
    const lookedAfter = childrenWhere(Episodes, (row) => !SHORT_BREAK_LS.has((ls[row] ?? '').toUpperCase()))
    const children = column(Header, 'CHILD')
    const sex = column(Header, 'SEX')
    const mother = column(Header, 'MOTHER')
    return failuresWhere('Header', Header, ['MOTHER'], (row) =>
      FEMALE.has(sex[row] ?? '') && mother[row] === null && lookedAfter.has(children[row] ?? ''))
  },
}

const rule398: Rule = {
  code: '398',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const ls = column(Episodes, 'LS')
    const distanceFields = ['HOME_POST', 'PL_POST', 'PL_DISTANCE'].map((name) => column(Episodes, name))
    return failuresWhere('Episodes', Episodes, ['LS', 'HOME_POST', 'PL_POST'], (row) =>
      isRespite(ls[row] ?? null) && distanceFields.some((cells) => cells[row] !== null))
  },
}

const rule399: Rule = {
  code: '399',
  definedIn: 'lac2022_23',
  validate({ Header, Episodes, Reviews }) {
    if (!Episodes) return []
    const ls = column(Episodes, 'LS')
    const notShortBreaks = childrenWhere(Episodes, (row) => !isRespite(ls[row] ?? null))
    const shortBreaksOnly = new Set([...rowsBy(Episodes).keys()].filter((child) => !notShortBreaks.has(child)))
    const header = completedFor(Header, shortBreaksOnly, ['MOTHER'])
    const reviews = completedFor(Reviews, shortBreaksOnly, ['REVIEW', 'REVIEW_CODE'])
    const withFields = new Set([...header.children, ...reviews.children])
    return [
      ...failuresAt('Episodes', rowsOfChildren(Episodes, withFields), ['LS']),
      ...failuresAt('Header', header.rows, ['MOTHER']),
      ...failuresAt('Reviews', reviews.rows, ['REVIEW', 'REVIEW_CODE']),
    ]
  },
}

/** Rows of the given children with any of the fields completed, and those children. */
function completedFor(table: Table | undefined, children: ReadonlySet<string>, fields: string[]) {
  const found = { rows: [] as number[], children: new Set<string>() }
  if (!table) return found
  const cells = fields.map((name) => column(table, name))
  column(table, 'CHILD').forEach((child, row) => {
    if (child !== null && children.has(child) && cells.some((values) => values[row] !== null)) {
      found.rows.push(row)
      found.children.add(child)
    }
  })
  return found
}

export const rules: Rule[] = [
  rule371, rule372, rule373, rule374, rule375, rule376, rule377, rule378, rule379, rule380, rule381, rule382,
  rule383, rule384, rule385, rule386, rule387, rule388, rule389, rule390, rule391, rule392a, rule392b, rule392c,
  rule392d, rule393, rule398, rule399,
]
