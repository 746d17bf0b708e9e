// The one-time token on each looked-after and care leaver form, so a double click writes once. The token is claimed
// first in the change's transaction: a second request with the same token waits there for the first, and finds
// it taken once the first commits. A refused change rolls its claim back, so the corrected form can be sent.
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.js'

/** What the form adds to a change: its token (absent when a service is called directly) and its own problems. */
export interface Submission { token?: string; formHasErrors?: boolean }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const newFormToken = (): string => randomUUID()

/** The posted token, or null when it is missing or not one Kindred gave out (answer 400). */
export const postedFormToken = (value: string): string | null => (UUID.test(value) ? value.toLowerCase() : null)

/** False when an earlier request with this token made its change. */
export async function claimFormToken(trx: Transaction<DB>, laCode: string, childId: string, token: string): Promise<boolean> {
  const claimed = await trx.insertInto('care_form_submissions').values({ token, la_code: laCode, child_id: childId })
    .onConflict((oc) => oc.column('token').doNothing()).returning('token').executeTakeFirst()
  return claimed !== undefined
}
