// A collection year's CIN census ruleset: the rules DfE lists for that year (rules/cin_rules_cinYYYY_YY.csv), each
// paired with Kindred's implementation of the version in force (the `defined_in_year` column).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Rule } from '../validation/rule.js'
import { parseCsv } from '../ssda903/ruleset.js'
import { cinRules } from './rules/index.js'

export interface CinRulesetEntry {
  code: string
  /** An Error must be fixed before the return is accepted; a Query needs fixing or a reason. */
  kind: 'Error' | 'Query'
  /** The XML module the rule belongs to (ChildIdentifiers, CINdetails, Section47 ...). */
  module: string
  message: string
  fields: string[]
  /** The ruleset folder whose version of the rule is in force this year. */
  definedIn: string
  /** Kindred's implementation of that version, or null while it is missing. */
  rule: Rule | null
}

/** The rules listed for a ruleset, read from `<rulesDir>/cin_rules_<ruleset>.csv`. */
export function loadCinRuleset(ruleset: string, rulesDir: string, implementations: Rule[] = cinRules): CinRulesetEntry[] {
  return cinRulesetFromCsv(readFileSync(path.join(rulesDir, `cin_rules_${ruleset}.csv`), 'utf8'), implementations)
}

export function cinRulesetFromCsv(text: string, implementations: Rule[] = cinRules): CinRulesetEntry[] {
  const byVersion = new Map(implementations.map((rule) => [`${rule.code}@${rule.definedIn}`, rule]))
  const [header, ...records] = parseCsv(text)
  if (!header) return []
  const at = (record: string[], name: string): string => (record[header.indexOf(name)] ?? '').trim()
  return records.map((record) => {
    const code = at(record, 'code')
    const definedIn = at(record, 'defined_in_year')
    return {
      code,
      kind: at(record, 'rule_type').toUpperCase() === 'QUERY' ? 'Query' : 'Error',
      module: at(record, 'module'),
      message: at(record, 'message'),
      fields: fieldList(at(record, 'affected_fields')),
      definedIn,
      rule: byVersion.get(`${code}@${definedIn}`) ?? null,
    }
  })
}

/** `[CPPstartDate, DateOfInitialCPC]` as a list, each field once. */
function fieldList(text: string): string[] {
  const fields = text.replace(/^\[|\]$/g, '').split(',').map((field) => field.trim()).filter((field) => field !== '')
  return [...new Set(fields)]
}
