// Referrals (CIN episodes) loaded from a CIN census. A referral is the same one again when the child has one on the
// same date; its closure is brought up to date, so importing the same census again changes nothing.
import type { Executor } from '../../platform/audit/audit.js'
import { appendImportedEvent, endAsKnown, onDay, type ImportSource } from '../../platform/events/imported-history.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { reasonsForClosure } from './codes.js'
import { insertReferral } from './repository.js'

export interface ImportedReferral {
  childId: string
  referralDate: LocalDate
  source: string
  primaryNeed: string
  closureDate: LocalDate | null
  reasonForClosure: string | null
  referralNfa: boolean
}

export async function importReferral(trx: Executor, source: ImportSource, given: ImportedReferral): Promise<string> {
  const held = await trx.selectFrom('referrals').where('la_code', '=', source.laCode).where('child_id', '=', given.childId)
    .where('referral_date', '=', given.referralDate).select(['id', 'closure_date', 'reason_for_closure', 'referral_nfa']).executeTakeFirst()
  const closureDate = endAsKnown(source, given.closureDate, held?.closure_date)
  const referral = closureDate === given.closureDate ? given : { ...given, closureDate, reasonForClosure: held!.reason_for_closure, referralNfa: held!.referral_nfa }
  const id = held?.id ?? await insertReferral(trx, {
    la_code: source.laCode, child_id: referral.childId, contact_id: null, referral_date: referral.referralDate, referral_source: referral.source,
    primary_need: referral.primaryNeed, reason: null, closure_date: null, reason_for_closure: null, referral_nfa: referral.referralNfa,
    opened_by: source.recorderId,
  })
  if (!held) {
    await appendImportedEvent(trx, source, {
      childId: referral.childId, type: 'referral.opened', occurredAt: onDay(referral.referralDate), significant: true,
      summary: 'Referral to children’s social care', data: { referralId: id, source: referral.source, primaryNeed: referral.primaryNeed },
    })
  }
  const closureChanged = (held?.closure_date ?? null) !== referral.closureDate || (held?.reason_for_closure ?? null) !== referral.reasonForClosure
  if (closureChanged || (held && held.referral_nfa !== referral.referralNfa)) {
    await trx.updateTable('referrals').set({ closure_date: referral.closureDate, reason_for_closure: referral.reasonForClosure, referral_nfa: referral.referralNfa })
      .where('id', '=', id).execute()
  }
  if (closureChanged && referral.closureDate) {
    await appendImportedEvent(trx, source, {
      childId: referral.childId, type: 'referral.closed', occurredAt: onDay(referral.closureDate), significant: true,
      summary: `Case closed: ${(reasonsForClosure[referral.reasonForClosure ?? ''] ?? 'reason not given').toLowerCase()}`,
      data: { referralId: id, reasonForClosure: referral.reasonForClosure, referralNfa: referral.referralNfa },
    })
  }
  return id
}
