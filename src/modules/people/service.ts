// The people module's service: the child's record, other people, addresses and the family network.
// Every write is one transaction, and every change to a child appends an event to that child's stream.
// Other modules import from here only.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { postcodeDistrict } from '../../platform/identifiers/postcode.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { ageText } from './age.js'
import type { AddressAnswer } from './answers.js'
import type { ChildDetails } from './child-form.js'
import type { PersonDetails, RelationshipAnswer } from './person-form.js'
import { relationshipType } from './relationship-types.js'
import {
  addressHistory, allocatedWorkers, childrenRelatedTo, currentAddresses, insertPerson, insertRelationship, laChildIdOwner,
  moveTo, nextLaChildId, personById, personIdByToken, relationshipsOf, restrictedVisibleTo, updatePerson,
  type AddressRow, type AllocatedWorker, type PersonRow,
} from './repository.js'

export type { ChildDetails } from './child-form.js'
export type { PersonDetails, RelationshipAnswer } from './person-form.js'
export { familyNetwork, type FamilyNetwork, type NetworkMember } from './network.js'
export { findLikelyMatches, type LikelyMatch, type MatchCandidate } from './matching.js'
export { searchChildren, type SearchResult } from './search.js'
export { childRows } from './figures.js'
export { ethnicities } from './codes.js'

/** Who is making a change: the signed-in user. */
export interface Actor { id: string; laCode: string }

export const fullName = (p: { first_name: string; last_name: string }): string => `${p.first_name} ${p.last_name}`

function childColumns(details: ChildDetails) {
  return {
    first_name: details.firstName, last_name: details.lastName, other_names: details.otherNames,
    date_of_birth: details.dateOfBirth, expected_date_of_birth: details.expectedDateOfBirth,
    sex: details.sex, gender_identity: details.genderIdentity, ethnicity: details.ethnicity,
    disabilities: details.disabilities, languages: details.languages, religion: details.religion,
    nhs_number: details.nhsNumber, upn: details.upn, upn_unknown_reason: details.upnUnknownReason,
  }
}

function personColumns(details: PersonDetails) {
  return {
    first_name: details.firstName, last_name: details.lastName, other_names: details.otherNames,
    date_of_birth: details.dateOfBirth, sex: details.sex, nhs_number: details.nhsNumber, occupation: details.occupation,
  }
}

export type CreateOutcome =
  | { outcome: 'created'; personId: string }
  /** The same form was sent before (a double click): the record it made. */
  | { outcome: 'already-created'; personId: string }
  | { outcome: 'la-child-id-taken' }

/** Linking a new child to an existing child's family: the relationships to copy and the sibling type. */
export interface SiblingOf {
  childId: string
  siblingType: string
  /** Relationships of the existing child (ids) whose other person is also the new child's. */
  shareRelationshipIds: readonly string[]
  shareAddress: boolean
}

export interface NewChild {
  /** The form's one-time token: a second submission returns the first record. */
  token: string
  details: ChildDetails
  address: AddressAnswer | null
  siblingOf?: SiblingOf
}

/** Creates a child record, linked to the user who made it, and appends `child.registered`. */
export async function createChild(db: Kysely<DB>, actor: Actor, child: NewChild): Promise<CreateOutcome> {
  const today = todayInEngland()
  return db.transaction().execute(async (trx) => {
    const earlier = await personIdByToken(trx, actor.laCode, child.token)
    if (earlier) return { outcome: 'already-created', personId: earlier.id }
    const { details } = child
    if (details.laChildId && await laChildIdOwner(trx, actor.laCode, details.laChildId)) return { outcome: 'la-child-id-taken' }
    const childId = await insertPerson(trx, {
      la_code: actor.laCode, is_child: true, ...childColumns(details), creation_token: child.token,
      la_child_id: details.laChildId ?? await nextLaChildId(trx, actor.laCode), occupation: null,
    })
    if (!childId) {
      // Another request with the same token committed first.
      const winner = await personIdByToken(trx, actor.laCode, child.token)
      return winner ? { outcome: 'already-created', personId: winner.id } : { outcome: 'la-child-id-taken' }
    }
    if (child.address) await moveTo(trx, actor.laCode, childId, child.address, today)
    // The person who records a child is working with them, so they can open the record they made.
    await trx.insertInto('involvements').values({ la_code: actor.laCode, child_id: childId, user_id: actor.id, agency_id: null, kind: 'recorded_the_child', ended_at: null }).execute()
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'child.registered', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: details.dateOfBirth ? 'Child’s record created' : 'Unborn baby’s record created',
      data: { unborn: !details.dateOfBirth },
    })
    if (child.siblingOf) await linkAsSibling(trx, actor, childId, child.siblingOf, today)
    return { outcome: 'created', personId: childId }
  })
}

