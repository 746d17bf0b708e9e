// Whether a young person is a mother, and her first child's date of birth (the 903 Header's MOTHER and MC_DOB),
// read from the family network: she is recorded as the mother (or parent) of a child.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

/** For each of these children who has a child of her own: the eldest child's date of birth (null if not recorded). */
export async function motherhoodOf(db: Kysely<DB>, laCode: string, childIds: readonly string[]): Promise<Map<string, LocalDate | null>> {
  if (childIds.length === 0) return new Map()
  const rows = await db.selectFrom('relationships as r').innerJoin('people as baby', 'baby.id', 'r.related_person_id')
    .where('r.la_code', '=', laCode).where('r.person_id', 'in', childIds).where('r.type', 'in', ['mother', 'parent'])
    .select(['r.person_id', 'baby.date_of_birth']).execute()
  const eldest = new Map<string, LocalDate | null>()
  for (const row of rows) {
    const known = eldest.get(row.person_id)
    if (!eldest.has(row.person_id) || (row.date_of_birth !== null && (known === null || row.date_of_birth < known!))) eldest.set(row.person_id, row.date_of_birth)
  }
  return eldest
}
