// Re-referrals, flagged at the door. The CIN census counts a referral as a re-referral when the child
// had a previous referral within the 12 months before it; the door also warns when a previous
// referral closed within those 12 months, since the family were known to children's social care.
import { addMonths, type LocalDate } from '../../platform/working-days/local-date.js'

export interface PastReferral { id: string; childId: string; referralDate: LocalDate; closureDate: LocalDate | null }

export interface ReReferral {
  /** The CIN census re-referral: a previous referral in the 12 months up to `on`. */
  reReferral: boolean
  /** The latest previous referral in that window. */
  previousReferralDate: LocalDate | null
  /** A previous referral closed in that window (the family were known recently). */
  closedWithinYear: LocalDate | null
}

/** Where a referral (or a contact that may become one) on `on` stands against the child's earlier referrals. */
export function reReferralOn(referrals: readonly PastReferral[], childId: string, on: LocalDate, exceptReferralId?: string): ReReferral {
  const yearBefore = addMonths(on, -12)
  const within = (date: LocalDate | null): date is LocalDate => date !== null && date >= yearBefore && date <= on
  const earlier = referrals.filter((r) => r.childId === childId && r.id !== exceptReferralId && r.referralDate <= on)
  const previousReferralDate = latest(earlier.map((r) => r.referralDate).filter(within))
  return {
    reReferral: previousReferralDate !== null,
    previousReferralDate,
    closedWithinYear: latest(earlier.map((r) => r.closureDate).filter(within)),
  }
}

function latest(dates: LocalDate[]): LocalDate | null {
  return dates.reduce<LocalDate | null>((max, d) => (max === null || d > max ? d : max), null)
}
