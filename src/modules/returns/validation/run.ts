// Runs a ruleset over a return's tables: every rule once, table at a time, and each failure named with the rule's
// code and message and the child it is about.
import type { Ruleset } from '../rulesets.js'
import type { RuleContext } from './rule.js'
import { column, type Cell, type Tables } from './table.js'

export interface Finding {
  code: string
  message: string
  kind: 'Error' | 'Query'
  table: string
  /** The row's position in its table (0 for the first data row), or -1 for a query about the whole return. */
  row: number
  /** The child the row is about (CHILD in the 903, LAchildID in the CIN census), when the row says. */
  child: string | null
  fields: string[]
}

/** The day-number collection year ending 31 March of `year`. */
export function collectionContext(year: number, metadata: Record<string, unknown> = {}): RuleContext {
  return { collectionStart: Date.UTC(year - 1, 3, 1) / 86_400_000, collectionEnd: Date.UTC(year, 2, 31) / 86_400_000, metadata }
}

export function runRuleset(
  ruleset: Ruleset,
  tables: Tables,
  context: RuleContext,
  /** Called with 0 before the first rule, then after each. */
  onRule: (done: number, total: number) => void = () => {},
): Finding[] {
  const findings: Finding[] = []
  const childOf = childLookup(tables)
  onRule(0, ruleset.rules.length)
  ruleset.rules.forEach(({ code, message, kind, rule }, index) => {
    for (const failure of rule.validate(tables, context)) {
      const row = failure.returnLevel ? -1 : failure.row
      findings.push({ code, message, kind, table: failure.table, row, child: row < 0 ? null : childOf(failure.table, row), fields: failure.fields })
    }
    onRule(index + 1, ruleset.rules.length)
  })
  return findings
}

/** The child of a table's row, with each table's child column found once. */
function childLookup(tables: Tables): (table: string, row: number) => string | null {
  const children = new Map<string, readonly Cell[]>()
  for (const [name, table] of Object.entries(tables)) {
    const found = table?.columns.find((heading) => heading === 'CHILD' || heading === 'LAchildID')
    if (found) children.set(name, column(table!, found))
  }
  return (table, row) => children.get(table)?.[row] ?? null
}
