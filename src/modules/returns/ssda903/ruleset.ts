// A collection year's SSDA903 ruleset: the rules DfE lists for that year (rules/903_rules_lacYYYY_YY.csv), each
// paired with Kindred's implementation of the version in force (the `defined_in_year` column).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Rule } from '../validation/rule.js'
import { ssda903Rules } from './rules/index.js'
import { csvRecords } from '../files/csv-records.js'

export interface RulesetEntry {
  code: string
  message: string
  fields: string[]
  tables: string[]
  /** The ruleset folder whose version of the rule is in force this year. */
  definedIn: string
  /** Kindred's implementation of that version, or null while it is missing. */
  rule: Rule | null
}

/** `lac2025_26` for the collection year ending 31 March 2026. */
export function rulesetName(collectionYear: number): string {
  return `lac${collectionYear - 1}_${String(collectionYear % 100).padStart(2, '0')}`
}

/** The rules listed for a ruleset, read from `<rulesDir>/903_rules_<ruleset>.csv`. */
export function loadRuleset(ruleset: string, rulesDir: string, implementations: Rule[] = ssda903Rules): RulesetEntry[] {
  const text = readFileSync(path.join(rulesDir, `903_rules_${ruleset}.csv`), 'utf8')
  return rulesetFromCsv(text, implementations)
}

export function rulesetFromCsv(text: string, implementations: Rule[] = ssda903Rules): RulesetEntry[] {
  const byVersion = new Map(implementations.map((rule) => [`${rule.code}@${rule.definedIn}`, rule]))
  const [header, ...records] = parseCsv(text)
  if (!header) return []
  const at = (record: string[], name: string): string => record[header.indexOf(name)] ?? ''
  return records.map((record) => {
    const code = at(record, 'code')
    const definedIn = at(record, 'defined_in_year')
    return {
      code,
      message: at(record, 'message'),
      fields: splitList(at(record, 'affected_fields')),
      tables: splitList(at(record, 'tables')),
      definedIn,
      rule: byVersion.get(`${code}@${definedIn}`) ?? null,
    }
  })
}

function splitList(text: string): string[] {
  return text.split(';').map((item) => item.trim()).filter((item) => item !== '')
}

/** The fields of each record of a CSV text (see files/csv-records.ts). */
export function parseCsv(text: string): string[][] {
  return csvRecords(text).map((record) => record.fields)
}
