// Merging two records of the same child, and undoing it. A merge is refused, and the refusal audited, when
// the records belong to two authorities, when either is restricted or already merged, and when the linkage
// says they are twins or siblings. Each merge and unmerge is one transaction with its events.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { SessionUser } from '../../../platform/auth/session.js'
import { audit } from '../../../platform/audit/audit.js'
import { appendChildEvent } from '../../../platform/events/child-events.js'
import { comparePeople } from '../linkage/pair.js'
import type { Explanation } from '../linkage/score.js'
import { isUuid } from '../../../platform/identifiers/uuid.js'
import { moveRows, moveRowsBack } from './moves.js'
import { asLinkagePerson, childrenInAuthority, mergeRecord, type MergeRecord } from './records.js'

export type MergeRefusal = 'not-found' | 'other-authority' | 'restricted' | 'already-merged' | 'same-record' | 'twins-or-siblings' | 'conflict'

export const refusalMessages: Record<MergeRefusal, string> = {
  'not-found': 'There is no record with that id among your authority’s children',
  'other-authority': 'These records are held by two different local authorities. Records of two authorities cannot be merged: ask the other authority to transfer the child’s record first',
  restricted: 'One of these records is restricted. Restricted records cannot be merged here: speak to the people named on it',
  'already-merged': 'One of these records has already been merged into another record',
  'same-record': 'Choose two different records to merge',
  'twins-or-siblings': 'These records may be twins or siblings, not the same child: their first names or dates of birth differ and their NHS numbers do not match. They cannot be merged',
  conflict: 'Both records hold something only one child can have (for example two open child protection plans, or the same relationship twice). Correct one record first, then merge',
}

export interface MergeCheck {
  kept: MergeRecord
  other: MergeRecord
  comparison: Explanation
}

/** The two records and how alike they are, or why they cannot be merged. */
export async function checkMerge(db: Kysely<DB>, user: SessionUser, keptId: string, otherId: string): Promise<MergeCheck | { refused: MergeRefusal; kept?: MergeRecord; other?: MergeRecord }> {
  if (!isUuid(keptId) || !isUuid(otherId)) return { refused: 'not-found' }
  const [kept, other] = await Promise.all([mergeRecord(db, keptId), mergeRecord(db, otherId)])
  if (!kept || kept.laCode !== user.laCode || !other) return { refused: 'not-found' }
  if (other.laCode !== user.laCode) return { refused: 'other-authority' }
  if (kept.id === other.id) return { refused: 'same-record' }
  if (kept.restricted || other.restricted) return { refused: 'restricted' }
  if (kept.mergedInto || other.mergedInto) return { refused: 'already-merged', kept, other }
  const comparison = comparePeople(asLinkagePerson(kept), asLinkagePerson(other), await childrenInAuthority(db, user.laCode))
  if (!comparison.mayAccept) return { refused: 'twins-or-siblings', kept, other }
  return { kept, other, comparison }
}

async function auditRefusal(db: Kysely<DB>, user: SessionUser, keptId: string, otherId: string, refused: MergeRefusal): Promise<void> {
  // The other record's id is kept only when it is this authority's: another authority's ids stay out of this chain.
  await audit(db, {
    laCode: user.laCode, userId: user.id, action: 'child.merge_refused', childId: keptId, purpose: 'merging duplicate records',
    detail: { refused, ...(refused === 'other-authority' || refused === 'not-found' ? {} : { otherId }) },
  })
}

export type MergeResult = { outcome: 'merged'; mergeId: string } | { outcome: 'refused'; refused: MergeRefusal }

const isConstraintViolation = (error: unknown): boolean => ['23505', '23514'].includes((error as { code?: string }).code ?? '')

