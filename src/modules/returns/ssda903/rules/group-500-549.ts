// SSDA903 rules 501-547: episode sequences and continuity with last year, adopters' details, adoption decisions,
// placement providers, and the OC2 conviction and health promotion fields.
import type { Rule } from '../../validation/rule.js'
import type { Cell, Table } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import { dayByChild, dayColumn, failuresAt, failuresWhere, rowsBy, rowsByChildInOrder } from '../helpers.js'
import { ADOPTION_PLACE, FOSTER_PLACE, TEMPORARY_PLACE } from '../codes.js'
import { earliestRowByChild, isAfter } from './group-300-499-support.js'
import {
  continuouslyLookedAfter, isAtLeastAge, isNumber, latestRowByChild, sameValue,
} from './group-500-plus-support.js'

const rule501: Rule = {
  code: '501',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const starts = dayColumn(Episodes, 'DECOM')
    const ends = dayColumn(Episodes, 'DEC')
    const flagged: number[] = []
    for (const rows of rowsByChildInOrder(Episodes).values()) {
      const dated = rows.filter((row) => starts[row] !== null)
      for (let i = 1; i < dated.length; i++) {
        if (isAfter(ends[dated[i - 1] as number], starts[dated[i] as number])) flagged.push(dated[i] as number)
      }
    }
    return failuresAt('Episodes', flagged, ['DECOM', 'DEC'])
  },
}

/** Each child's latest episode in last year's return that was still open at the end of that year. */
function openAtEndOfLastYear(last: Table): Map<string, number> {
  const ends = column(last, 'DEC')
  return latestRowByChild(last, 'DECOM', (row) => ends[row] === null)
}

const rule502: Rule = {
  code: '502',
  definedIn: 'lac2022_23',
  validate({ Episodes, Episodes_last }) {
    if (!Episodes || !Episodes_last) return []
    const open = openAtEndOfLastYear(Episodes_last)
    const lastStarts = dayColumn(Episodes_last, 'DECOM')
    const starts = dayColumn(Episodes, 'DECOM')
    const flagged: number[] = []
    for (const [child, first] of earliestRowByChild(Episodes)) {
      const lastRow = open.get(child)
      if (lastRow !== undefined && lastStarts[lastRow] !== starts[first]) flagged.push(first)
    }
    return failuresAt('Episodes', flagged, ['DECOM'])
  },
}

/**
 * The 503 family: the first episode this year must carry on the episode left open at the end of last year, so each
 * field must match. `same` compares this year's value with last year's.
 */
function carriedOverRule(code: string, definedIn: string, field: string, same = sameValue): Rule {
  return {
    code,
    definedIn,
    validate({ Episodes, Episodes_last }) {
      if (!Episodes || !Episodes_last) return []
      const open = openAtEndOfLastYear(Episodes_last)
      const lastValues = column(Episodes_last, field)
      const values = column(Episodes, field)
      const flagged: number[] = []
      for (const [child, first] of earliestRowByChild(Episodes)) {
        const lastRow = open.get(child)
        if (lastRow !== undefined && !same(values[first] ?? null, lastValues[lastRow] ?? null)) flagged.push(first)
      }
      return failuresAt('Episodes', flagged, [field])
    },
  }
}

/** From 2025/26 the other-placement code Z1 is split into Z11-Z14, so Z1 last year carries on as any of them. */
function samePlacement(value: Cell, last: Cell): boolean {
  return sameValue(value, last) || (last === 'Z1' && value !== null && /^Z1[1-4]$/.test(value))
}

const rules503 = [
  carriedOverRule('503A', 'lac2022_23', 'RNE'),
  carriedOverRule('503B', 'lac2022_23', 'LS'),
  carriedOverRule('503C', 'lac2022_23', 'CIN'),
  carriedOverRule('503D', 'lac2025_26', 'PLACE', samePlacement),
  carriedOverRule('503E', 'lac2022_23', 'PLACE_PROVIDER'),
  carriedOverRule('503F', 'lac2022_23', 'URN'),
  carriedOverRule('503G', 'lac2022_23', 'PL_DISTANCE'),
  carriedOverRule('503H', 'lac2022_23', 'PL_LA'),
  carriedOverRule('503J', 'lac2022_23', 'PL_LOCATION'),
]

