// Family Help episodes: starting (on its own, from a front door contact, or stepping down), reviewing and
// ending the help. The lead practitioner is allocated to the child, so the platform's access policy links them.
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { familyHelpPlanReviews, nextDue } from '../../platform/timescales/sequences.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { checkLead, type LeadAnswer } from './lead-practitioners.js'
import { familyHelpHref, hasErrors, invalid, ukDate, type FieldErrors, type Invalid, type Outcome } from './outcomes.js'
import { endEpisode, insertEpisode, insertFamilyHelpReview, linkPractitioners, openEpisode } from './repository.js'
import { once, type Actor, type Submission } from './submissions.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'

export interface NewFamilyHelp extends LeadAnswer {
  startDate: LocalDate
  reason: string
}

export interface StartContext {
  contactId?: string | null
  steppedDownFromReferralId?: string | null
  /** How the help started, for the event: `started`, `front door`, `stepped down`. */
  via: string
}

export type AlreadyOpen = { outcome: 'already-open' }
export type Started = { outcome: 'started'; episodeId: string }

export function checkReason(reason: string, errors: FieldErrors): void {
  if (!reason) errors.reason = 'Enter why the family needs help'
  else if (reason.length > 1000) errors.reason = 'Why the family needs help must be 1000 characters or fewer'
}

/** The reason and the lead practitioner (and supervisor): adds problems to `errors`. */
export async function checkNewFamilyHelp(trx: Executor, laCode: string, help: Omit<NewFamilyHelp, 'startDate'>, errors: FieldErrors): Promise<LeadPeople | null> {
  checkReason(help.reason, errors)
  return checkLead(trx, laCode, help, errors)
}

type LeadPeople = NonNullable<Awaited<ReturnType<typeof checkLead>>>

/** Every way Family Help starts ends here: the episode, the lead's allocation and supervisor's involvement, the event. */
export async function createEpisode(trx: Executor, actor: Actor, childId: string, help: NewFamilyHelp, people: LeadPeople, context: StartContext):
  Promise<AlreadyOpen | Started> {
  if (await openEpisode(trx, actor.laCode, childId)) return { outcome: 'already-open' }
  const { lead, supervisor } = people
  const allocationId = await linkPractitioners(trx, actor.laCode, childId, lead, supervisor?.id ?? null, help.startDate)
  const episodeId = await insertEpisode(trx, {
    la_code: actor.laCode, child_id: childId, start_date: help.startDate, reason: help.reason,
    lead_practitioner_id: lead.id, supervising_social_worker_id: supervisor?.id ?? null, allocation_id: allocationId,
    contact_id: context.contactId ?? null, stepped_down_from_referral_id: context.steppedDownFromReferralId ?? null, created_by: actor.id,
  })
  await appendChildEvent(trx, {
    laCode: actor.laCode, childId, type: 'family_help.started', occurredAt: new Date(), recordedBy: actor.id, significant: true,
    summary: `Family Help started on ${ukDate(help.startDate)} with ${lead.name} as lead practitioner`,
    data: { episodeId, startDate: help.startDate, leadPractitionerId: lead.id, supervisingSocialWorkerId: supervisor?.id ?? null, via: context.via },
  })
  return { outcome: 'started', episodeId }
}

export async function startFamilyHelp(db: Kysely<DB>, actor: Actor, childId: string, submission: Submission,
  help: Omit<NewFamilyHelp, 'startDate'> & { startDate: LocalDate | null }, today: LocalDate): Promise<Outcome<AlreadyOpen>> {
  return once(db, actor, childId, submission, async (trx) => {
    const errors: FieldErrors = {}
    if (help.startDate && help.startDate > today) errors['startDate-day'] = 'The start date must be today or in the past'
    const people = await checkNewFamilyHelp(trx, actor.laCode, help, errors)
    if (hasErrors(errors) || !people || !help.startDate) return invalid(errors)
    const result = await createEpisode(trx, actor, childId, { ...help, startDate: help.startDate }, people, { via: 'started' })
    return result.outcome === 'started' ? { outcome: 'done', redirectTo: `${familyHelpHref(childId)}?recorded=started` } : result
  })
}

/**
 * For the front door's "family help" decision on a contact: opens a Family Help episode inside the front
 * door's own transaction, so the decision and the help are recorded together or not at all. `invalid`
 * carries field errors (reason, leadPractitionerId, supervisingSocialWorkerId) for the front door's form;
 * `already-open` means the child has Family Help already. Offer the choices from `leadPractitionerOptions`.
 */
