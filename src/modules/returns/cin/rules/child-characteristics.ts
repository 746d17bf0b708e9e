// CIN census rules on the ChildCharacteristics module: ethnicity and disabilities.
import type { Rule } from '../../validation/rule.js'
import { DISABILITY, ETHNICITY } from '../codes.js'
import {
  Failures, byChild, childKey, cinRule, codeListRule, groupRows, isNo, keyOf, present, view,
} from '../rule-kit.js'

const NO_DISABILITY = 'NONE'

function disabilityCode(cell: string | null): string | null {
  return present(cell) ? cell.trim() : null
}

export const childCharacteristicRules: Rule[] = [
  codeListRule('4220', 'cin2022_23', 'ChildCharacteristics', 'Ethnicity', ETHNICITY),

  // A born child with a referral that led to further action needs valid disability codes (NONE when none).
  cinRule('8540', 'cin2022_23', (tables) => {
    const children = view(tables, 'ChildIdentifiers')
    const disabilities = view(tables, 'Disabilities')
    const episodes = view(tables, 'CINdetails')
    const disabilitiesByChild = byChild(disabilities)
    const furtherActionByChild = groupRows(episodes, (row) => (isNo(episodes.get(row, 'ReferralNFA')) ? childKey(episodes, row) : null))
    const failures = new Failures()
    for (let row = 0; row < children.size; row++) {
      const child = childKey(children, row)
      const furtherAction = furtherActionByChild.get(child)
      if (!present(children.get(row, 'PersonBirthDate')) || !furtherAction) continue
      const recorded = disabilitiesByChild.get(child) ?? []
      const faulty = recorded.filter((d) => !DISABILITY.has(disabilityCode(disabilities.get(d, 'Disability')) ?? ''))
      if (recorded.length > 0 && faulty.length === 0) continue
      failures.add(children, row, ['PersonBirthDate'], child)
      for (const d of faulty) failures.add(disabilities, d, ['Disability'], child)
      for (const episode of furtherAction) failures.add(episodes, episode, ['ReferralNFA'], child)
    }
    return failures.toArray()
  }),

  cinRule('8790', 'cin2022_23', (tables) => {
    const disabilities = view(tables, 'Disabilities')
    const failures = new Failures()
    for (const [child, group] of byChild(disabilities)) {
      const codes = group.map((row) => disabilityCode(disabilities.get(row, 'Disability')))
      if (!codes.includes(NO_DISABILITY)) continue
      group.forEach((row, i) => {
        if (codes[i] !== null && codes[i] !== NO_DISABILITY) failures.add(disabilities, row, ['Disability'], child)
      })
    }
    return failures.toArray()
  }),

  cinRule('8794', 'cin2022_23', (tables) => {
    const disabilities = view(tables, 'Disabilities')
    const failures = new Failures()
    const sameCode = groupRows(disabilities, (row) => {
      const code = disabilityCode(disabilities.get(row, 'Disability'))
      return code === null ? null : keyOf(disabilities.get(row, 'LAchildID'), code)
    })
    for (const [key, group] of sameCode) {
      if (group.length > 1) for (const row of group) failures.add(disabilities, row, ['Disability'], key)
    }
    return failures.toArray()
  }),

  cinRule('2887Q', 'cin2022_23', (tables) => {
    const disabilities = view(tables, 'Disabilities')
    const used = new Set<string>()
    for (let row = 0; row < disabilities.size; row++) {
      const code = disabilityCode(disabilities.get(row, 'Disability'))
      if (code !== null && code !== NO_DISABILITY) used.add(code)
    }
    return used.size < 8 ? new Failures().addReturnLevel('Disabilities', ['Disability']).toArray() : []
  }),

  cinRule('2888Q', 'cin2022_23', (tables) => {
    const disabilities = view(tables, 'Disabilities')
    const failures = new Failures()
    const byChildCodes = byChild(disabilities)
    const someoneHasSeveral = [...byChildCodes.values()].some((group) => {
      const codes = new Set(group.map((row) => disabilityCode(disabilities.get(row, 'Disability'))))
      codes.delete(null)
      codes.delete(NO_DISABILITY)
      return codes.size > 1
    })
    if (byChildCodes.size > 0 && !someoneHasSeveral) failures.addReturnLevel('Disabilities', ['Disability'])
    return failures.toArray()
  }),
]