const rule504: Rule = {
  code: '504',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const starts = dayColumn(Episodes, 'DECOM')
    const ends = dayColumn(Episodes, 'DEC')
    const reasons = column(Episodes, 'REC')
    const needs = column(Episodes, 'CIN')
    const flagged: number[] = []
    for (const rows of rowsByChildInOrder(Episodes).values()) {
      let periodNeed: Cell = null
      rows.forEach((row, i) => {
        const previous = rows[i - 1]
        const continues = previous !== undefined && reasons[previous] === 'X1'
          && ends[previous] !== null && ends[previous] === starts[row]
        if (!continues) periodNeed = needs[row] ?? null
        else if (needs[row] !== periodNeed) flagged.push(row)
      })
    }
    return failuresAt('Episodes', flagged, ['CIN'])
  },
}

/** An AD1 check on the adopters' legal status and genders. */
function adoptersRule(code: string, failing: (legalStatus: Cell, sexes: Cell, count: Cell) => boolean): Rule {
  return {
    code,
    definedIn: 'lac2022_23',
    validate({ AD1 }) {
      if (!AD1) return []
      const legalStatus = column(AD1, 'LS_ADOPTR')
      const sexes = column(AD1, 'SEX_ADOPTR')
      const count = column(AD1, 'NB_ADOPTR')
      return failuresWhere('AD1', AD1, code === '511' ? ['NB_ADOPTR', 'SEX_ADOPTR'] : ['LS_ADOPTR', 'SEX_ADOPTR'],
        (row) => failing(legalStatus[row] ?? null, sexes[row] ?? null, count[row] ?? null))
    },
  }
}

const COUPLES = new Set(['MM', 'FF', 'MF'])
const SAME_SEX_COUPLES = new Set(['MM', 'FF'])
const SINGLE_ADOPTERS = new Set(['M1', 'F1'])

const adoptersRules = [
  adoptersRule('511', (_ls, sexes, count) => isNumber(count, 2) && sexes !== null && !COUPLES.has(sexes)),
  adoptersRule('514', (ls, sexes) => ls === 'L0' && (sexes === null || !SINGLE_ADOPTERS.has(sexes))),
  adoptersRule('517', (ls, sexes) => ls === 'L3' && sexes !== 'MF'),
  adoptersRule('518', (ls, sexes) => ls === 'L4' && (sexes === null || !SAME_SEX_COUPLES.has(sexes))),
  adoptersRule('519', (ls, sexes) => ls === 'L2' && (sexes === null || !COUPLES.has(sexes))),
  adoptersRule('520', (ls, sexes) => ls === 'L11' && sexes !== null && SAME_SEX_COUPLES.has(sexes)),
  adoptersRule('524', (ls, sexes) => ls === 'L12' && (sexes === null || !SAME_SEX_COUPLES.has(sexes))),
]

const rule516: Rule = {
  code: '516',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const reasons = column(Episodes, 'REC')
    const places = column(Episodes, 'PLACE')
    return failuresWhere('Episodes', Episodes, ['REC', 'PLACE'], (row) => {
      const place = places[row] ?? null
      return (reasons[row] === 'E45' || reasons[row] === 'E46') && (place === null || !FOSTER_PLACE.has(place))
    })
  },
}

const rule521: Rule = {
  code: '521',
  definedIn: 'lac2022_23',
  validate({ Episodes, AD1 }) {
    if (!Episodes || !AD1) return []
    const decided = dayByChild(AD1, 'DATE_INT')
    const adRows = rowsBy(AD1)
    const places = column(Episodes, 'PLACE')
    const starts = dayColumn(Episodes, 'DECOM')
    const episodeRows: number[] = []
    const ad1Rows: number[] = []
    column(Episodes, 'CHILD').forEach((child, row) => {
      const place = places[row] ?? null
      if (child === null || place === null || !ADOPTION_PLACE.has(place)) return
      if (isAfter(decided.get(child), starts[row])) {
        episodeRows.push(row)
        ad1Rows.push(...(adRows.get(child) ?? []))
      }
    })
    return [
      ...failuresAt('Episodes', episodeRows, ['PLACE', 'DECOM']),
      ...failuresAt('AD1', ad1Rows, ['DATE_INT']),
    ]
  },
}

