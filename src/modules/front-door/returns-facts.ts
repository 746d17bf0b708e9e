// What the inspection lists and the DfE payload read from the front door: contacts received in a date range
// and the referrals (CIN episodes) of the authority. Read-only.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { addDays, todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { referralsForChildren, type ReferralRecord } from './referrals.js'

export interface ContactReceived { id: string; childId: string; receivedOn: LocalDate; referralSource: string }

/** Contacts received between the two dates (inclusive, as days in England), oldest first. */
export async function contactsReceivedBetween(db: Kysely<DB>, laCode: string, from: LocalDate, to: LocalDate): Promise<ContactReceived[]> {
  // A day either side in SQL, then the exact England day: received_at is an instant and BST moves midnight.
  const rows = await db.selectFrom('contacts').where('la_code', '=', laCode)
    .where('received_at', '>=', new Date(`${addDays(from, -1)}T00:00:00Z`)).where('received_at', '<', new Date(`${addDays(to, 2)}T00:00:00Z`))
    .select(['id', 'child_id', 'received_at', 'referral_source']).orderBy('received_at').execute()
  return rows.map((r) => ({ id: r.id, childId: r.child_id, receivedOn: todayInEngland(r.received_at), referralSource: r.referral_source }))
    .filter((c) => c.receivedOn >= from && c.receivedOn <= to)
}

/** The children of the authority with a referral open at any time between the two dates. */
export async function childrenWithReferralsOpenBetween(db: Kysely<DB>, laCode: string, from: LocalDate, to: LocalDate): Promise<string[]> {
  const rows = await db.selectFrom('referrals').where('la_code', '=', laCode).where('referral_date', '<=', to)
    .where((eb) => eb.or([eb('closure_date', 'is', null), eb('closure_date', '>=', from)])).select('child_id').distinct().execute()
  return rows.map((r) => r.child_id)
}

/** Every child of the authority who has ever been referred. */
export async function childrenEverReferred(db: Kysely<DB>, laCode: string): Promise<string[]> {
  return (await db.selectFrom('referrals').where('la_code', '=', laCode).select('child_id').distinct().execute()).map((r) => r.child_id)
}

/** Every referral of these children in this authority, oldest first. */
export async function referralsInAuthority(db: Kysely<DB>, laCode: string, childIds: readonly string[]): Promise<ReferralRecord[]> {
  if (childIds.length === 0) return []
  const own = new Set((await db.selectFrom('referrals').where('la_code', '=', laCode).where('child_id', 'in', childIds).select('id').execute()).map((r) => r.id))
  return (await referralsForChildren(db, childIds)).filter((r) => own.has(r.id))
}
