// The CIN episode is the front door's referral: this module opens, reads and closes referrals only through
// the front door's service, inside this module's transactions.
// NOT WIRED YET: the front door's service (openReferral, getOpenReferral, closeReferral) and its `referrals`
// table are not in the tree yet. Until they are, no child has an open referral (so nothing can be closed)
// and the front door refuses a step up. Wiring is these three functions and the referral foreign keys (0052).
import type { Executor } from '../../platform/audit/audit.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import type { Actor } from './submissions.js'

export interface OpenReferral { id: string; referralDate: LocalDate }

export async function openReferralOf(_executor: Executor, _laCode: string, _childId: string): Promise<OpenReferral | undefined> {
  return undefined
}

/** A step up from Family Help: referral source 5D (LA services, early help). The referral's id, or null if the front door refused. */
export async function openReferralFor(_trx: Executor, _actor: Actor, _childId: string,
  _step: { referralDate: LocalDate; reason: string; familyHelpEpisodeId: string }): Promise<string | null> {
  return null
}

export async function closeReferralFor(_trx: Executor, _actor: Actor, _childId: string, _referral: OpenReferral,
  _closureDate: LocalDate, _reasonCode: string): Promise<void> {
  throw new Error('The front door service is not wired yet: a referral cannot be closed')
}