/** The new child shares the chosen parents, carers and relatives of the existing child, and is their sibling. */
async function linkAsSibling(trx: Executor, actor: Actor, newChildId: string, sibling: SiblingOf, today: LocalDate): Promise<void> {
  const existing = await relationshipsOf(trx, [sibling.childId])
  for (const shared of existing.filter((r) => sibling.shareRelationshipIds.includes(r.id))) {
    const otherId = shared.person_id === sibling.childId ? shared.related_person_id : shared.person_id
    const otherIsPersonSide = shared.person_id !== sibling.childId
    await insertRelationship(trx, {
      la_code: actor.laCode,
      person_id: otherIsPersonSide ? otherId : newChildId,
      related_person_id: otherIsPersonSide ? newChildId : otherId,
      type: shared.type, parental_responsibility: shared.parental_responsibility,
      lives_with: shared.lives_with, possible_carer: shared.possible_carer,
    })
  }
  await insertRelationship(trx, { la_code: actor.laCode, person_id: sibling.childId, related_person_id: newChildId, type: sibling.siblingType })
  if (sibling.shareAddress) {
    const address = (await currentAddresses(trx, [sibling.childId])).get(sibling.childId)
    if (address) await moveTo(trx, actor.laCode, newChildId, { line1: address.line1, town: address.town, postcode: address.postcode, movedIn: address.moved_in }, today)
  }
  const label = relationshipType(sibling.siblingType).label.toLowerCase()
  for (const childId of [newChildId, sibling.childId]) {
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'network.sibling_added', occurredAt: new Date(), recordedBy: actor.id,
      summary: `A ${label} was added to the family network`, data: { siblingType: sibling.siblingType, children: [sibling.childId, newChildId] },
    })
  }
}

export type UpdateOutcome = { outcome: 'updated'; changed: string[] } | { outcome: 'la-child-id-taken' } | { outcome: 'not-found' }

const fieldNames: Record<string, string> = {
  first_name: 'first name', last_name: 'last name', other_names: 'other names', date_of_birth: 'date of birth',
  expected_date_of_birth: 'expected date of birth', sex: 'sex', gender_identity: 'gender identity', ethnicity: 'ethnicity',
  disabilities: 'disabilities', languages: 'languages', religion: 'religion or belief', nhs_number: 'NHS number', upn: 'UPN',
  upn_unknown_reason: 'reason the UPN is not known', la_child_id: 'LA child ID', occupation: 'role and organisation',
}

function changedColumns(before: PersonRow, after: Record<string, unknown>): string[] {
  return Object.entries(after).filter(([column, value]) =>
    JSON.stringify(before[column as keyof PersonRow] ?? null) !== JSON.stringify(value ?? null)).map(([column]) => column)
}

/** Changes a child's details and appends `child.details_changed` naming the fields (not their values). */
export async function updateChild(db: Kysely<DB>, actor: Actor, childId: string, details: ChildDetails): Promise<UpdateOutcome> {
  return db.transaction().execute(async (trx) => {
    const before = await personById(trx, actor.laCode, childId)
    if (!before || !before.is_child) return { outcome: 'not-found' }
    const laChildId = details.laChildId ?? before.la_child_id
    if (laChildId && laChildId !== before.la_child_id) {
      const owner = await laChildIdOwner(trx, actor.laCode, laChildId)
      if (owner && owner !== childId) return { outcome: 'la-child-id-taken' }
    }
    const after = { ...childColumns(details), la_child_id: laChildId }
    const changed = changedColumns(before, after)
    if (changed.length === 0) return { outcome: 'updated', changed }
    await updatePerson(trx, childId, after)
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'child.details_changed', occurredAt: new Date(), recordedBy: actor.id,
      summary: `Changed ${changed.map((c) => fieldNames[c] ?? c).join(', ')}`, data: { fields: changed },
    })
    return { outcome: 'updated', changed }
  })
}

