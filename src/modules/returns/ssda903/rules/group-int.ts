// SSDA903 internal consistency checks between the return's tables (INT01-INT36), EPI (a child with no episodes)
// and NoE (a child in care before this year with no episodes last year).
import type { Rule } from '../../validation/rule.js'
import type { Cell } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import { dayColumn, failuresAt, failuresWhere, firstRowBy, rowsBy, valueSet } from '../helpers.js'
import { MALE, FEMALE } from '../codes.js'
import { isAfter } from './group-300-499-support.js'
import { sameValue } from './group-500-plus-support.js'

/** INT01-INT09: every child in the table must be in the Header. */
function inHeaderRule(code: string, table: string): Rule {
  return {
    code,
    definedIn: 'lac2022_23',
    validate(tables) {
      const { Header } = tables
      const checked = tables[table]
      if (!Header || !checked) return []
      const known = valueSet(Header)
      const children = column(checked, 'CHILD')
      return failuresWhere(table, checked, ['CHILD'], (row) => {
        const child = children[row] ?? null
        return child !== null && !known.has(child)
      })
    },
  }
}

/** SEX as M or F whichever coding the table uses (1/2 before 2024/25). */
function normalisedSex(value: Cell): Cell {
  if (value === null) return null
  if (MALE.has(value)) return 'M'
  if (FEMALE.has(value)) return 'F'
  return value
}

/** INT11-INT21: a field of the child's row in the table must match the child's Header row. */
function matchesHeaderRule(code: string, table: string, field: 'DOB' | 'SEX'): Rule {
  const same = field === 'SEX' ? (a: Cell, b: Cell) => normalisedSex(a) === normalisedSex(b) : sameValue
  return {
    code,
    definedIn: 'lac2022_23',
    validate(tables) {
      const { Header } = tables
      const checked = tables[table]
      if (!Header || !checked) return []
      const headerRows = firstRowBy(Header)
      const headerValues = column(Header, field)
      const children = column(checked, 'CHILD')
      const values = column(checked, field)
      return failuresWhere(table, checked, [field], (row) => {
        const headerRow = headerRows.get(children[row] ?? '')
        return headerRow !== undefined && !same(values[row] ?? null, headerValues[headerRow] ?? null)
      })
    },
  }
}

/** INT31-INT36: a child must have only one row in the table. */
function onceOnlyRule(code: string, table: string): Rule {
  return {
    code,
    definedIn: 'lac2022_23',
    validate(tables) {
      const checked = tables[table]
      if (!checked) return []
      const repeated = [...rowsBy(checked).values()].filter((rows) => rows.length > 1).flat()
      return failuresAt(table, repeated, ['CHILD'])
    },
  }
}

const ruleEPI: Rule = {
  code: 'EPI',
  definedIn: 'lac2022_23',
  validate({ Header, Episodes }) {
    if (!Header || !Episodes) return []
    const withEpisodes = valueSet(Episodes)
    const children = column(Header, 'CHILD')
    return failuresWhere('Header', Header, ['CHILD'], (row) => {
      const child = children[row] ?? null
      return child !== null && !withEpisodes.has(child)
    })
  },
}

const ruleNoE: Rule = {
  code: 'NoE',
  definedIn: 'lac2022_23',
  validate({ Episodes, Episodes_last }, { collectionStart }) {
    if (!Episodes || !Episodes_last) return []
    const lastYear = valueSet(Episodes_last)
    const children = column(Episodes, 'CHILD')
    const starts = dayColumn(Episodes, 'DECOM')
    return failuresWhere('Episodes', Episodes, ['DECOM'], (row) => {
      const child = children[row] ?? null
      return child !== null && isAfter(collectionStart, starts[row]) && !lastYear.has(child)
    })
  },
}

export const rules: Rule[] = [
  inHeaderRule('INT01', 'AD1'),
  inHeaderRule('INT02', 'PlacedAdoption'),
  inHeaderRule('INT03', 'Episodes'),
  inHeaderRule('INT04', 'Missing'),
  inHeaderRule('INT05', 'OC2'),
  inHeaderRule('INT06', 'OC3'),
  inHeaderRule('INT07', 'PrevPerm'),
  inHeaderRule('INT08', 'Reviews'),
  inHeaderRule('INT09', 'UASC'),
  matchesHeaderRule('INT11', 'AD1', 'DOB'),
  matchesHeaderRule('INT12', 'PlacedAdoption', 'DOB'),
  matchesHeaderRule('INT13', 'Missing', 'DOB'),
  matchesHeaderRule('INT14', 'OC2', 'DOB'),
  matchesHeaderRule('INT15', 'OC3', 'DOB'),
  matchesHeaderRule('INT16', 'PrevPerm', 'DOB'),
  matchesHeaderRule('INT17', 'Reviews', 'DOB'),
  matchesHeaderRule('INT18', 'UASC', 'DOB'),
  matchesHeaderRule('INT21', 'UASC', 'SEX'),
  onceOnlyRule('INT31', 'AD1'),
  onceOnlyRule('INT32', 'Header'),
  onceOnlyRule('INT33', 'OC2'),
  onceOnlyRule('INT34', 'OC3'),
  onceOnlyRule('INT35', 'PrevPerm'),
  onceOnlyRule('INT36', 'UASC'),
  ruleEPI,
  ruleNoE,
]
