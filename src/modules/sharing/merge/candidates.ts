// Records that may be the same child as this one: found by blocking in SQL (NHS number, date of birth or its
// day and month swapped, surname and first name by sound), then scored by the linkage model. Suggestions
// stored when a record arrives (a partner's concern) are kept with their score for the practitioner.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { Executor } from '../../../platform/audit/audit.js'
import { comparePeople } from '../linkage/pair.js'
import type { Person } from '../linkage/records.js'
import { DEFAULT_THRESHOLDS } from '../linkage/model.js'
import { asLinkagePerson, childrenInAuthority, mergeRecord, type MergeRecord } from './records.js'

export interface PossibleMatch {
  record: MergeRecord
  probability: number
  reasons: string
  /** False when the linkage says twins or siblings: shown, but never offered for merging. */
  mayMerge: boolean
}

const CANDIDATE_LIMIT = 50

function swappedDayAndMonth(date: string | null): string | null {
  if (!date) return null
  const [year, month, day] = date.split('-')
  return Number(day) <= 12 && day !== month ? `${year}-${day}-${month}` : null
}

/** `known` adds what arrived with the record but is not stored on it (a concern's postcode, say). */
export async function possibleMatches(db: Executor, laCode: string, childId: string, known: Partial<Person> = {}): Promise<PossibleMatch[]> {
  const child = await mergeRecord(db, childId)
  if (!child || child.laCode !== laCode || child.mergedInto) return []
  const person = { ...asLinkagePerson(child), ...known }
  const dates = [child.dateOfBirth, swappedDayAndMonth(child.dateOfBirth)].filter((d): d is string => d !== null)
  const candidates = await db.selectFrom('people as p')
    .where('p.la_code', '=', laCode).where('p.is_child', '=', true).where('p.merged_into', 'is', null)
    .where('p.restricted', '=', false).where('p.id', '!=', childId)
    .where((eb) => eb.or([
      ...(child.nhsNumber ? [eb('p.nhs_number', '=', child.nhsNumber)] : []),
      ...(dates.length ? [eb('p.date_of_birth', 'in', dates)] : []),
      eb.and([
        eb(sql`dmetaphone(p.last_name)`, '=', sql`dmetaphone(${child.lastName})`),
        eb(sql`dmetaphone(p.first_name)`, '=', sql`dmetaphone(${child.firstName})`),
      ]),
    ]))
    .select('p.id').limit(CANDIDATE_LIMIT).execute()
  const population = await childrenInAuthority(db, laCode)
  const matches: PossibleMatch[] = []
  for (const { id } of candidates) {
    const record = await mergeRecord(db, id)
    if (!record) continue
    const comparison = comparePeople(person, asLinkagePerson(record), population)
    if (comparison.probability < DEFAULT_THRESHOLDS.suggest) continue
    matches.push({ record, probability: comparison.probability, reasons: comparison.reasons, mayMerge: comparison.mayAccept })
  }
  return matches.sort((a, b) => b.probability - a.probability)
}

/** Stores the possible matches of a record that just arrived, for the front door to confirm or dismiss. */
export async function suggestMatches(trx: Executor, laCode: string, childId: string, source: string, known: Partial<Person> = {}): Promise<number> {
  const matches = (await possibleMatches(trx, laCode, childId, known)).filter((m) => m.mayMerge)
  if (matches.length === 0) return 0
  await trx.insertInto('record_match_suggestions').values(matches.map((m) => ({
    la_code: laCode, child_id: childId, candidate_id: m.record.id, probability: m.probability, reasons: m.reasons, source,
  }))).onConflict((oc) => oc.columns(['child_id', 'candidate_id']).doNothing()).execute()
  return matches.length
}

/** Open suggestions naming this record, either way round, best first. */
export async function openSuggestions(db: Kysely<DB>, laCode: string, childId: string) {
  return db.selectFrom('record_match_suggestions as s')
    .innerJoin('people as p', (join) => join.on(sql<boolean>`p.id = case when s.child_id = ${childId} then s.candidate_id else s.child_id end`))
    .where('s.la_code', '=', laCode).where('s.resolved_at', 'is', null)
    .where((eb) => eb.or([eb('s.child_id', '=', childId), eb('s.candidate_id', '=', childId)]))
    .where('p.merged_into', 'is', null)
    .select(['s.id', 's.probability', 's.reasons', 's.source', 'p.id as other_id', 'p.first_name', 'p.last_name', 'p.date_of_birth'])
    .orderBy('s.probability', 'desc').execute()
}

/** The practitioner decided the records are different children. */
export async function dismissSuggestion(db: Kysely<DB>, user: { id: string; laCode: string }, childId: string, suggestionId: string): Promise<boolean> {
  const done = await db.updateTable('record_match_suggestions').set({ resolved_at: new Date(), resolved_by: user.id, resolution: 'dismissed' })
    .where('id', '=', suggestionId).where('la_code', '=', user.laCode).where('resolved_at', 'is', null)
    .where((eb) => eb.or([eb('child_id', '=', childId), eb('candidate_id', '=', childId)])).returning('id').executeTakeFirst()
  return done !== undefined
}
