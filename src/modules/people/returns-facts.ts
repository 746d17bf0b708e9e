// What the statutory returns and inspection lists read about children: their characteristics and current
// postcode, and the statutory visits recorded as case notes. Read-only; one query per table for all the children.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

export interface ChildCharacteristics {
  id: string
  laChildId: string | null
  firstName: string
  lastName: string
  dateOfBirth: LocalDate | null
  expectedDateOfBirth: LocalDate | null
  sex: 'M' | 'F' | 'U' | null
  ethnicity: string | null
  disabilities: string[]
  upn: string | null
  upnUnknownReason: string | null
  /** The postcode of the address the child lives at now, if recorded. */
  postcode: string | null
}

export async function childCharacteristics(db: Kysely<DB>, laCode: string, childIds: readonly string[]): Promise<ChildCharacteristics[]> {
  if (childIds.length === 0) return []
  const [people, addresses] = await Promise.all([
    db.selectFrom('people').where('la_code', '=', laCode).where('is_child', '=', true).where('id', 'in', childIds)
      .select(['id', 'la_child_id', 'first_name', 'last_name', 'date_of_birth', 'expected_date_of_birth', 'sex', 'ethnicity', 'disabilities', 'upn', 'upn_unknown_reason'])
      .execute(),
    db.selectFrom('addresses').where('la_code', '=', laCode).where('person_id', 'in', childIds).where('moved_out', 'is', null)
      .select(['person_id', 'postcode', 'moved_in']).orderBy('moved_in').execute(),
  ])
  return people.map((p) => ({
    id: p.id, laChildId: p.la_child_id, firstName: p.first_name, lastName: p.last_name, dateOfBirth: p.date_of_birth,
    expectedDateOfBirth: p.expected_date_of_birth, sex: p.sex, ethnicity: p.ethnicity, disabilities: p.disabilities, upn: p.upn,
    upnUnknownReason: p.upn_unknown_reason, postcode: addresses.filter((a) => a.person_id === p.id).at(-1)?.postcode ?? null,
  }))
}

/** Visits recorded as case notes (statutory visits to children in need and on child protection plans), oldest first. */
export async function visitsRecorded(db: Kysely<DB>, laCode: string, childIds: readonly string[]): Promise<Array<{ childId: string; date: LocalDate; seen: boolean | null; seenAlone: boolean | null }>> {
  if (childIds.length === 0) return []
  const rows = await db.selectFrom('case_notes').where('la_code', '=', laCode).where('kind', '=', 'visit').where('child_id', 'in', childIds)
    .select(['child_id', 'occurred_on', 'seen', 'seen_alone']).orderBy('occurred_on').execute()
  return rows.map((r) => ({ childId: r.child_id, date: r.occurred_on, seen: r.seen, seenAlone: r.seen_alone }))
}