/** Records a new address for a person (a child or an adult) and appends `person.moved` to each child it concerns. */
export async function recordMove(db: Kysely<DB>, actor: Actor, personId: string, address: AddressAnswer): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const person = await personById(trx, actor.laCode, personId)
    if (!person) return false
    await moveTo(trx, actor.laCode, personId, address, todayInEngland())
    const children = person.is_child ? [personId] : await childrenRelatedTo(trx, actor.laCode, personId)
    for (const childId of children) {
      await appendChildEvent(trx, {
        laCode: actor.laCode, childId, type: person.is_child ? 'child.moved' : 'network.person_moved', occurredAt: new Date(), recordedBy: actor.id,
        summary: person.is_child ? `Moved to an address in ${postcodeDistrict(address.postcode)}` : `${fullName(person)} moved to an address in ${postcodeDistrict(address.postcode)}`,
        data: { personId, postcodeDistrict: postcodeDistrict(address.postcode) },
      })
    }
    return true
  })
}

export interface ChildRecord {
  id: string
  laCode: string
  details: ChildDetails
  restricted: boolean
  createdAt: Date
  currentAddress: AddressRow | null
  addresses: AddressRow[]
}

export function detailsFromRow(row: PersonRow): ChildDetails {
  return {
    firstName: row.first_name, lastName: row.last_name, otherNames: row.other_names, dateOfBirth: row.date_of_birth,
    expectedDateOfBirth: row.expected_date_of_birth, sex: row.sex ?? 'U', genderIdentity: row.gender_identity,
    ethnicity: row.ethnicity ?? 'NOBT', disabilities: row.disabilities, languages: row.languages, religion: row.religion,
    nhsNumber: row.nhs_number, upn: row.upn?.trim() ?? null, upnUnknownReason: row.upn_unknown_reason, laChildId: row.la_child_id,
  }
}

/** The whole record of one child in the authority, or null. The caller's route has already checked access. */
export async function getChildRecord(db: Kysely<DB>, laCode: string, childId: string): Promise<ChildRecord | null> {
  const row = await personById(db, laCode, childId)
  if (!row || !row.is_child) return null
  const addresses = await addressHistory(db, childId)
  return {
    id: row.id, laCode: row.la_code, details: detailsFromRow(row), restricted: row.restricted, createdAt: row.created_at,
    currentAddress: addresses.find((a) => a.moved_out === null) ?? null, addresses,
  }
}

export interface ChildSummary {
  id: string
  name: string
  firstName: string
  lastName: string
  dateOfBirth: LocalDate | null
  expectedDateOfBirth: LocalDate | null
  unborn: boolean
  /** "7 years", "10 months", "Unborn". */
  age: string
  sex: 'F' | 'M' | 'U'
  nhsNumber: string | null
  laChildId: string | null
  restricted: boolean
  /** The postcode district of the current address (ME14), never the full address. */
  addressArea: string | null
  allocatedWorker: AllocatedWorker | null
}

/**
 * A few facts that tell one child from another, for other modules' pages and lists. It does not check
 * the user's access to the child: call it only from a route whose access declaration names the child.
 */
export async function getChildSummary(db: Kysely<DB>, laCode: string, childId: string): Promise<ChildSummary | null> {
  const row = await personById(db, laCode, childId)
  if (!row || !row.is_child) return null
  const [address, worker] = await Promise.all([currentAddresses(db, [childId]), allocatedWorkers(db, [childId])])
  const postcode = address.get(childId)?.postcode
  return {
    id: row.id, name: fullName(row), firstName: row.first_name, lastName: row.last_name,
    dateOfBirth: row.date_of_birth, expectedDateOfBirth: row.expected_date_of_birth, unborn: !row.date_of_birth,
    age: ageText(row.date_of_birth, todayInEngland()), sex: row.sex ?? 'U', nhsNumber: row.nhs_number, laChildId: row.la_child_id,
    restricted: row.restricted, addressArea: postcode ? postcodeDistrict(postcode) : null, allocatedWorker: worker.get(childId) ?? null,
  }
}

