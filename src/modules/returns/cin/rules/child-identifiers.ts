// CIN census rules on the ChildIdentifiers module: LA child ID, UPN, sex and the child's dates.
import { upnCheckLetter } from '../../../../platform/identifiers/upn.js'
import type { Rule } from '../../validation/rule.js'
import { LA_NUMBERS, SEX, UPN_UNKNOWN_NFA, UPN_UNKNOWN_NOT_SCHOOL_AGE } from '../codes.js'
import {
  Failures, byChild, census, childKey, cinRule, codeListRule, day, groupRows, inCensusYearRule, isNo, isYes, keyOf,
  notAfterCensusRule, present, rowRule, sameDayYearsLater, view, type View,
} from '../rule-kit.js'

const CHILDREN = 'ChildIdentifiers'

function upnOf(get: (column: string) => string | null, column = 'UPN'): string | null {
  const value = get(column)
  return present(value) ? value.trim().toUpperCase() : null
}

/** Rows sharing a value in a column, each such row flagged in a group named by the value. */
function duplicatesRule(code: string, column: string, fields: string[]): Rule {
  return cinRule(code, 'cin2022_23', (tables) => {
    const children = view(tables, CHILDREN)
    const failures = new Failures()
    const groups = groupRows(children, (row) => {
      const value = children.get(row, column)
      return present(value) ? value.trim() : null
    })
    for (const [value, group] of groups) {
      if (group.length > 1) for (const row of group) failures.add(children, row, fields, value)
    }
    return failures.toArray()
  })
}

/** Unborn: an expected date of birth and no date of birth. */
function isUnborn(children: View, row: number): boolean {
  return !present(children.get(row, 'PersonBirthDate')) && present(children.get(row, 'ExpectedPersonBirthDate'))
}

