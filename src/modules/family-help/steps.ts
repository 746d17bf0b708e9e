// Stepping between Family Help and children's social care, for the same child and family: nothing is
// entered again. The family network and the chronology belong to the child; the plan's goals are carried.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { closeEpisode, episodeHadPlan, type ClosureRefused } from './child-in-need.js'
import { stepDownClosureReason } from './codes.js'
import { checkNewFamilyHelp, createEpisode, type AlreadyOpen, type NewFamilyHelp } from './family-help.js'
import { childInNeedHref, familyHelpHref, hasErrors, invalid, ukDate, type FieldErrors, type Outcome } from './outcomes.js'
import { openReferralFor, openReferralOf } from './referrals.js'
import { carryOverGoals, endEpisode, openEpisode } from './repository.js'
import { once, type Actor, type Submission } from './submissions.js'

/**
 * Family Help to children's social care: opens a referral through the front door (source 5D, early help)
 * and ends the Family Help. Refused when the child already has an open referral.
 */
export async function stepUp(db: Kysely<DB>, actor: Actor, childId: string, submission: Submission,
  step: { referralDate: LocalDate | null; reason: string }, today: LocalDate): Promise<Outcome<{ outcome: 'not-open' } | { outcome: 'referral-open' } | { outcome: 'referral-refused' }>> {
  return once(db, actor, childId, submission, async (trx) => {
    const episode = await openEpisode(trx, actor.laCode, childId)
    if (!episode) return { outcome: 'not-open' }
    if (await openReferralOf(trx, actor.laCode, childId)) return { outcome: 'referral-open' }
    const errors: FieldErrors = {}
    if (step.referralDate && step.referralDate < episode.start_date) errors['referralDate-day'] = `The referral date must be on or after the day Family Help started (${ukDate(episode.start_date)})`
    else if (step.referralDate && step.referralDate > today) errors['referralDate-day'] = 'The referral date must be today or in the past'
    if (!step.reason) errors.reason = 'Enter why the family needs children’s social care'
    else if (step.reason.length > 5000) errors.reason = 'Why the family needs children’s social care must be 5000 characters or fewer'
    if (hasErrors(errors) || !step.referralDate) return invalid(errors)
    const referralId = await openReferralFor(trx, actor, childId, { referralDate: step.referralDate, reason: step.reason, familyHelpEpisodeId: episode.id })
    if (!referralId) return { outcome: 'referral-refused' }
    await endEpisode(trx, episode, step.referralDate, 'Stepped up to children’s social care', referralId)
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'family_help.stepped_up', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: `Stepped up from Family Help to children’s social care on ${ukDate(step.referralDate)}`,
      data: { episodeId: episode.id, referralId, referralDate: step.referralDate },
    })
    return { outcome: 'done', redirectTo: `${childInNeedHref(childId)}?recorded=stepped-up` }
  })
}

/**
 * Children's social care to Family Help: closes the CIN episode (RC7 after a child in need plan, RC9 straight
 * after assessment) and opens Family Help on the same day, with the latest plan's unfinished goals.
 */
export async function stepDown(db: Kysely<DB>, actor: Actor, childId: string, submission: Submission,
  step: Omit<NewFamilyHelp, 'startDate'> & { closureDate: LocalDate | null }, today: LocalDate): Promise<Outcome<ClosureRefused | AlreadyOpen>> {
  return once(db, actor, childId, submission, async (trx) => {
    const referral = await openReferralOf(trx, actor.laCode, childId)
    if (!referral) return { outcome: 'no-open-referral' }
    const reason = stepDownClosureReason(await episodeHadPlan(trx, actor.laCode, referral.id))
    const errors: FieldErrors = {}
    const people = await checkNewFamilyHelp(trx, actor.laCode, step, errors)
    const closed = await closeEpisode(trx, actor, childId, step.closureDate, reason, today)
    if (closed.outcome === 'invalid') return invalid({ ...closed.errors, ...errors })
    if (closed.outcome !== 'closed') return closed
    if (hasErrors(errors) || !people || !step.closureDate) return invalid(errors)
    const started = await createEpisode(trx, actor, childId, { ...step, startDate: step.closureDate }, people,
      { steppedDownFromReferralId: referral.id, via: 'stepped down' })
    if (started.outcome !== 'started') return started
    const carried = closed.latestPlanId
      ? await carryOverGoals(trx, actor.laCode, childId, { cinPlanId: closed.latestPlanId }, { familyHelpEpisodeId: started.episodeId })
      : 0
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'family_help.stepped_down', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: `Stepped down from children’s social care to Family Help on ${ukDate(step.closureDate)}`,
      data: { referralId: referral.id, reasonForClosure: reason, episodeId: started.episodeId, goalsCarriedOver: carried },
    })
    return { outcome: 'done', redirectTo: `${familyHelpHref(childId)}?recorded=stepped-down` }
  })
}
