// Which rules Kindred applies to a return: the catalogue kept in the repository for the collection year.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { availableRulesets, RULES_DIR, rulesetForYear, rulesetNamed } from './rulesets.js'
import { returnsDir } from '../../../test/support/shared.js'

describe('returns rulesets', () => {
  it('keeps the DfE rule catalogues unchanged', () => {
    for (const name of [...availableRulesets('903').map((n) => `903_rules_${n}`), ...availableRulesets('cin').map((n) => `cin_rules_${n}`)]) {
      expect(readFileSync(path.join(RULES_DIR, `${name}.csv`), 'utf8'), name)
        .toBe(readFileSync(path.join(returnsDir, 'rules', `${name}.csv`), 'utf8'))
    }
  })

  it('picks the collection year\'s own rules, or the latest earlier ones DfE has published', () => {
    expect(rulesetForYear('903', 2026)?.name).toBe('lac2025_26')
    expect(rulesetForYear('903', 2027)?.name).toBe('lac2026_27')
    expect(rulesetForYear('cin', 2026)?.name).toBe('cin2025_26')
    expect(rulesetForYear('cin', 2027)?.name).toBe('cin2025_26')
    expect(rulesetForYear('903', 2020)).toBeNull()
  })

  it('gives every rule its code, message and kind', () => {
    const cin = rulesetNamed('cin2025_26')!
    expect(cin.rules.find((r) => r.code === '8770Q')).toMatchObject({ kind: 'Query' })
    expect(cin.rules.find((r) => r.code === '100')).toMatchObject({ kind: 'Error', message: 'Reference Date is incorrect' })
    expect(rulesetNamed('lac2025_26')!.rules.find((r) => r.code === '3001')?.message).toContain('17th birthday')
    expect(rulesetNamed('lac1999_00')).toBeNull()
  })
})