export interface PersonRecord {
  id: string
  isChild: boolean
  details: PersonDetails
  currentAddress: AddressRow | null
  addresses: AddressRow[]
}

export async function getPersonRecord(db: Kysely<DB>, laCode: string, personId: string): Promise<PersonRecord | null> {
  const row = await personById(db, laCode, personId)
  if (!row) return null
  const addresses = await addressHistory(db, personId)
  return {
    id: row.id, isChild: row.is_child,
    details: {
      firstName: row.first_name, lastName: row.last_name, otherNames: row.other_names, dateOfBirth: row.date_of_birth,
      sex: row.sex, nhsNumber: row.nhs_number, occupation: row.occupation,
    },
    currentAddress: addresses.find((a) => a.moved_out === null) ?? null, addresses,
  }
}

export interface NewPerson {
  token: string
  details: PersonDetails
  address: AddressAnswer | null
}

async function insertAdult(trx: Executor, actor: Actor, person: NewPerson): Promise<CreateOutcome> {
  const earlier = await personIdByToken(trx, actor.laCode, person.token)
  if (earlier) return { outcome: 'already-created', personId: earlier.id }
  const personId = await insertPerson(trx, {
    la_code: actor.laCode, is_child: false, ...personColumns(person.details), creation_token: person.token,
    expected_date_of_birth: null, gender_identity: null, ethnicity: null, religion: null, upn: null, upn_unknown_reason: null, la_child_id: null,
  })
  if (!personId) {
    const winner = await personIdByToken(trx, actor.laCode, person.token)
    return { outcome: 'already-created', personId: winner!.id }
  }
  if (person.address) await moveTo(trx, actor.laCode, personId, person.address, todayInEngland())
  return { outcome: 'created', personId }
}

function relationshipSummary(name: string, relationship: RelationshipAnswer): string {
  const flags = [
    relationship.parentalResponsibility && 'has parental responsibility',
    relationship.livesWith && 'lives with the child',
    relationship.possibleCarer && 'is a possible carer',
  ].filter(Boolean)
  return `${name} recorded as ${relationshipType(relationship.type).label.toLowerCase()}${flags.length ? ` (${flags.join(', ')})` : ''}`
}

/** Adds a new person to a child's family network, with their relationship to the child. */
export async function addPersonToNetwork(db: Kysely<DB>, actor: Actor, childId: string, person: NewPerson, relationship: RelationshipAnswer): Promise<CreateOutcome> {
  return db.transaction().execute(async (trx) => {
    const created = await insertAdult(trx, actor, person)
    if (created.outcome !== 'created') return created
    await relate(trx, actor, childId, created.personId, relationship, `${person.details.firstName} ${person.details.lastName}`)
    return created
  })
}

export type LinkOutcome = 'linked' | 'already-linked' | 'not-found'

/** Links a person already on record (an adult, or another child) into this child's network. */
export async function linkPersonToNetwork(db: Kysely<DB>, actor: Actor, childId: string, personId: string, relationship: RelationshipAnswer): Promise<LinkOutcome> {
  return db.transaction().execute(async (trx) => {
    const person = await personById(trx, actor.laCode, personId)
    if (!person || personId === childId) return 'not-found'
    if (person.restricted && !(await restrictedVisibleTo(trx, actor.id, [personId])).has(personId)) return 'not-found'
    return (await relate(trx, actor, childId, personId, relationship, fullName(person))) ? 'linked' : 'already-linked'
  })
}

async function relate(trx: Executor, actor: Actor, childId: string, personId: string, relationship: RelationshipAnswer, name: string): Promise<boolean> {
  const id = await insertRelationship(trx, {
    la_code: actor.laCode, person_id: personId, related_person_id: childId, type: relationship.type,
    parental_responsibility: relationship.parentalResponsibility, lives_with: relationship.livesWith, possible_carer: relationship.possibleCarer,
  })
  if (!id) return false
  await appendChildEvent(trx, {
    laCode: actor.laCode, childId, type: 'network.person_added', occurredAt: new Date(), recordedBy: actor.id,
    summary: relationshipSummary(name, relationship), data: { personId, relationshipId: id, type: relationship.type },
  })
  return true
}

