// Runs every rule in the 2025/26 and 2026/27 SSDA903 rulesets against its DfE test case (the fixture of the
// version in force) and compares the flagged row labels, table by table.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFixture, type FixtureCall } from '../validation/fixtures.js'
import type { Rule } from '../validation/rule.js'
import { fixtureExceptions } from './fixture-exceptions.js'
import { loadRuleset } from './ruleset.js'

// The shared returns material (README.md there); not part of the repository.
const RETURNS_DIR = '/work/shared/returns'
const RULES_DIR = path.join(RETURNS_DIR, 'rules')
const FIXTURES_DIR = path.join(RETURNS_DIR, 'fixtures', 'ssda903')
const RULESETS = ['lac2025_26', 'lac2026_27']

type Flags = Record<string, string[]>

/** The expected output as sorted labels per table, leaving out tables with nothing flagged. */
function expectedFlags(output: unknown): Flags {
  const flags: Flags = {}
  for (const [table, labels] of Object.entries(output as Record<string, unknown[]>)) {
    if (labels.length > 0) flags[table] = labels.map(String).sort()
  }
  return flags
}

function actualFlags(rule: Rule, call: FixtureCall): Flags {
  const flags: Record<string, Set<string>> = {}
  for (const failure of rule.validate(call.tables, call.context)) {
    const label = call.labels[failure.table]?.[failure.row] ?? `<no row ${failure.row}>`
    ;(flags[failure.table] ??= new Set()).add(label)
  }
  return Object.fromEntries(Object.entries(flags).map(([table, labels]) => [table, [...labels].sort()]))
}

for (const ruleset of RULESETS) {
  describe(`SSDA903 ${ruleset} rule test cases`, () => {
    const entries = loadRuleset(ruleset, RULES_DIR)

    for (const entry of entries) {
      const name = `${entry.code} (${entry.definedIn})`
      const exception = fixtureExceptions.find((e) => e.ruleset === entry.definedIn && e.code === entry.code)
      const rule = entry.rule
      if (!rule) {
        it.todo(`${name}: not implemented yet`)
      } else if (exception) {
        it.skip(`${name}: documented exception: ${exception.reason}`)
      } else {
        it(name, () => {
          const fixture = loadFixture(path.join(FIXTURES_DIR, entry.definedIn, `${entry.code}.json`))
          fixture.calls.forEach((call, index) => {
            expect(actualFlags(rule, call), `call ${index}`).toEqual(expectedFlags(call.output))
          })
        })
      }
    }

    it('has a test case for every rule version it lists', () => {
      const withoutCase = entries.filter((e) => !existsSync(path.join(FIXTURES_DIR, e.definedIn, `${e.code}.json`)))
      expect(withoutCase.map((e) => `${e.code} (${e.definedIn})`)).toEqual([])
    })

    // Enabled by the lead once the 100-299, 300-499 and 500+ rule groups are all in.
    it.skip('implements every rule it lists', () => {
      expect(entries.filter((e) => !e.rule).map((e) => `${e.code} (${e.definedIn})`)).toEqual([])
    })
  })
}
