// A partner's concern arriving at the front door. With an NHS number a record holds, it is that child's
// contact. Otherwise the child is recorded from the concern, as the front door does for a child it has not
// met, and record linkage suggests the records that may be the same child, for the front door to confirm
// (merge) or dismiss: a weak match is never attached on its own.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import type { FormBody, FormErrors } from '../../platform/forms/form.js'
import { recordContact } from '../front-door/service.js'
import { suggestMatches } from '../sharing/service.js'
import { readConcernForm, type ConcernAnswers } from './concern-form.js'

export type ConcernResult =
  | { outcome: 'sent'; contactId: string; matched: 'nhs-number' | 'new-record'; suggestions: number }
  | { outcome: 'invalid'; errors: FormErrors; answers: ConcernAnswers }

async function organisationOf(db: Kysely<DB>, user: SessionUser): Promise<string> {
  return (await db.selectFrom('agencies').where('id', '=', user.agencyId).select('name').executeTakeFirstOrThrow()).name
}

/** The child of this authority holding the NHS number, if one does. */
async function childWithNhsNumber(db: Kysely<DB>, laCode: string, nhsNumber: string): Promise<string | null> {
  const row = await db.selectFrom('people').where('la_code', '=', laCode).where('is_child', '=', true)
    .where('nhs_number', '=', nhsNumber).where('merged_into', 'is', null).select('id').orderBy('created_at').executeTakeFirst()
  return row?.id ?? null
}

export async function sendConcern(db: Kysely<DB>, user: SessionUser, body: FormBody): Promise<ConcernResult> {
  const reading = readConcernForm(body, user, await organisationOf(db, user))
  if (!reading.ok) return { outcome: 'invalid', errors: reading.errors, answers: reading.answers }
  const matchedChild = reading.nhsNumber ? await childWithNhsNumber(db, user.laCode, reading.nhsNumber) : null
  let suggestions = 0
  const result = await recordContact(db, user, matchedChild, reading.contactBody, {
    newChildNhsNumber: reading.nhsNumber,
    inTransaction: async (trx, recorded) => {
      if (!recorded.newChild) return
      suggestions = await suggestMatches(trx, user.laCode, recorded.childId, 'partner concern', { postcode: reading.postcode ?? '' })
    },
  })
  if (result.outcome === 'invalid') return { outcome: 'invalid', errors: result.errors, answers: { ...reading.answers, ...result.answers } }
  return { outcome: 'sent', contactId: result.contactId, matched: matchedChild ? 'nhs-number' : 'new-record', suggestions }
}
