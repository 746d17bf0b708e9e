// Children in need: CIN plans on the open CIN episode (the front door's referral), their reviews, and
// closing the episode with the DfE reason for closure.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { childProtectionPlanIsOpen } from '../child-protection/service.js'
import { childInNeedPlanReviews, nextDue } from '../../platform/timescales/sequences.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { cinReviewOutcomes, closureReasons, isCode, labelFor } from './codes.js'
import { checkReview, type ReviewAnswer } from './family-help.js'
import { childInNeedHref, hasErrors, invalid, ukDate, type FieldErrors, type Invalid, type Outcome } from './outcomes.js'
import { closeReferralFor, openReferralOf, type OpenReferral } from './referrals.js'
import {
  carryOverGoals, cinPlan, cinPlansOf, endCinPlans, episodesOf, insertCinPlan, insertCinPlanReview, openCinPlan,
} from './repository.js'
import { once, type Actor, type Submission } from './submissions.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'

export type NoReferral = { outcome: 'no-open-referral' }
export type NotFound = { outcome: 'not-found' }

export async function startCinPlan(db: Kysely<DB>, actor: Actor, childId: string, submission: Submission, startDate: LocalDate | null, today: LocalDate):
  Promise<Outcome<NoReferral | { outcome: 'plan-open' }>> {
  return once(db, actor, childId, submission, async (trx) => {
    const referral = await openReferralOf(trx, actor.laCode, childId)
    if (!referral) return { outcome: 'no-open-referral' }
    if (!startDate) return invalid({})
    if (startDate < referral.referralDate) return invalid({ 'startDate-day': `The plan must start on or after the referral date (${ukDate(referral.referralDate)})` })
    if (startDate > today) return invalid({ 'startDate-day': 'The start date must be today or in the past' })
    if (await openCinPlan(trx, actor.laCode, childId)) return { outcome: 'plan-open' }
    const planId = await insertCinPlan(trx, { la_code: actor.laCode, child_id: childId, referral_id: referral.id, start_date: startDate, created_by: actor.id })
    // Stepped up from Family Help: the family's unfinished goals come with them.
    const steppedUpFrom = (await episodesOf(trx, actor.laCode, childId)).find((e) => e.stepped_up_to_referral_id === referral.id)
    const carried = steppedUpFrom ? await carryOverGoals(trx, actor.laCode, childId, { familyHelpEpisodeId: steppedUpFrom.id }, { cinPlanId: planId }) : 0
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'cin_plan.started', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: `Child in need plan started on ${ukDate(startDate)}`,
      data: { cinPlanId: planId, referralId: referral.id, startDate, goalsCarriedOver: carried },
    })
    return { outcome: 'done', redirectTo: `${childInNeedHref(childId)}?recorded=plan` }
  })
}

export async function endCinPlan(db: Kysely<DB>, actor: Actor, childId: string, planId: string, submission: Submission, endDate: LocalDate | null, today: LocalDate):
  Promise<Outcome<NotFound>> {
  return once(db, actor, childId, submission, async (trx) => {
    const plan = await cinPlan(trx, actor.laCode, childId, planId)
    if (!plan || plan.end_date) return { outcome: 'not-found' }
    if (!endDate) return invalid({})
    if (endDate < plan.start_date) return invalid({ 'endDate-day': `The plan must end on or after the day it started (${ukDate(plan.start_date)})` })
    if (endDate > today) return invalid({ 'endDate-day': 'The end date must be today or in the past' })
    await trx.updateTable('cin_plans').set({ end_date: endDate }).where('id', '=', plan.id).execute()
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'cin_plan.ended', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: `Child in need plan ended on ${ukDate(endDate)}`, data: { cinPlanId: plan.id, endDate },
    })
    return { outcome: 'done', redirectTo: `${childInNeedHref(childId)}?recorded=plan-ended` }
  })
}

export interface CinReviewAnswer extends ReviewAnswer { outcome: string }