export async function openFamilyHelpFromContact(trx: Transaction<DB>, actor: Actor, input: NewFamilyHelp & { childId: string; contactId: string }):
  Promise<Invalid | AlreadyOpen | Started> {
  const errors: FieldErrors = {}
  const people = await checkNewFamilyHelp(trx, actor.laCode, input, errors)
  if (hasErrors(errors) || !people) return invalid(errors)
  return createEpisode(trx, actor, input.childId, input, people, { contactId: input.contactId, via: 'front door' })
}

export async function endFamilyHelp(db: Kysely<DB>, actor: Actor, childId: string, submission: Submission,
  end: { endDate: LocalDate | null; endReason: string }, today: LocalDate): Promise<Outcome<{ outcome: 'not-open' }>> {
  return once(db, actor, childId, submission, async (trx) => {
    const episode = await openEpisode(trx, actor.laCode, childId)
    if (!episode) return { outcome: 'not-open' }
    const errors: FieldErrors = {}
    if (end.endDate && end.endDate < episode.start_date) errors['endDate-day'] = `The end date must be on or after the day Family Help started (${ukDate(episode.start_date)})`
    else if (end.endDate && end.endDate > today) errors['endDate-day'] = 'The end date must be today or in the past'
    if (!end.endReason) errors.endReason = 'Enter why Family Help is ending'
    else if (end.endReason.length > 1000) errors.endReason = 'Why Family Help is ending must be 1000 characters or fewer'
    if (hasErrors(errors) || !end.endDate) return invalid(errors)
    await endEpisode(trx, episode, end.endDate, end.endReason)
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'family_help.ended', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: `Family Help ended on ${ukDate(end.endDate)}`, data: { episodeId: episode.id, endDate: end.endDate },
    })
    return { outcome: 'done', redirectTo: `${familyHelpHref(childId)}?recorded=ended` }
  })
}

export interface ReviewAnswer {
  reviewDate: LocalDate | null
  notes: string
  /** Blank: the authority's review interval, counted from the review date. */
  nextReviewDue: LocalDate | null
}

/** A review's date falls within the plan and is not in the future; the next one comes after it. */
export function checkReview(review: ReviewAnswer, plan: { start: LocalDate; startText: string }, today: LocalDate, errors: FieldErrors): void {
  if (review.reviewDate) {
    if (review.reviewDate < plan.start) errors['reviewDate-day'] = `The review date must be on or after ${plan.startText} (${ukDate(plan.start)})`
    else if (review.reviewDate > today) errors['reviewDate-day'] = 'The review date must be today or in the past'
    if (review.nextReviewDue && review.nextReviewDue <= review.reviewDate) errors['nextReviewDue-day'] = 'The next review must be after this review'
  }
  if (review.notes.length > 5000) errors.notes = 'Notes must be 5000 characters or fewer'
}

export async function recordFamilyHelpReview(db: Kysely<DB>, actor: Actor, childId: string, submission: Submission, review: ReviewAnswer, today: LocalDate):
  Promise<Outcome<{ outcome: 'not-open' }>> {
  const settings = await timescaleSettingsFor(db, actor.laCode)
  return once(db, actor, childId, submission, async (trx) => {
    const episode = await openEpisode(trx, actor.laCode, childId)
    if (!episode) return { outcome: 'not-open' }
    const errors: FieldErrors = {}
    checkReview(review, { start: episode.start_date, startText: 'the day Family Help started' }, today, errors)
    if (!review.notes) errors.notes = 'Enter what the review found'
    if (hasErrors(errors) || !review.reviewDate) return invalid(errors)
    const nextReviewDue = review.nextReviewDue ??
      nextDue(familyHelpPlanReviews, { helpStart: episode.start_date, reviews: [review.reviewDate] }, settings)!.due
    await insertFamilyHelpReview(trx, {
      la_code: actor.laCode, child_id: childId, episode_id: episode.id, review_date: review.reviewDate, notes: review.notes,
      next_review_due: nextReviewDue, recorded_by: actor.id,
    })
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'family_help.reviewed', occurredAt: new Date(), recordedBy: actor.id,
      summary: `The family help plan was reviewed on ${ukDate(review.reviewDate)}; next review due ${ukDate(nextReviewDue)}`,
      data: { episodeId: episode.id, reviewDate: review.reviewDate, nextReviewDue },
    })
    return { outcome: 'done', redirectTo: `${familyHelpHref(childId)}?recorded=review` }
  })
}
