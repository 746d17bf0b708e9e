// Runs every rule in the 2025/26 and 2026/27 SSDA903 rulesets against its DfE test case (the fixture of the
// version in force) and compares the flagged row labels, table by table.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFixture, parseFixture, type FixtureCall } from '../validation/fixtures.js'
import { parseDay } from '../validation/dates.js'
import type { Rule } from '../validation/rule.js'
import { fixtureException, fixtureExceptions, renameColumns } from '../fixture-exceptions.js'
import { loadRuleset, parseCsv, rulesetName } from './ruleset.js'
import { RULES_DIR } from '../rulesets.js'
import { returnsDir } from '../../../../test/support/shared.js'

// The rule catalogues are the repository's own (spec/rules); the test cases are the shared returns material.
const FIXTURES_DIR = path.join(returnsDir, 'fixtures', 'ssda903')
const RULESETS = ['lac2025_26', 'lac2026_27']

type Flags = Record<string, string[]>

/**
 * The expected output as sorted labels per table, leaving out tables with nothing flagged. A row is flagged or not:
 * some cases list a label more than once (an artefact of the DfE tool's table joins), so labels are de-duplicated.
 */
function expectedFlags(output: unknown): Flags {
  const flags: Flags = {}
  for (const [table, labels] of Object.entries(output as Record<string, unknown[]>)) {
    if (labels.length > 0) flags[table] = [...new Set(labels.map(String))].sort()
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
      const exception = fixtureException(entry.definedIn, entry.code)
      const rule = entry.rule
      if (!rule) {
        it.todo(`${name}: not implemented yet`)
      } else {
        const renamed = exception?.renamedColumns ?? {}
        const renaming = Object.entries(renamed).map(([from, to]) => `${from} as ${to}`).join(', ')
        const label = !exception ? name
          : exception.flags ? `${name}, documented exception (flags what the rule says instead): ${exception.reason}`
            : `${name}, reading the case's ${renaming} (documented exception)`
        it(label, () => {
          const fixture = loadFixture(path.join(FIXTURES_DIR, entry.definedIn, `${entry.code}.json`))
          fixture.calls.forEach((call, index) => {
            renameColumns(call, renamed)
            expect(actualFlags(rule, call), `call ${index}`).toEqual(exception?.flags ?? expectedFlags(call.output))
          })
        })
      }
    }

    it('has a test case for every rule version it lists', () => {
      const withoutCase = entries.filter((e) => !existsSync(path.join(FIXTURES_DIR, e.definedIn, `${e.code}.json`)))
      expect(withoutCase.map((e) => `${e.code} (${e.definedIn})`)).toEqual([])
    })

    it('implements every rule it lists', () => {
      expect(entries.filter((e) => !e.rule).map((e) => `${e.code} (${e.definedIn})`)).toEqual([])
    })
  })
}

describe('SSDA903 rule test case exceptions', () => {
  it('are each for a rule version in force in a ruleset tested here', () => {
    const tested = new Set(RULESETS.flatMap((ruleset) => loadRuleset(ruleset, RULES_DIR).map((e) => `${e.code}@${e.definedIn}`)))
    const stale = fixtureExceptions.filter((e) => e.ruleset.startsWith('lac') && !tested.has(`${e.code}@${e.ruleset}`))
    expect(stale).toEqual([])
  })
})

describe('SSDA903 ruleset selection and test case loading', () => {
  it('names the ruleset for the collection year ending 31 March', () => {
    expect(rulesetName(2026)).toBe('lac2025_26')
    expect(rulesetName(2027)).toBe('lac2026_27')
  })

  it('reads quoted CSV fields with commas and doubled quotes', () => {
    expect(parseCsv('code,message\n101,"Sex, as ""given"", is not valid"\n')).toEqual([
      ['code', 'message'], ['101', 'Sex, as "given", is not valid'],
    ])
  })

  it('lists each rule with the version in force and whether Kindred implements it', () => {
    const entry = loadRuleset('lac2026_27', RULES_DIR).find((e) => e.code === '101')
    expect(entry).toMatchObject({ code: '101', definedIn: 'lac2024_25', fields: ['SEX'], tables: ['Header'] })
    expect(entry?.rule?.definedIn).toBe('lac2024_25')
  })

  it('turns case cells into engine cells and collection dates into days', () => {
    const fixture = parseFixture({
      ruleset_dir: 'lac2025_26', code: 'X', message: '',
      calls: [
        { input: { Header: { columns: ['DOB', 'N', 'S'], index: [7], rows: [[{ $date: '2010-02-03T00:00:00' }, 20, null]] } }, output: {} },
        { input: { metadata: { collection_end: '31/03/2017' } }, output: {} },
      ],
    })
    const [plain, dated] = fixture.calls
    expect(plain?.tables.Header?.rows).toEqual([['2010-02-03', '20', null]])
    expect(plain?.labels.Header).toEqual(['7'])
    expect(plain?.context.collectionStart).toBe(parseDay('01/04/2025'))
    expect(plain?.context.collectionEnd).toBe(parseDay('31/03/2026'))
    expect(dated?.context.collectionStart).toBe(parseDay('01/04/2016'))
  })
})
