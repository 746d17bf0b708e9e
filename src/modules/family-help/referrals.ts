// The CIN episode is the front door's referral: this module opens, reads and closes referrals only through
// the front door's service, inside this module's transactions.
import type { Executor } from '../../platform/audit/audit.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { closeReferral, getOpenReferral, openReferral } from '../front-door/service.js'
import type { Actor } from './submissions.js'

export interface OpenReferral { id: string; referralDate: LocalDate }

export async function openReferralOf(executor: Executor, laCode: string, childId: string): Promise<OpenReferral | undefined> {
  const referral = await getOpenReferral(executor, laCode, childId)
  return referral ? { id: referral.id, referralDate: referral.referralDate } : undefined
}

/** A step up from Family Help: referral source 5D (LA services, early help). The referral's id, or null if the front door refused. */
export async function openReferralFor(trx: Executor, actor: Actor, childId: string,
  step: { referralDate: LocalDate; reason: string; familyHelpEpisodeId: string }): Promise<string | null> {
  const referral = await openReferral(trx, actor, { childId, referralDate: step.referralDate, source: '5D', reason: step.reason })
  return referral.id
}

export async function closeReferralFor(trx: Executor, actor: Actor, childId: string, referral: OpenReferral,
  closureDate: LocalDate, reasonCode: string): Promise<void> {
  await closeReferral(trx, actor, { referralId: referral.id, childId, closureDate, reasonForClosure: reasonCode })
}
