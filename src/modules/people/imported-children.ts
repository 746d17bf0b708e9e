// Children loaded from a statutory return. A return names no one, so a new record is given a placeholder name that
// says so ("Not known", "Imported <LA child id>") until someone who knows the child corrects it. A child already
// held is found by LA child id, or else by UPN, and only what the return says differently is changed, so importing
// the same return again changes nothing.
import { appendImportedEvent, type ImportSource } from '../../platform/events/imported-history.js'
import { sql, type Updateable } from 'kysely'
import type { Executor } from '../../platform/audit/audit.js'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

/** The given name of a child whose name a return did not carry. */
export const NAME_NOT_KNOWN = 'Not known'

export interface ImportedChild {
  laChildId: string
  upn: string | null
  upnUnknownReason: string | null
  dateOfBirth: LocalDate | null
  expectedDateOfBirth: LocalDate | null
  sex: 'M' | 'F' | 'U' | null
  ethnicity: string | null
  /** Null when the return does not say (the 903 has no disabilities): what is held is kept. */
  disabilities: string[] | null
}

const FIELDS = ['upn', 'upn_unknown_reason', 'date_of_birth', 'expected_date_of_birth', 'sex', 'ethnicity', 'disabilities'] as const

export async function importChild(trx: Executor, source: ImportSource, child: ImportedChild): Promise<{ id: string; created: boolean }> {
  const given = {
    upn: child.upn, upn_unknown_reason: child.upn ? null : child.upnUnknownReason, date_of_birth: child.dateOfBirth,
    expected_date_of_birth: child.expectedDateOfBirth, sex: child.sex, ethnicity: child.ethnicity, disabilities: child.disabilities ?? undefined,
  }
  const held = await heldChild(trx, source.laCode, child)
  if (!held) {
    const row = await trx.insertInto('people').values({
      la_code: source.laCode, is_child: true, first_name: NAME_NOT_KNOWN, last_name: `Imported ${child.laChildId}`, la_child_id: child.laChildId,
      gender_identity: null, religion: null, nhs_number: null, occupation: null, ...given,
    }).returning('id').executeTakeFirstOrThrow()
    await appendImportedEvent(trx, source, {
      childId: row.id, type: 'child.registered', occurredAt: new Date(), significant: true,
      summary: 'Child’s record created without a name, which the return does not carry', data: { nameNotKnown: true },
    })
    return { id: row.id, created: true }
  }
  // A blank in the return does not clear what is held: one return leaves blank what another gives (the 903 has no
  // disabilities, and leaves a sex not known blank where the census says U).
  const changes: Updateable<DB['people']> = {}
  const keepsUpn = held.upn !== null && given.upn === null
  for (const field of FIELDS) {
    if (given[field] === null || given[field] === undefined || (keepsUpn && field === 'upn_unknown_reason') || same(given[field], held[field])) continue
    if (field === 'upn_unknown_reason' && SAID_MORE_NARROWLY[held.upn_unknown_reason ?? ''] === given[field]) continue
    Object.assign(changes, { [field]: given[field] }, field === 'upn' ? { upn_unknown_reason: null } : {})
  }
  if (held.la_child_id !== child.laChildId) changes.la_child_id = child.laChildId
  const changed = Object.keys(changes)
  if (changed.length > 0) {
    await trx.updateTable('people').set(changes).where('id', '=', held.id).execute()
    await appendImportedEvent(trx, source, {
      childId: held.id, type: 'child.details_changed', occurredAt: new Date(), summary: 'Child’s details changed', data: { changed },
    })
  }
  return { id: held.id, created: false }
}

async function heldChild(trx: Executor, laCode: string, child: ImportedChild) {
  const columns = ['id', 'la_child_id', ...FIELDS] as const
  const base = trx.selectFrom('people').where('la_code', '=', laCode).where('is_child', '=', true).where('merged_into', 'is', null).select(columns)
  return await base.where('la_child_id', '=', child.laChildId).executeTakeFirst()
    ?? (child.upn ? await base.where('upn', '=', child.upn).executeTakeFirst() : undefined)
}

/**
 * UPN unknown reasons the census gives that the 903, knowing only UN1-UN5, returns as a broader one: newly arrived
 * from overseas (UN6) as never attended a school in England (UN2), not obtained before a referral closed (UN7) as not
 * yet obtained (UN4). The 903's broader reason does not replace the census's narrower one.
 */
const SAID_MORE_NARROWLY: Record<string, string> = { UN6: 'UN2', UN7: 'UN4' }

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * What the child's record was imported from, while the placeholder name it was given still stands: null once
 * someone has entered the given name, or for a child recorded in Kindred.
 */
export async function importedWithoutName(db: Executor, laCode: string, childId: string): Promise<{ from: string } | null> {
  const row = await db.selectFrom('people as p').innerJoin('child_events as e', 'e.child_id', 'p.id')
    .where('p.id', '=', childId).where('p.la_code', '=', laCode).where('p.first_name', '=', NAME_NOT_KNOWN)
    .where('e.type', '=', 'child.registered').where(sql<boolean>`e.data->>'nameNotKnown' = 'true'`)
    .select(sql<string>`e.data->>'importedFrom'`.as('importedFrom')).executeTakeFirst()
  return row ? { from: row.importedFrom } : null
}

/**
 * The 903's MOTHER: the young person is a mother, her eldest child born on MC_DOB. Her child joins her family network
 * as her child, named as not known; a young person already recorded as a mother is left as she is.
 */
export async function importMotherhood(trx: Executor, source: ImportSource, motherId: string, laChildId: string, eldestBorn: LocalDate | null): Promise<void> {
  const held = await trx.selectFrom('relationships').where('person_id', '=', motherId).where('type', 'in', ['mother', 'parent']).select('id').executeTakeFirst()
  if (held) return
  const baby = await trx.insertInto('people').values({
    la_code: source.laCode, is_child: false, first_name: NAME_NOT_KNOWN, last_name: `Child of ${laChildId}`, date_of_birth: eldestBorn,
    expected_date_of_birth: null, sex: null, gender_identity: null, ethnicity: null, religion: null, nhs_number: null, upn: null,
    upn_unknown_reason: null, la_child_id: null, occupation: null,
  }).returning('id').executeTakeFirstOrThrow()
  const relationship = await trx.insertInto('relationships').values({
    la_code: source.laCode, person_id: motherId, related_person_id: baby.id, type: 'mother', parental_responsibility: true,
  }).returning('id').executeTakeFirstOrThrow()
  await appendImportedEvent(trx, source, {
    childId: motherId, type: 'network.person_added', occurredAt: new Date(),
    summary: 'Her child added to the family network, name not known', data: { personId: baby.id, relationshipId: relationship.id, type: 'mother' },
  })
}