export async function recordCinPlanReview(db: Kysely<DB>, actor: Actor, childId: string, planId: string, submission: Submission, review: CinReviewAnswer, today: LocalDate):
  Promise<Outcome<NotFound>> {
  const settings = await timescaleSettingsFor(db, actor.laCode)
  return once(db, actor, childId, submission, async (trx) => {
    const plan = await cinPlan(trx, actor.laCode, childId, planId)
    if (!plan || plan.end_date) return { outcome: 'not-found' }
    const errors: FieldErrors = {}
    checkReview(review, { start: plan.start_date, startText: 'the day the plan started' }, today, errors)
    if (!isCode(cinReviewOutcomes, review.outcome)) errors.outcome = 'Select what the review decided'
    if (hasErrors(errors) || !review.reviewDate || !isCode(cinReviewOutcomes, review.outcome)) return invalid(errors)
    const nextReviewDue = review.nextReviewDue ??
      nextDue(childInNeedPlanReviews, { planStart: plan.start_date, reviews: [review.reviewDate] }, settings)!.due
    await insertCinPlanReview(trx, {
      la_code: actor.laCode, child_id: childId, cin_plan_id: plan.id, review_date: review.reviewDate,
      outcome: review.outcome, notes: review.notes, next_review_due: nextReviewDue, recorded_by: actor.id,
    })
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'cin_plan.reviewed', occurredAt: new Date(), recordedBy: actor.id,
      summary: `The child in need plan was reviewed on ${ukDate(review.reviewDate)}: ${labelFor(cinReviewOutcomes, review.outcome).toLowerCase()}`,
      data: { cinPlanId: plan.id, reviewDate: review.reviewDate, outcome: review.outcome, nextReviewDue },
    })
    return { outcome: 'done', redirectTo: `${childInNeedHref(childId)}?recorded=review` }
  })
}

export type ClosureRefused = NoReferral | { outcome: 'child-protection-plan-open' }
export type Closed = { outcome: 'closed'; referral: OpenReferral; latestPlanId: string | null }

/**
 * Ends the open CIN plans and closes the referral (the CIN episode) through the front door, in the caller's
 * transaction. Refused while a child protection plan is open: that plan ends first.
 */
export async function closeEpisode(trx: Executor, actor: Actor, childId: string, closureDate: LocalDate | null, reason: string, today: LocalDate):
  Promise<Invalid | ClosureRefused | Closed> {
  const referral = await openReferralOf(trx, actor.laCode, childId)
  if (!referral) return { outcome: 'no-open-referral' }
  const plans = await cinPlansOf(trx, actor.laCode, referral.id)
  const errors: FieldErrors = {}
  if (!isCode(closureReasons, reason)) errors.reason = 'Select why the case is closing'
  const latestStart = plans.filter((p) => !p.end_date).map((p) => p.start_date).sort().at(-1)
  if (closureDate && closureDate < referral.referralDate) errors['closureDate-day'] = `The closure date must be on or after the referral date (${ukDate(referral.referralDate)})`
  else if (closureDate && latestStart && closureDate < latestStart) errors['closureDate-day'] = `The closure date must be on or after the day the child in need plan started (${ukDate(latestStart)})`
  else if (closureDate && closureDate > today) errors['closureDate-day'] = 'The closure date must be today or in the past'
  if (hasErrors(errors) || !closureDate) return invalid(errors)
  if (await childProtectionPlanIsOpen(trx, actor.laCode, childId)) return { outcome: 'child-protection-plan-open' }
  for (const plan of await endCinPlans(trx, referral.id, closureDate)) {
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'cin_plan.ended', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: `Child in need plan ended on ${ukDate(closureDate)} when the case closed`, data: { cinPlanId: plan.id, endDate: closureDate },
    })
  }
  await closeReferralFor(trx, actor, childId, referral, closureDate, reason)
  return { outcome: 'closed', referral, latestPlanId: plans[0]?.id ?? null }
}

export async function closeCinEpisode(db: Kysely<DB>, actor: Actor, childId: string, submission: Submission,
  closure: { closureDate: LocalDate | null; reason: string }, today: LocalDate): Promise<Outcome<ClosureRefused>> {
  return once(db, actor, childId, submission, async (trx) => {
    const result = await closeEpisode(trx, actor, childId, closure.closureDate, closure.reason, today)
    return result.outcome === 'closed' ? { outcome: 'done', redirectTo: `${childInNeedHref(childId)}?recorded=closed` } : result
  })
}

/** Whether the open episode had any child in need plan: step-down closes with RC7 if so, RC9 if not. */
export async function episodeHadPlan(trx: Executor, laCode: string, referralId: string): Promise<boolean> {
  return (await cinPlansOf(trx, laCode, referralId)).length > 0
}
