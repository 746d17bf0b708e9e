// The people module's SQL: people, addresses, relationships, and the allocation a child's page shows.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import type { AddressesTable, PeopleTable, RelationshipsTable } from './tables.js'

export type PersonRow = Selectable<PeopleTable>
export type AddressRow = Selectable<AddressesTable>
export type RelationshipRow = Selectable<RelationshipsTable>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: string): boolean {
  return UUID.test(value)
}

export async function personById(db: Executor, laCode: string, id: string): Promise<PersonRow | undefined> {
  if (!isUuid(id)) return undefined
  return db.selectFrom('people').selectAll().where('id', '=', id).where('la_code', '=', laCode).executeTakeFirst()
}

export async function personIdByToken(db: Executor, laCode: string, token: string): Promise<{ id: string; is_child: boolean } | undefined> {
  if (!isUuid(token)) return undefined
  return db.selectFrom('people').select(['id', 'is_child']).where('creation_token', '=', token).where('la_code', '=', laCode).executeTakeFirst()
}

/** Inserts the person unless their creation token (or LA child ID) is already used; null when it was. */
export async function insertPerson(trx: Executor, values: Insertable<PeopleTable>): Promise<string | null> {
  const row = await trx.insertInto('people').values(values).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst()
  return row?.id ?? null
}

export async function updatePerson(trx: Executor, id: string, values: Updateable<PeopleTable>): Promise<void> {
  await trx.updateTable('people').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute()
}

/** The child who holds this LA child ID (compared without regard to case), if any. */
export async function laChildIdOwner(db: Executor, laCode: string, laChildId: string): Promise<string | undefined> {
  const row = await db.selectFrom('people').select('id').where('la_code', '=', laCode)
    .where(sql<string>`upper(la_child_id)`, '=', laChildId.toUpperCase()).executeTakeFirst()
  return row?.id
}

/** A new LA child ID, `C` and seven digits, skipping any already typed in by hand. */
export async function nextLaChildId(trx: Executor, laCode: string): Promise<string> {
  for (;;) {
    const { value } = (await sql<{ value: string }>`select nextval('people_la_child_id_seq')::text as value`.execute(trx)).rows[0]!
    const candidate = `C${value.padStart(7, '0')}`
    if (!(await laChildIdOwner(trx, laCode, candidate))) return candidate
  }
}

export async function currentAddresses(db: Executor, personIds: readonly string[]): Promise<Map<string, AddressRow>> {
  if (personIds.length === 0) return new Map()
  const rows = await db.selectFrom('addresses').selectAll().where('person_id', 'in', personIds).where('moved_out', 'is', null)
    .orderBy('moved_in', (ob) => ob.desc().nullsLast()).execute()
  const current = new Map<string, AddressRow>()
  for (const row of rows) if (!current.has(row.person_id)) current.set(row.person_id, row)
  return current
}

export async function addressHistory(db: Executor, personId: string): Promise<AddressRow[]> {
  return db.selectFrom('addresses').selectAll().where('person_id', '=', personId)
    .orderBy((eb) => eb.case().when('moved_out', 'is', null).then(0).else(1).end())
    .orderBy('moved_in', (ob) => ob.desc().nullsLast()).execute()
}

export interface NewAddress { line1: string; town: string | null; postcode: string; movedIn: string | null }

/** Records a move: the current address (if any) ends when the new one starts, so history is kept. */
export async function moveTo(trx: Executor, laCode: string, personId: string, address: NewAddress, today: string): Promise<void> {
  const endedOn = address.movedIn ?? today
  await trx.updateTable('addresses').set({ moved_out: endedOn }).where('person_id', '=', personId).where('moved_out', 'is', null)
    .where((eb) => eb.or([eb('moved_in', 'is', null), eb('moved_in', '<=', endedOn)])).execute()
  await trx.insertInto('addresses').values({
    la_code: laCode, person_id: personId, line1: address.line1, town: address.town, postcode: address.postcode,
    moved_in: address.movedIn, moved_out: null,
  }).execute()
}

/** Every relationship with one of these people on either side. */
export async function relationshipsOf(db: Executor, personIds: readonly string[]): Promise<RelationshipRow[]> {
  if (personIds.length === 0) return []
  return db.selectFrom('relationships').selectAll()
    .where((eb) => eb.or([eb('person_id', 'in', personIds), eb('related_person_id', 'in', personIds)]))
    .orderBy('created_at').execute()
}

/** People by id, in the authority. */
export async function peopleByIds(db: Executor, laCode: string, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return []
  return db.selectFrom('people').selectAll().where('la_code', '=', laCode).where('id', 'in', ids).execute()
}

/** Inserts a relationship unless the pair already has one of this type; null when it did. */
export async function insertRelationship(trx: Executor, values: Insertable<RelationshipsTable>): Promise<string | null> {
  const row = await trx.insertInto('relationships').values(values).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst()
  return row?.id ?? null
}

/** Children (ids) whose restricted records this user may see. */
export async function restrictedVisibleTo(db: Executor, userId: string, childIds: readonly string[]): Promise<Set<string>> {
  if (childIds.length === 0) return new Set()
  const rows = await db.selectFrom('restricted_access').select('child_id').where('user_id', '=', userId).where('child_id', 'in', childIds).execute()
  return new Set(rows.map((r) => r.child_id))
}

export interface AllocatedWorker { childId: string; workerName: string; teamName: string; since: string }

export async function allocatedWorkers(db: Kysely<DB> | Executor, childIds: readonly string[]): Promise<Map<string, AllocatedWorker>> {
  if (childIds.length === 0) return new Map()
  const rows = await db.selectFrom('allocations as a')
    .innerJoin('users as u', 'u.id', 'a.worker_id').innerJoin('teams as t', 't.id', 'a.team_id')
    .where('a.child_id', 'in', childIds).where('a.ended_on', 'is', null)
    .select(['a.child_id', 'u.display_name', 't.name as team_name', 'a.started_on'])
    .orderBy('a.started_on', 'desc').execute()
  const workers = new Map<string, AllocatedWorker>()
  for (const row of rows) {
    if (!workers.has(row.child_id)) workers.set(row.child_id, { childId: row.child_id, workerName: row.display_name, teamName: row.team_name, since: row.started_on })
  }
  return workers
}

/** The children a person is related to, for the events a change to that person appends. */
export async function childrenRelatedTo(db: Executor, laCode: string, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('relationships as r')
    .innerJoin('people as c', (join) => join.on((eb) => eb.or([
      eb.and([eb('r.person_id', '=', personId), eb('c.id', '=', eb.ref('r.related_person_id'))]),
      eb.and([eb('r.related_person_id', '=', personId), eb('c.id', '=', eb.ref('r.person_id'))]),
    ])))
    .where('c.is_child', '=', true).where('c.la_code', '=', laCode)
    .select('c.id').distinct().execute()
  return rows.map((r) => r.id)
}
