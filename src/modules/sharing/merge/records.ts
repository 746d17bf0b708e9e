// The two records a practitioner compares before a merge, read with what linkage needs.
import { sql } from 'kysely'
import type { Executor } from '../../../platform/audit/audit.js'
import type { Person } from '../linkage/records.js'

export interface MergeRecord {
  id: string
  laCode: string
  firstName: string
  lastName: string
  dateOfBirth: string | null
  sex: string | null
  nhsNumber: string | null
  laChildId: string | null
  postcode: string | null
  restricted: boolean
  mergedInto: string | null
  createdAt: Date
  events: number
}

/** A child's record by id in any authority (the caller decides what another authority's record means). */
export async function mergeRecord(executor: Executor, id: string): Promise<MergeRecord | undefined> {
  const row = await executor.selectFrom('people as p').where('p.id', '=', id).where('p.is_child', '=', true)
    .select((eb) => ['p.id', 'p.la_code', 'p.first_name', 'p.last_name', 'p.date_of_birth', 'p.sex', 'p.nhs_number', 'p.la_child_id',
      'p.restricted', 'p.merged_into', 'p.created_at',
      eb.selectFrom('addresses as a').whereRef('a.person_id', '=', 'p.id').where('a.moved_out', 'is', null).select('a.postcode').limit(1).as('postcode'),
      eb.selectFrom('child_events as e').whereRef('e.child_id', '=', 'p.id').select(sql<string>`count(*)`.as('n')).as('events')])
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id, laCode: row.la_code, firstName: row.first_name, lastName: row.last_name, dateOfBirth: row.date_of_birth, sex: row.sex,
    nhsNumber: row.nhs_number, laChildId: row.la_child_id, postcode: row.postcode ?? null, restricted: row.restricted,
    mergedInto: row.merged_into, createdAt: new Date(row.created_at), events: Number(row.events ?? 0),
  }
}

export const asLinkagePerson = (r: MergeRecord): Person => ({
  id: r.id, firstName: r.firstName, lastName: r.lastName, dateOfBirth: r.dateOfBirth ?? '', sex: r.sex ?? '',
  postcode: r.postcode ?? '', nhsNumber: r.nhsNumber ?? '',
})

/** Children in the authority, for the linkage prior (picking one child among this many). */
export async function childrenInAuthority(executor: Executor, laCode: string): Promise<number> {
  const row = await executor.selectFrom('people').where('la_code', '=', laCode).where('is_child', '=', true)
    .select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()
  return Math.max(2, Number(row.n))
}
