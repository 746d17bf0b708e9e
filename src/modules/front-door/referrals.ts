// Referrals to children's social care: each is one CIN episode, from the referral date to its closure
// with a DfE reason. The front door opens them; assessment, child protection, CIN plans, closure and
// the CIN census build on them through these functions (re-exported by service.ts).
import type { Executor } from '../../platform/audit/audit.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { isCode, primaryNeeds, reasonsForClosure, referralSources } from './codes.js'
import { reReferralOn } from './re-referral.js'
import { closeReferralRow, insertReferral, openReferralRow, referralRows } from './repository.js'

export interface Actor { id: string; laCode: string }

export interface ReferralRecord {
  id: string
  childId: string
  contactId: string | null
  /** CINreferralDate. */
  referralDate: LocalDate
  /** DfE ReferralSource code. */
  referralSource: string
  /** DfE PrimaryNeedCode, N0-N9. */
  primaryNeed: string
  urgentStrategyDiscussion: boolean
  /** CIN census ReferralNFA. */
  referralNfa: boolean
  /** CINclosureDate and ReasonForClosure (RC1-RC9); null while the episode is open. */
  closureDate: LocalDate | null
  reasonForClosure: string | null
}

function toRecord(r: Awaited<ReturnType<typeof referralRows>>[number]): ReferralRecord {
  return {
    id: r.id, childId: r.child_id, contactId: r.contact_id, referralDate: r.referral_date, referralSource: r.referral_source,
    primaryNeed: r.primary_need, urgentStrategyDiscussion: r.urgent_strategy_discussion, referralNfa: r.referral_nfa,
    closureDate: r.closure_date, reasonForClosure: r.reason_for_closure,
  }
}

/** Every referral (CIN episode) of these children, oldest first. */
export async function referralsForChildren(db: Executor, childIds: readonly string[]): Promise<ReferralRecord[]> {
  return (await referralRows(db, childIds)).map(toRecord)
}

/** The child's open referral in this authority, if any (a child has at most one). */
export async function getOpenReferral(db: Executor, laCode: string, childId: string): Promise<ReferralRecord | undefined> {
  const row = await openReferralRow(db, laCode, childId)
  return row && toRecord(row)
}

export interface NewReferral {
  childId: string
  referralDate: LocalDate
  /** DfE referral source code. */
  source: string
  /** DfE primary need code; N0 (not stated) until an assessment says. */
  primaryNeed?: string
  reason?: string
  contactId?: string
  urgentStrategyDiscussion?: boolean
}

/**
 * Opens a referral (a CIN episode) inside the caller's transaction and appends `referral.opened`,
 * marked as a re-referral when the child had another referral in the 12 months before it.
 * Throws on a code outside the DfE lists: callers check their users' answers first.
 */
export async function openReferral(trx: Executor, actor: Actor, referral: NewReferral): Promise<{ id: string; reReferral: boolean }> {
  const primaryNeed = referral.primaryNeed ?? 'N0'
  if (!isCode(referralSources, referral.source)) throw new RangeError(`Not a DfE referral source: ${referral.source}`)
  if (!isCode(primaryNeeds, primaryNeed)) throw new RangeError(`Not a DfE primary need code: ${primaryNeed}`)
  const id = await insertReferral(trx, {
    la_code: actor.laCode, child_id: referral.childId, contact_id: referral.contactId ?? null, referral_date: referral.referralDate,
    referral_source: referral.source, primary_need: primaryNeed, reason: referral.reason ?? null,
    urgent_strategy_discussion: referral.urgentStrategyDiscussion ?? false, closure_date: null, reason_for_closure: null, opened_by: actor.id,
  })
  const { reReferral } = reReferralOn(await referralsForChildren(trx, [referral.childId]), referral.childId, referral.referralDate, id)
  await appendChildEvent(trx, {
    laCode: actor.laCode, childId: referral.childId, type: 'referral.opened', occurredAt: referral.referralDate, recordedBy: actor.id, significant: true,
    summary: `Referral to children’s social care${referral.urgentStrategyDiscussion ? ': strategy discussion needed' : ''}${reReferral ? ' (re-referral within 12 months)' : ''}`,
    data: { referralId: id, contactId: referral.contactId ?? null, source: referral.source, primaryNeed, urgentStrategyDiscussion: referral.urgentStrategyDiscussion ?? false, reReferral },
  })
  return { id, reReferral }
}

export interface ReferralClosure {
  referralId: string
  childId: string
  closureDate: LocalDate
  /** DfE reason for closure, RC1-RC9. */
  reasonForClosure: string
  /** CIN census ReferralNFA: the referral led to no further action. */
  referralNfa?: boolean
}

/**
 * Closes an open referral (the CIN episode) inside the caller's transaction and appends `referral.closed`.
 * Returns false, recording nothing, when the referral is not open in the actor's authority.
 */
export async function closeReferral(trx: Executor, actor: Actor, closure: ReferralClosure): Promise<boolean> {
  if (!isCode(reasonsForClosure, closure.reasonForClosure)) throw new RangeError(`Not a DfE reason for closure: ${closure.reasonForClosure}`)
  const closed = await closeReferralRow(trx, actor.laCode, closure.referralId, {
    closureDate: closure.closureDate, reasonForClosure: closure.reasonForClosure, referralNfa: closure.referralNfa ?? false,
  })
  if (!closed) return false
  await appendChildEvent(trx, {
    laCode: actor.laCode, childId: closure.childId, type: 'referral.closed', occurredAt: closure.closureDate, recordedBy: actor.id, significant: true,
    summary: `Case closed: ${reasonsForClosure[closure.reasonForClosure]!.toLowerCase()}`,
    data: { referralId: closure.referralId, reasonForClosure: closure.reasonForClosure, referralNfa: closure.referralNfa ?? false },
  })
  return true
}
