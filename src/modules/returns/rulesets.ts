// The rulesets Kindred applies, read from the DfE rule catalogues kept in the repository (spec/rules/*.csv): a
// collection year's SSDA903 (`lac2025_26`) or CIN census (`cin2025_26`) rules, each with its implementation.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCinRuleset } from './cin/ruleset.js'
import { loadRuleset, rulesetName } from './ssda903/ruleset.js'
import { collectionYearOfRuleset } from './validation/fixtures.js'
import type { Rule } from './validation/rule.js'

export const RULES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'spec', 'rules')

export type ReturnKind = '903' | 'cin'

export interface RulesetRule {
  code: string
  message: string
  /** The fields the rule checks, as the catalogue lists them. */
  fields: string[]
  /** CIN rules are an Error or a Query; every SSDA903 rule is an Error. */
  kind: 'Error' | 'Query'
  rule: Rule
}

export interface Ruleset {
  name: string
  returnKind: ReturnKind
  rules: RulesetRule[]
}

const FILE_PREFIX: Record<ReturnKind, string> = { '903': '903_rules_', cin: 'cin_rules_' }

/** The ruleset names held for a return, oldest first (`lac2025_26`, `lac2026_27`). */
export function availableRulesets(kind: ReturnKind): string[] {
  const prefix = FILE_PREFIX[kind]
  return readdirSync(RULES_DIR).filter((file) => file.startsWith(prefix) && file.endsWith('.csv'))
    .map((file) => file.slice(prefix.length, -'.csv'.length)).sort()
}

export function returnOfRuleset(name: string): ReturnKind | null {
  if (/^lac\d{4}_\d{2}$/.test(name)) return '903'
  if (/^cin\d{4}_\d{2}$/.test(name)) return 'cin'
  return null
}

/** A named ruleset, or null when Kindred holds no catalogue of that name. */
export function rulesetNamed(name: string): Ruleset | null {
  const kind = returnOfRuleset(name)
  if (!kind || !existsSync(path.join(RULES_DIR, `${FILE_PREFIX[kind]}${name}.csv`))) return null
  const entries = kind === '903'
    ? loadRuleset(name, RULES_DIR).map((entry) => ({ ...entry, kind: 'Error' as const }))
    : loadCinRuleset(name, RULES_DIR)
  const missing = entries.filter((entry) => entry.rule === null).map((entry) => entry.code)
  // The fixture tests prove every listed rule is implemented; this guards a catalogue added without its rules.
  if (missing.length > 0) throw new Error(`ruleset ${name} lists rules Kindred does not implement: ${missing.join(', ')}`)
  return {
    name,
    returnKind: kind,
    rules: entries.map(({ code, message, fields, kind: ruleKind, rule }) => ({ code, message, fields, kind: ruleKind, rule: rule! })),
  }
}

/**
 * The ruleset for a collection year (ending 31 March of `year`): that year's own, or, when DfE has published none
 * yet (CIN 2026/27), the latest earlier one. Null when there is none that early.
 */
export function rulesetForYear(kind: ReturnKind, year: number): Ruleset | null {
  const wanted = kind === '903' ? rulesetName(year) : `cin${year - 1}_${String(year % 100).padStart(2, '0')}`
  const candidates = availableRulesets(kind).filter((name) => (collectionYearOfRuleset(name) ?? Infinity) <= year)
  const name = candidates.includes(wanted) ? wanted : candidates.at(-1)
  return name ? rulesetNamed(name) : null
}
