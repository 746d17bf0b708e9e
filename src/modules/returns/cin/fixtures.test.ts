// Runs every rule in the 2025/26 CIN census ruleset against its DfE test case (the fixture of the version in force).
// Row-level outputs compare as the set of flagged (table, row label) pairs, whatever their grouping; return-level
// queries (`la_level`) compare whether the query fires.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFixture, type FixtureCall } from '../validation/fixtures.js'
import type { Rule } from '../validation/rule.js'
import { fixtureException, fixtureExceptions, renameColumns } from '../fixture-exceptions.js'
import { cinRules } from './rules/index.js'
import { cinRulesetFromCsv, loadCinRuleset } from './ruleset.js'
import { RULES_DIR } from '../rulesets.js'
import { returnsDir } from '../../../../test/support/shared.js'

// The rule catalogues are the repository's own (spec/rules); the test cases are the shared returns material.
const FIXTURES_DIR = path.join(returnsDir, 'fixtures', 'cin')
const RULESET = 'cin2025_26'

interface Flags {
  rows: string[]
  returnLevel: boolean
}

interface Group {
  table: string
  row_df: { rows: [unknown, unknown[]][] }
}

interface CinOutput {
  issues?: { table: string; row: unknown }[] | null
  type1?: Group | Group[] | null
  type2?: Group | Group[] | null
  type3?: Group | Group[] | null
  la_level?: unknown
}

function expectedFlags(output: CinOutput): Flags {
  const rows = new Set<string>()
  for (const issue of output.issues ?? []) rows.add(`${issue.table}:${String(issue.row)}`)
  for (const groups of [output.type1, output.type2, output.type3]) {
    for (const group of groups ? [groups].flat() : []) {
      for (const [, rowIds] of group.row_df.rows) for (const id of rowIds) rows.add(`${group.table}:${String(id)}`)
    }
  }
  return { rows: [...rows].sort(), returnLevel: output.la_level !== null && output.la_level !== undefined }
}

function actualFlags(rule: Rule, call: FixtureCall): Flags {
  const rows = new Set<string>()
  let returnLevel = false
  for (const failure of rule.validate(call.tables, call.context)) {
    if (failure.returnLevel) returnLevel = true
    else rows.add(`${failure.table}:${call.labels[failure.table]?.[failure.row] ?? `<no row ${failure.row}>`}`)
  }
  return { rows: [...rows].sort(), returnLevel }
}

describe(`CIN census ${RULESET} rule test cases`, () => {
  const entries = loadCinRuleset(RULESET, RULES_DIR)

  for (const entry of entries) {
    const name = `${entry.code} (${entry.definedIn})`
    const exception = fixtureException(entry.definedIn, entry.code)
    const rule = entry.rule
    if (!rule) {
      it.todo(`${name}: not implemented yet`)
      continue
    }
    it(exception ? `${name}, documented exception: ${exception.reason}` : name, () => {
      const fixture = loadFixture(path.join(FIXTURES_DIR, entry.definedIn, `${entry.code}.json`))
      fixture.calls.forEach((call, index) => {
        renameColumns(call, exception?.renamedColumns ?? {})
        const expected = expectedFlags(call.output as CinOutput)
        if (exception?.flags) {
          expected.rows = Object.entries(exception.flags).flatMap(([table, labels]) => labels.map((label) => `${table}:${label}`)).sort()
        }
        expect(actualFlags(rule, call), `call ${index}`).toEqual(expected)
      })
    })
  }

  it('implements every rule in the ruleset', () => {
    const missing = entries.filter((entry) => entry.rule === null).map((entry) => `${entry.code} (${entry.definedIn})`)
    expect(missing).toEqual([])
  })

  it('has a test case for every rule version it lists', () => {
    const withoutCase = entries.filter((e) => !existsSync(path.join(FIXTURES_DIR, e.definedIn, `${e.code}.json`)))
    expect(withoutCase.map((e) => e.code)).toEqual([])
  })

  it('keeps each exception to a rule version in the ruleset', () => {
    const stale = fixtureExceptions.filter((e) => e.ruleset.startsWith('cin') && !entries.some((x) => x.code === e.code && x.definedIn === e.ruleset))
    expect(stale).toEqual([])
  })

  it('has one implementation per rule version', () => {
    const versions = cinRules.map((rule) => `${rule.code}@${rule.definedIn}`)
    expect(versions.length).toBe(new Set(versions).size)
  })

  it('reads rule type, module and fields from the catalogue', () => {
    const text = readFileSync(path.join(RULES_DIR, `cin_rules_${RULESET}.csv`), 'utf8')
    const entry = cinRulesetFromCsv(text).find((e) => e.code === '8770Q')
    expect(entry).toMatchObject({ kind: 'Query', module: 'ChildIdentifiers', fields: ['UPNunknown'] })
  })
})
