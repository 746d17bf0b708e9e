// A collection year's SSDA903 ruleset: the rules DfE lists for that year (rules/903_rules_lacYYYY_YY.csv), each
// paired with Kindred's implementation of the version in force (the `defined_in_year` column).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Rule } from '../validation/rule.js'
import { ssda903Rules } from './rules/index.js'

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

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and newlines. Blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { field += '"'; i++ }
      else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') { record.push(field); field = '' }
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      record.push(field); field = ''
      if (record.length > 1 || record[0] !== '') records.push(record)
      record = []
    } else field += char
  }
  record.push(field)
  if (record.length > 1 || record[0] !== '') records.push(record)
  return records
}
