// Returns straight from the casework: a synthetic authority's CIN census and SSDA903 for 2025/26, generated from its
// seeded records and checked with every DfE rule for the year, raise no errors except the documented ones (rules that
// ask for data Kindred does not hold, listed with why in generated-exceptions.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../../test/support/database.js'
import type { Database } from '../../../platform/db/database.js'
import { authorityByCode } from '../../../platform/seed/authorities.js'
import { seedAuthorities } from '../../../platform/seed/generate.js'
import { annexA } from '../annex-a/lists.js'
import { rulesetForYear, type ReturnKind } from '../rulesets.js'
import type { ReportRow } from '../validate/validate-return.js'
import { checkGenerated } from './check.js'
import { generatedExceptions, isGeneratedException } from './generated-exceptions.js'
import { generateReturn, type GeneratedReturn } from './generate-return.js'

const laCode = '877'
const year = 2026
let database: Database
const generated = new Map<ReturnKind, { ret: GeneratedReturn; report: ReportRow[] }>()

beforeAll(async () => {
  database = await createTestDatabase()
  // A small authority (a tenth of Warrington's children) on the national rates, its histories up to 31 March 2026.
  await seedAuthorities(database, [{ authority: authorityByCode(laCode)!, population: 8_000, referralRate: 1, careRate: 1 }], { seed: 3, asOf: '2026-03-31' })
  for (const kind of ['cin', '903'] as const) {
    const ret = await generateReturn(database.db, kind, year, laCode)
    const check = checkGenerated(kind, year, laCode, ret.files, ret.lastYear)
    if (!check.outcome.ok) throw new Error(`the generated ${kind} return could not be read: ${JSON.stringify(check.outcome.problems)}`)
    generated.set(kind, { ret, report: check.outcome.report })
  }
}, 120_000)
afterAll(async () => { await database?.close() })

/** The report's errors by rule, without the documented exceptions: `{ rule: count }`. */
function unexplainedErrors(kind: ReturnKind): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const row of generated.get(kind)!.report) {
    if (row.kind === 'Error' && !isGeneratedException(kind, row.rule)) counts[row.rule] = (counts[row.rule] ?? 0) + 1
  }
  return counts
}

const tableRows = (ret: GeneratedReturn, name: string) => {
  const [header, ...lines] = ret.files.find((f) => f.name.endsWith(`${name}.csv`))!.content.trim().split(/\r?\n/)
  const columns = header!.split(',')
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])))
}

describe('returns generated from a seeded authority', () => {
  it('the CIN census raises no errors', () => {
    expect(generated.get('cin')!.ret.children).toBeGreaterThan(300)
    expect(unexplainedErrors('cin')).toEqual({})
  })

  it('the SSDA903 raises no errors but the documented ones, each a rule of the year', () => {
    expect(generated.get('903')!.ret.children).toBeGreaterThan(50)
    expect(unexplainedErrors('903')).toEqual({})
    const rules = new Set(rulesetForYear('903', year)!.rules.map((r) => r.code))
    expect(generatedExceptions.filter((e) => e.kind === '903' && !rules.has(e.code))).toEqual([])
  })

  it('reports the convictions and substance misuse interventions recorded in the casework', () => {
    const oc2 = tableRows(generated.get('903')!.ret, 'OC2')
    expect(oc2.filter((r) => r.CONVICTED === '1').length).toBeGreaterThan(0)
    const misuse = oc2.filter((r) => r.SUBSTANCE_MISUSE === '1')
    expect(misuse.length).toBeGreaterThan(0)
    expect(misuse.filter((r) => r.INTERVENTION_RECEIVED === '')).toEqual([])
  })

  it('reports each social worker by their registration number, with the reason they took over', () => {
    const episodes = tableRows(generated.get('903')!.ret, 'SWEpisodes')
    expect(episodes.length).toBeGreaterThan(50)
    expect(episodes.filter((e) => !/^(SW\d+|XX\w+)$/.test(e.SW_ID ?? ''))).toEqual([])
    expect(new Set(episodes.map((e) => e.SW_REASON))).toEqual(new Set(['FCONTA', 'TSPROC']))
  })

  it('gives each child adopted in the year their adopters, and Annex A lists the adopters in the process', async () => {
    const adopted = tableRows(generated.get('903')!.ret, 'AD1')
    expect(adopted.length).toBeGreaterThan(0)
    for (const row of adopted) {
      expect(row).toMatchObject({ FOSTER_CARE: expect.stringMatching(/^[01]$/), NB_ADOPTR: expect.stringMatching(/^[12]$/), LS_ADOPTR: expect.stringMatching(/^L(0|11|12|2|3|4)$/) })
      expect(row.SEX_ADOPTR).toMatch(row.NB_ADOPTR === '1' ? /^[MF]1$/ : /^(MM|FF|MF)$/)
    }
    const lists = await annexA(database.db, laCode, { from: '2025-04-01', to: '2026-03-31' })
    const list11 = lists.find((l) => l.number === 11)!
    const household = list11.columns.findIndex((c) => c.header === 'Family identifier')
    const matched = list11.columns.findIndex((c) => c.header === 'Date adopter matched with child(ren)')
    expect(new Set(list11.rows.map((r) => r[household])).size).toBeGreaterThan(adopted.length)
    expect(list11.rows.filter((r) => r[matched] !== null).length).toBeGreaterThan(0)
  })

  it('compares the 903 with last year\'s, generated from the same casework', () => {
    const ret = generated.get('903')!.ret
    const lastYearChildren = new Set(tableRows({ ...ret, files: ret.lastYear }, 'Episodes').map((e) => e.CHILD))
    const continuing = tableRows(ret, 'Episodes').filter((e) => lastYearChildren.has(e.CHILD))
    expect(continuing.length).toBeGreaterThan(20)
  })
})