/** Changes a relationship to the child: its type and flags. */
export async function updateRelationship(db: Kysely<DB>, actor: Actor, childId: string, relationshipId: string, relationship: RelationshipAnswer): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('relationships').selectAll().where('id', '=', relationshipId).where('la_code', '=', actor.laCode)
      .where((eb) => eb.or([eb('person_id', '=', childId), eb('related_person_id', '=', childId)])).executeTakeFirst()
    if (!row) return false
    const otherId = row.person_id === childId ? row.related_person_id : row.person_id
    const clash = await trx.selectFrom('relationships').select('id').where('id', '<>', relationshipId).where('type', '=', relationship.type)
      .where((eb) => eb.or([
        eb.and([eb('person_id', '=', otherId), eb('related_person_id', '=', childId)]),
        eb.and([eb('person_id', '=', childId), eb('related_person_id', '=', otherId)]),
      ])).executeTakeFirst()
    // The pair already has a relationship of the new type: this one is then the same thing twice.
    if (clash) await trx.deleteFrom('relationships').where('id', '=', clash.id).execute()
    // Re-recorded from the other person's side, the way relationships made on the child's page read.
    await trx.updateTable('relationships').set({
      person_id: otherId, related_person_id: childId, type: relationship.type,
      parental_responsibility: relationship.parentalResponsibility, lives_with: relationship.livesWith, possible_carer: relationship.possibleCarer,
    }).where('id', '=', relationshipId).execute()
    const other = await personById(trx, actor.laCode, otherId)
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'network.relationship_changed', occurredAt: new Date(), recordedBy: actor.id,
      summary: relationshipSummary(other ? fullName(other) : 'A person', relationship), data: { personId: otherId, relationshipId, type: relationship.type },
    })
    return true
  })
}

/** Changes an adult's details, appending `network.person_changed` to every child they are related to. */
export async function updatePersonDetails(db: Kysely<DB>, actor: Actor, personId: string, details: PersonDetails): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await personById(trx, actor.laCode, personId)
    if (!before || before.is_child) return false
    const after = personColumns(details)
    const changed = changedColumns(before, after)
    if (changed.length === 0) return true
    await updatePerson(trx, personId, after)
    for (const childId of await childrenRelatedTo(trx, actor.laCode, personId)) {
      await appendChildEvent(trx, {
        laCode: actor.laCode, childId, type: 'network.person_changed', occurredAt: new Date(), recordedBy: actor.id,
        summary: `Changed ${fullName(after)}’s ${changed.map((c) => fieldNames[c] ?? c).join(', ')}`, data: { personId, fields: changed },
      })
    }
    return true
  })
}

/**
 * For other modules recording an adult (a parent named in a contact, a referrer): the person already on
 * record with this NHS number, or with this exact name and date of birth; otherwise a new record.
 */
export async function findOrCreatePerson(db: Kysely<DB>, actor: Actor, person: NewPerson): Promise<{ personId: string; created: boolean }> {
  const { details } = person
  const existing = await db.selectFrom('people').select('id').where('la_code', '=', actor.laCode).where('is_child', '=', false)
    .where((eb) => eb.or([
      ...(details.nhsNumber ? [eb('nhs_number', '=', details.nhsNumber)] : []),
      ...(details.dateOfBirth ? [eb.and([
        eb(eb.fn('lower', ['first_name']), '=', details.firstName.toLowerCase()),
        eb(eb.fn('lower', ['last_name']), '=', details.lastName.toLowerCase()),
        eb('date_of_birth', '=', details.dateOfBirth),
      ])] : []),
    ]))
    .orderBy((eb) => eb.case().when('nhs_number', '=', details.nhsNumber ?? '').then(0).else(1).end())
    .executeTakeFirst()
  if (existing) return { personId: existing.id, created: false }
  const created = await db.transaction().execute((trx) => insertAdult(trx, actor, person))
  if (created.outcome === 'la-child-id-taken') throw new Error('unreachable: adults have no LA child ID')
  return { personId: created.personId, created: created.outcome === 'created' }
}
export { childCharacteristics, visitsRecorded, type ChildCharacteristics } from './returns-facts.js'
export { motherhoodOf } from './motherhood.js'
export { importChild, importedWithoutName, importMotherhood, NAME_NOT_KNOWN, type ImportedChild } from './imported-children.js'