const rule522: Rule = {
  code: '522',
  definedIn: 'lac2022_23',
  validate({ PlacedAdoption }) {
    if (!PlacedAdoption) return []
    const decided = dayColumn(PlacedAdoption, 'DATE_PLACED')
    const ceased = dayColumn(PlacedAdoption, 'DATE_PLACED_CEASED')
    return failuresWhere('PlacedAdoption', PlacedAdoption, ['DATE_PLACED', 'DATE_PLACED_CEASED'],
      (row) => isAfter(decided[row], ceased[row]))
  },
}

const rule523: Rule = {
  code: '523',
  definedIn: 'lac2022_23',
  validate({ AD1, PlacedAdoption }) {
    if (!AD1 || !PlacedAdoption) return []
    const decided = dayColumn(PlacedAdoption, 'DATE_PLACED')
    const bestInterest = dayColumn(AD1, 'DATE_INT')
    const adRows = rowsBy(AD1)
    const placedRows: number[] = []
    const ad1Rows: number[] = []
    column(PlacedAdoption, 'CHILD').forEach((child, row) => {
      const day = decided[row]
      if (child === null || day === null || day === undefined) return
      for (const adRow of adRows.get(child) ?? []) {
        const interest = bestInterest[adRow]
        if (interest !== null && interest !== undefined && interest !== day) {
          placedRows.push(row)
          ad1Rows.push(adRow)
        }
      }
    })
    return [
      ...failuresAt('PlacedAdoption', placedRows, ['DATE_PLACED']),
      ...failuresAt('AD1', ad1Rows, ['DATE_INT']),
    ]
  },
}

const AD1_FIELDS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR']

const rule525: Rule = {
  code: '525',
  definedIn: 'lac2022_23',
  validate({ PlacedAdoption, AD1 }) {
    if (!PlacedAdoption || !AD1) return []
    const fields = AD1_FIELDS.map((name) => column(AD1, name))
    const withAdoption = new Map<string, number[]>()
    for (const [child, rows] of rowsBy(AD1)) {
      const completed = rows.filter((row) => fields.some((values) => values[row] !== null))
      if (completed.length > 0) withAdoption.set(child, completed)
    }
    const ceased = column(PlacedAdoption, 'DATE_PLACED_CEASED')
    const placedRows: number[] = []
    const ad1Rows: number[] = []
    column(PlacedAdoption, 'CHILD').forEach((child, row) => {
      const adopted = child === null ? undefined : withAdoption.get(child)
      if (adopted && ceased[row] !== null) {
        placedRows.push(row)
        ad1Rows.push(...adopted)
      }
    })
    return [
      ...failuresAt('PlacedAdoption', placedRows, ['DATE_PLACED_CEASED']),
      ...failuresAt('AD1', ad1Rows, AD1_FIELDS),
    ]
  },
}

/** Placements that need no provider from 2025/26: temporary moves and the other placements Z11-Z14. */
const NO_PROVIDER_NEEDED = new Set([...TEMPORARY_PLACE, 'Z11', 'Z12', 'Z13', 'Z14'])

const rule526: Rule = {
  code: '526',
  definedIn: 'lac2025_26',
  validate({ Episodes }) {
    if (!Episodes) return []
    const places = column(Episodes, 'PLACE')
    const providers = column(Episodes, 'PLACE_PROVIDER')
    return failuresWhere('Episodes', Episodes, ['PLACE', 'PLACE_PROVIDER'], (row) => {
      const place = places[row] ?? null
      return place !== null && !NO_PROVIDER_NEEDED.has(place) && providers[row] === null
    })
  },
}

/** A provider that cannot provide the listed placements (or, with `onlyWith`, any other placement). */
function providerRule(code: string, provider: string, places: string[], onlyWith = false): Rule {
  const listed = new Set(places)
  return {
    code,
    definedIn: 'lac2022_23',
    validate({ Episodes }) {
      if (!Episodes) return []
      const placeColumn = column(Episodes, 'PLACE')
      const providers = column(Episodes, 'PLACE_PROVIDER')
      return failuresWhere('Episodes', Episodes, ['PLACE', 'PLACE_PROVIDER'], (row) => {
        const place = placeColumn[row] ?? null
        const isListed = place !== null && listed.has(place)
        return providers[row] === provider && (onlyWith ? !isListed : isListed)
      })
    },
  }
}

