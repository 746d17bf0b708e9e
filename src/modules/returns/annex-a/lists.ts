// The Annex A lists for one authority and date range: each list's title, columns and rows, ready for a workbook,
// CSV or a count on the page.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import { annexALists, sheetName } from './columns.js'
import { annexAFacts, type AnnexAFacts, type Range } from './facts.js'
import { list1, list2, list3 } from './lists-front-door.js'
import { list4, list5, list6, list7 } from './lists-protection.js'
import { list8, list9, list10, list11 } from './lists-care.js'
import type { Cell, Sheet } from './xlsx.js'

export interface AnnexAList extends Sheet { number: number; title: string }

const builders: ReadonlyArray<(facts: AnnexAFacts) => Cell[][]> = [list1, list2, list3, list4, list5, list6, list7, list8, list9, list10, list11]

export async function annexA(db: Kysely<DB>, laCode: string, range: Range): Promise<AnnexAList[]> {
  const facts = await annexAFacts(db, laCode, range)
  return annexALists.map((list, i) => ({
    number: list.number, title: list.title, name: sheetName(list),
    columns: list.columns.map(([header, kind]) => ({ header, kind })), rows: builders[i]!(facts),
  }))
}