// A UPN's character checks each apply once the UPN reaches that character: a UPN of the wrong length is a schema
// error, reported when the XML is read.
const upnCharacterRules: Rule[] = [
  rowRule('1510', 'cin2022_23', CHILDREN, ['UPN'], (get) => {
    const upn = upnOf(get)
    if (upn === null || !/^.\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(upn)) return false
    return upnCheckLetter(upn.slice(1)) !== upn[0]
  }),
  rowRule('1530', 'cin2023_24', CHILDREN, ['UPN'], (get) => {
    const upn = upnOf(get)
    return upn !== null && upn.length >= 4 && !LA_NUMBERS.has(upn.slice(1, 4))
  }),
  rowRule('1540', 'cin2022_23', CHILDREN, ['UPN'], (get) => {
    const upn = upnOf(get)
    return upn !== null && upn.length >= 12 && !/^\d{8}$/.test(upn.slice(4, 12))
  }),
  rowRule('1550', 'cin2022_23', CHILDREN, ['UPN'], (get) => {
    const upn = upnOf(get)
    return upn !== null && upn.length >= 13 && !/^[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(upn[12]!)
  }),
  rowRule('1560Q', 'cin2022_23', CHILDREN, ['FormerUPN'], (get) => {
    const former = get('FormerUPN')
    return present(former) && !/^[A-Za-z]\d{11}[0-9A-Za-z]$/.test(former.trim())
  }),
]

const identityRules: Rule[] = [
  duplicatesRule('1520', 'UPN', ['UPN']),
  rowRule('1570', 'cin2024_25', CHILDREN, ['LAchildID'], (get) => (get('LAchildID')?.trim().length ?? 0) > 20),
  rowRule('1580', 'cin2024_25', CHILDREN, ['LAchildID'], (get) => /[^A-Za-z0-9]/.test(get('LAchildID')?.trim() ?? '')),
  rowRule('8500', 'cin2022_23', CHILDREN, ['LAchildID'], (get) => !present(get('LAchildID'))),
  duplicatesRule('8510', 'LAchildID', ['LAchildID']),
  codeListRule('4180', 'cin2024_25', CHILDREN, 'Sex', SEX),
  cinRule('8590', 'cin2022_23', (tables) => {
    const children = view(tables, CHILDREN)
    const episodes = byChild(view(tables, 'CINdetails'))
    const failures = new Failures()
    for (let row = 0; row < children.size; row++) {
      if (!episodes.has(childKey(children, row))) failures.add(children, row, ['LAchildID'], childKey(children, row))
    }
    return failures.toArray()
  }),
  cinRule('2886Q', 'cin2024_25', (tables) => {
    const children = view(tables, CHILDREN)
    let born = 0
    let noSex = 0
    for (let row = 0; row < children.size; row++) {
      if (isUnborn(children, row)) continue
      born++
      const sex = children.get(row, 'Sex')?.trim() ?? ''
      if (sex === '' || sex === 'U') noSex++
    }
    const failures = new Failures()
    if (born > 0 && noSex / born > 0.02) failures.addReturnLevel(CHILDREN, ['Sex'])
    return failures.toArray()
  }),
]

const dateRules: Rule[] = [
  notAfterCensusRule('8520', 'cin2022_23', CHILDREN, 'PersonBirthDate', true),
  rowRule('8525Q', 'cin2022_23', CHILDREN, ['PersonBirthDate', 'ExpectedPersonBirthDate'], (get) =>
    present(get('PersonBirthDate')) === present(get('ExpectedPersonBirthDate')),
  ),
  rowRule('8530Q', 'cin2022_23', CHILDREN, ['ExpectedPersonBirthDate'], (get, year) => {
    const expected = day(get('ExpectedPersonBirthDate'))
    if (expected === null) return false
    const endYear = new Date(year.end * 86_400_000).getUTCFullYear()
    return expected < Date.UTC(endYear, 2, 1) / 86_400_000 || expected > Date.UTC(endYear, 11, 31) / 86_400_000
  }),
  rowRule('8535Q', 'cin2022_23', CHILDREN, ['PersonDeathDate', 'PersonBirthDate'], (get) => {
    const death = day(get('PersonDeathDate'))
    if (death === null) return false
    const birth = day(get('PersonBirthDate'))
    return birth === null || death < birth
  }),
  inCensusYearRule('8545Q', 'cin2022_23', CHILDREN, 'PersonDeathDate'),
  cinRule('8750', 'cin2024_25', (tables) => {
    const children = view(tables, CHILDREN)
    const failures = new Failures()
    for (let row = 0; row < children.size; row++) {
      if (isUnborn(children, row) && children.get(row, 'Sex')?.trim() !== 'U') {
        failures.add(children, row, ['Sex', 'PersonBirthDate', 'ExpectedPersonBirthDate'])
      }
    }
    return failures.toArray()
  }),
  cinRule('8775Q', 'cin2022_23', (tables, context) => {
    const children = view(tables, CHILDREN)
    const episodes = view(tables, 'CINdetails')
    const year = census(tables, context)
    const episodesByChild = byChild(episodes)
    const failures = new Failures()
    for (let row = 0; row < children.size; row++) {
      const birth = day(children.get(row, 'PersonBirthDate'))
      if (birth === null) continue
      const twentyFifthBirthday = sameDayYearsLater(birth, 25)
      for (const episode of episodesByChild.get(childKey(children, row)) ?? []) {
        const asAt = day(episodes.get(episode, 'CINclosureDate')) ?? year.end
        if (asAt > twentyFifthBirthday) {
          const group = keyOf(children.get(row, 'LAchildID'), episodes.get(episode, 'CINdetailsID'))
          failures.add(children, row, ['PersonBirthDate'], group).add(episodes, episode, ['CINclosureDate'], group)
        }
      }
    }
    return failures.toArray()
  }),
]

/** Born on or before 31 August five years before the census year starts, and under 16 then: of school age. */
function isSchoolAge(birth: number, censusStart: number): boolean {
  const startYear = new Date(censusStart * 86_400_000).getUTCFullYear()
  return birth <= Date.UTC(startYear - 5, 7, 31) / 86_400_000 && birth >= Date.UTC(startYear - 16, 8, 1) / 86_400_000
}

const upnReasonRules: Rule[] = [
  cinRule('8770Q', 'cin2024_25', (tables, context) => {
    const children = view(tables, CHILDREN)
    const episodes = view(tables, 'CINdetails')
    const year = census(tables, context)
    const furtherAction = new Set<string>()
    for (let row = 0; row < episodes.size; row++) {
      if (isNo(episodes.get(row, 'ReferralNFA'))) furtherAction.add(childKey(episodes, row))
    }
    const failures = new Failures()
    for (let row = 0; row < children.size; row++) {
      const birth = day(children.get(row, 'PersonBirthDate'))
      const reason = children.get(row, 'UPNunknown')?.trim() ?? ''
      if (
        birth !== null && isSchoolAge(birth, year.start) && !present(children.get(row, 'UPN')) &&
        (reason === '' || reason === UPN_UNKNOWN_NOT_SCHOOL_AGE) && furtherAction.has(childKey(children, row))
      ) {
        failures.add(children, row, ['UPN', 'UPNunknown'], childKey(children, row))
      }
    }
    return failures.toArray()
  }),
  cinRule('8772', 'cin2022_23', (tables) => {
    const children = view(tables, CHILDREN)
    const episodes = view(tables, 'CINdetails')
    const episodesByChild = byChild(episodes)
    const failures = new Failures()
    for (let row = 0; row < children.size; row++) {
      if (children.get(row, 'UPNunknown')?.trim() !== UPN_UNKNOWN_NFA) continue
      for (const episode of episodesByChild.get(childKey(children, row)) ?? []) {
        if (isYes(episodes.get(episode, 'ReferralNFA'))) continue
        const group = childKey(children, row)
        failures.add(children, row, ['UPNunknown'], group).add(episodes, episode, ['ReferralNFA'], group)
      }
    }
    return failures.toArray()
  }),
]

export const childIdentifierRules: Rule[] = [...upnCharacterRules, ...identityRules, ...dateRules, ...upnReasonRules]