const providerRules = [
  providerRule('527', 'PR1', ['P1', 'R2', 'R5']),
  providerRule('528', 'PR2', ['P1', 'R2', 'R5']),
  providerRule('529', 'PR3', ['P1', ...ADOPTION_PLACE, 'K1', 'K2', ...FOSTER_PLACE]),
  providerRule('530', 'PR4', ['P1']),
  providerRule('531', 'PR5', ['P1']),
  providerRule('550', 'PR0', ['P1'], true),
]

/** A test on OC2 rows: the child's date of birth is known and satisfies `ageFits`. */
function oc2ByAge(OC2: Table, ageFits: (dob: number) => boolean): (row: number) => boolean {
  const dobs = dayColumn(OC2, 'DOB')
  return (row) => {
    const dob = dobs[row]
    return dob !== null && dob !== undefined && ageFits(dob)
  }
}

const rule542: Rule = {
  code: '542',
  definedIn: 'lac2022_23',
  validate({ OC2 }, { collectionEnd }) {
    if (!OC2) return []
    const convicted = column(OC2, 'CONVICTED')
    const under10 = oc2ByAge(OC2, (dob) => !isAtLeastAge(dob, 10, collectionEnd))
    return failuresWhere('OC2', OC2, ['CONVICTED'], (row) => under10(row) && convicted[row] !== null)
  },
}

/** OC2 rows of the 12-month cohort whose age at 31 March fits and whose field is blank. */
function cohortFieldRule(code: string, field: string, ageFits: (dob: number, end: number) => boolean): Rule {
  return {
    code,
    definedIn: 'lac2022_23',
    validate({ OC2, Episodes }, context) {
      if (!OC2 || !Episodes) return []
      const cohort = continuouslyLookedAfter(Episodes, context)
      const children = column(OC2, 'CHILD')
      const values = column(OC2, field)
      const fits = oc2ByAge(OC2, (dob) => ageFits(dob, context.collectionEnd))
      return failuresWhere('OC2', OC2, ['DOB', field], (row) => {
        const child = children[row] ?? null
        return child !== null && cohort.has(child) && fits(row) && values[row] === null
      })
    },
  }
}

/** OC2 rows where `flag` is 1 but one of the health fields that must go with it is blank. */
function healthFieldsRule(code: string, flag: string): Rule {
  const fields = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE']
  return {
    code,
    definedIn: 'lac2022_23',
    validate({ OC2 }) {
      if (!OC2) return []
      const flags = column(OC2, flag)
      const values = fields.map((name) => column(OC2, name))
      return failuresWhere('OC2', OC2, [flag, ...fields],
        (row) => isNumber(flags[row] ?? null, 1) && values.some((value) => value[row] === null))
    },
  }
}

const rule546: Rule = {
  code: '546',
  definedIn: 'lac2022_23',
  validate({ OC2 }, { collectionEnd }) {
    if (!OC2) return []
    const checks = column(OC2, 'HEALTH_CHECK')
    const aged5 = oc2ByAge(OC2, (dob) => isAtLeastAge(dob, 5, collectionEnd))
    return failuresWhere('OC2', OC2, ['DOB', 'HEALTH_CHECK'], (row) => aged5(row) && checks[row] !== null)
  },
}

export const rules: Rule[] = [
  rule501, rule502, ...rules503, rule504, ...adoptersRules, rule516, rule521, rule522, rule523, rule525, rule526,
  ...providerRules, rule542,
  cohortFieldRule('543', 'CONVICTED', (dob, end) => isAtLeastAge(dob, 10, end)),
  healthFieldsRule('544', 'CONVICTED'),
  cohortFieldRule('545', 'HEALTH_CHECK', (dob, end) => !isAtLeastAge(dob, 5, end)),
  rule546,
  healthFieldsRule('547', 'HEALTH_CHECK'),
]
