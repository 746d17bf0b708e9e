// DfE test cases for rules 500 and above that cannot run as written in the shared harness, run here after
// correcting the documented defect (fixtures/ssda903/NONSTANDARD_COLUMNS.csv).
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFixture } from '../../validation/fixtures.js'
import { rules } from './group-500-plus.js'
import { returnsDir } from '../../../../../test/support/shared.js'

const FIXTURES_DIR = `${returnsDir}/fixtures/ssda903`

function flagged(code: string, definedIn: string, rename: Record<string, Record<string, string>>) {
  const rule = rules.find((r) => r.code === code && r.definedIn === definedIn)
  if (!rule) throw new Error(`no rule ${code} (${definedIn})`)
  const fixture = loadFixture(path.join(FIXTURES_DIR, definedIn, `${code}.json`))
  return fixture.calls.map((call) => {
    for (const [table, columns] of Object.entries(rename)) {
      const t = call.tables[table]
      if (t) t.columns = t.columns.map((name) => columns[name] ?? name)
    }
    const actual: Record<string, string[]> = {}
    for (const failure of rule.validate(call.tables, call.context)) {
      const label = call.labels[failure.table]?.[failure.row] ?? `?${failure.row}`
      const labels = (actual[failure.table] ??= [])
      if (!labels.includes(label)) labels.push(label)
    }
    const expected = Object.fromEntries(Object.entries(call.output as Record<string, unknown[]>)
      .map(([table, labels]) => [table, [...new Set(labels.map(String))].sort()]))
    return { actual: Object.fromEntries(Object.entries(actual).map(([t, l]) => [t, l.sort()])), expected }
  })
}

describe('SSDA903 DoLO placement rules on the real return column', () => {
  // The cases name the placement column PLACEMENT; the return's Episodes table calls it PLACE.
  for (const code of ['709', '710']) {
    it(`${code} flags orders overlapping an unsuitable placement, and the placement`, () => {
      for (const { actual, expected } of flagged(code, 'lac2026_27', { Episodes: { PLACEMENT: 'PLACE' } })) {
        expect(actual).toEqual(expected)
      }
    })
  }
})
