// Live data quality: the DfE rule failures that children's current records would raise in this year's CIN census
// and SSDA903, found by generating both returns for just those children and checking them with every rule.
// Queries about the return as a whole (not any child's row) are left out: they say nothing about these records.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { ReturnKind } from '../rulesets.js'
import { checkGenerated } from '../generate/check.js'
import { collectionYearOn, type CollectionYear } from '../generate/collection-year.js'
import { generateReturn } from '../generate/generate-return.js'
import { fixFor } from './fixes.js'

export interface QualityIssue {
  childId: string
  returnName: 'CIN census' | 'SSDA903'
  code: string
  kind: 'Error' | 'Query'
  message: string
  /** What to change in Kindred, in plain English. */
  fix: string
  table: string
  fields: string
}

const RETURN_NAMES: Record<ReturnKind, QualityIssue['returnName']> = { cin: 'CIN census', '903': 'SSDA903' }

// Rules that DfE's validator raises on sound records, which no change to a child's record can clear. SW12STG2, as
// DfE's tool reads it, flags a child whose social worker has not changed since their latest placement began. The
// performance team still sees them on the returns page; listing them for every such child would bury the real fixes.
const NOT_FOR_CASEWORKERS: Record<ReturnKind, ReadonlySet<string>> = { cin: new Set(), '903': new Set(['SW12STG2']) }

export async function dataQualityFor(db: Kysely<DB>, laCode: string, childIds: readonly string[], year: CollectionYear = collectionYearOn()): Promise<QualityIssue[]> {
  if (childIds.length === 0) return []
  const issues: QualityIssue[] = []
  for (const kind of ['cin', '903'] as const) {
    const generated = await generateReturn(db, kind, year.year, laCode, { childIds })
    if (generated.children === 0) continue
    const check = checkGenerated(kind, year.year, laCode, generated.files, generated.lastYear)
    if (!check.outcome.ok) continue
    const kindredId = new Map([...generated.childIds].map(([id, returnId]) => [returnId, id]))
    const seen = new Set<string>()
    for (const row of check.outcome.report) {
      const childId = row.child === null ? undefined : kindredId.get(row.child)
      // One line per rule per child: a rule flagging three of a child's episodes needs one fix.
      const key = `${childId}|${row.rule}`
      if (!childId || seen.has(key) || NOT_FOR_CASEWORKERS[kind].has(row.rule)) continue
      seen.add(key)
      issues.push({
        childId, returnName: RETURN_NAMES[kind], code: row.rule, kind: row.kind, message: row.message,
        fix: fixFor(kind, row.rule) ?? row.message, table: row.table, fields: row.fields,
      })
    }
  }
  return issues
}