/** Merges `otherId` into `keptId`: the other record's rows move to the kept record, logged for an unmerge. */
export async function mergeRecords(db: Kysely<DB>, user: SessionUser, keptId: string, otherId: string, reason: string): Promise<MergeResult> {
  const check = await checkMerge(db, user, keptId, otherId)
  if ('refused' in check) {
    await auditRefusal(db, user, keptId, otherId, check.refused)
    return { outcome: 'refused', refused: check.refused }
  }
  const { kept, other, comparison } = check
  try {
    return await db.transaction().execute(async (trx) => {
      const marked = await trx.updateTable('people').set({ merged_into: kept.id })
        .where('id', '=', other.id).where('merged_into', 'is', null).returning('id').executeTakeFirst()
      if (!marked) throw new MergeRace()
      const merge = await trx.insertInto('person_merges').values({
        la_code: user.laCode, surviving_id: kept.id, merged_id: other.id, reason, probability: comparison.probability, merged_by: user.id,
      }).returning('id').executeTakeFirstOrThrow()
      const moved = await moveRows(trx, other.id, kept.id)
      if (moved.length > 0) {
        await trx.insertInto('person_merge_moves').values(moved.map((m) => ({
          merge_id: merge.id, table_name: m.table, column_name: m.column, row_keys: JSON.stringify(m.keys),
        }))).execute()
      }
      await trx.updateTable('record_match_suggestions').set({ resolved_at: new Date(), resolved_by: user.id, resolution: 'merged' })
        .where('resolved_at', 'is', null)
        .where((eb) => eb.or([eb('child_id', '=', other.id), eb('candidate_id', '=', other.id)])).execute()
      const rows = moved.reduce((n, m) => n + m.keys.length, 0)
      const otherName = `${other.firstName} ${other.lastName}`
      await appendChildEvent(trx, {
        laCode: user.laCode, childId: kept.id, type: 'child.merged', occurredAt: new Date(), recordedBy: user.id, significant: true,
        summary: `Confirmed as the same child as the record of ${otherName}${other.laChildId ? ` (${other.laChildId})` : ''}: that record’s history is now on this record`,
        data: { mergeId: merge.id, mergedId: other.id, rowsMoved: rows }, purpose: 'merging duplicate records',
      })
      await appendChildEvent(trx, {
        laCode: user.laCode, childId: other.id, type: 'child.merged_into', occurredAt: new Date(), recordedBy: user.id,
        summary: `Merged into the record of ${kept.firstName} ${kept.lastName}`, data: { mergeId: merge.id, survivingId: kept.id },
        purpose: 'merging duplicate records',
      })
      return { outcome: 'merged' as const, mergeId: merge.id }
    })
  } catch (error) {
    const refused: MergeRefusal | null = error instanceof MergeRace ? 'already-merged' : isConstraintViolation(error) ? 'conflict' : null
    if (!refused) throw error
    await auditRefusal(db, user, keptId, otherId, refused)
    return { outcome: 'refused', refused }
  }
}

/** Thrown inside the transaction when another merge of the same record got there first. */
class MergeRace extends Error {}

export type UnmergeResult = { outcome: 'unmerged'; mergedId: string } | { outcome: 'not-found' } | { outcome: 'conflict' }

/** Moves back exactly the rows the merge moved and makes the merged record a record of its own again. */
export async function unmergeRecords(db: Kysely<DB>, user: SessionUser, keptId: string, mergeId: string, reason: string): Promise<UnmergeResult> {
  const merge = await db.selectFrom('person_merges').where('id', '=', mergeId).where('surviving_id', '=', keptId)
    .where('la_code', '=', user.laCode).where('unmerged_at', 'is', null).selectAll().executeTakeFirst()
  if (!merge) return { outcome: 'not-found' }
  try {
    return await db.transaction().execute(async (trx) => {
      const done = await trx.updateTable('person_merges').set({ unmerged_at: new Date(), unmerged_by: user.id, unmerge_reason: reason })
        .where('id', '=', merge.id).where('unmerged_at', 'is', null).returning('id').executeTakeFirst()
      if (!done) return { outcome: 'not-found' as const }
      const moves = await trx.selectFrom('person_merge_moves').where('merge_id', '=', merge.id).selectAll().execute()
      await moveRowsBack(trx, moves.map((m) => ({ table: m.table_name, column: m.column_name, keys: m.row_keys })), merge.surviving_id, merge.merged_id)
      await trx.updateTable('people').set({ merged_into: null }).where('id', '=', merge.merged_id).execute()
      for (const [childId, summary] of [
        [merge.surviving_id, 'Merge undone: the other record’s history is back on its own record'],
        [merge.merged_id, 'Merge undone: this is again a record of its own'],
      ] as const) {
        await appendChildEvent(trx, {
          laCode: user.laCode, childId, type: 'child.unmerged', occurredAt: new Date(), recordedBy: user.id, significant: true,
          summary, data: { mergeId: merge.id }, purpose: 'undoing a merge',
        })
      }
      return { outcome: 'unmerged' as const, mergedId: merge.merged_id }
    })
  } catch (error) {
    if (!isConstraintViolation(error)) throw error
    return { outcome: 'conflict' }
  }
}

/** The merges into this record, newest first, with the names of who merged and undid them. */
export function mergesInto(db: Kysely<DB>, laCode: string, childId: string) {
  return db.selectFrom('person_merges as m').innerJoin('people as p', 'p.id', 'm.merged_id')
    .innerJoin('users as u', 'u.id', 'm.merged_by').leftJoin('users as v', 'v.id', 'm.unmerged_by')
    .where('m.la_code', '=', laCode).where('m.surviving_id', '=', childId)
    .select(['m.id', 'm.merged_id', 'm.reason', 'm.probability', 'm.merged_at', 'm.unmerged_at', 'm.unmerge_reason',
      'p.first_name', 'p.last_name', 'p.la_child_id', 'u.display_name as merged_by_name', 'v.display_name as unmerged_by_name'])
    .orderBy('m.merged_at', 'desc').execute()
}
