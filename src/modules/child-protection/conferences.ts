// Conferences, recorded by their chair. The initial conference on an enquiry that needed one decides on a
// plan and its category (the plan starts that day, flagged when it is not the child's first: CP-12); review
// conferences continue the plan, perhaps with a new category, or end it when the risk has gone (CP-11).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { categoriesOfAbuse, planEndReasons } from './codes.js'
import { getEnquiry } from './enquiries.js'
import {
  choice, FormErrors, invalid, notBefore, onDay, pastDate, refusal, ukDate, type FormBody, type WriteResult,
} from './forms.js'
import { isUniqueViolation, isUuid } from './repository.js'
import type { CategoryOfAbuse } from './tables.js'

/** Thrown inside the transaction to undo the review when another change ended the plan first. */
class PlanEndedMeanwhile extends Error {}

const categoryMessage = 'Select a category of abuse: neglect, physical, sexual or emotional abuse'

/** The chair keeps sight of the child while the plan lasts: an involvement, ended with the plan. */
async function chairInvolvement(trx: Executor, user: SessionUser, childId: string): Promise<void> {
  const held = await trx.selectFrom('involvements').where('child_id', '=', childId).where('user_id', '=', user.id)
    .where('kind', '=', 'conference_chair').where('ended_at', 'is', null).select('id').executeTakeFirst()
  if (!held) {
    await trx.insertInto('involvements').values({ la_code: user.laCode, child_id: childId, user_id: user.id, agency_id: null, kind: 'conference_chair', ended_at: null }).execute()
  }
}

async function endChairInvolvements(trx: Executor, childId: string): Promise<void> {
  await trx.updateTable('involvements').set({ ended_at: new Date() })
    .where('child_id', '=', childId).where('kind', '=', 'conference_chair').where('ended_at', 'is', null).execute()
}

/** Records the initial conference on an enquiry and, when it decides on one, starts the plan. */
export async function recordInitialConference(db: Kysely<DB>, user: SessionUser, childId: string, enquiryId: string,
  body: FormBody, today: LocalDate): Promise<WriteResult> {
  const enquiry = await getEnquiry(db, user.laCode, childId, enquiryId)
  if (!enquiry) return { outcome: 'not-found' }
  const errors = new FormErrors()
  const date = pastDate(body, 'conferenceDate', 'the date of the conference', errors, today)
  notBefore(errors, 'conferenceDate', date, enquiry.discussion_date, `The conference cannot be before the strategy discussion on ${ukDate(enquiry.discussion_date)}`)
  notBefore(errors, 'conferenceDate', date, enquiry.start_date, `The conference cannot be before the section 47 enquiry started on ${ukDate(enquiry.start_date)}`)
  const decision = choice(body, 'decision', ['plan', 'no_plan'] as const, 'Select whether the child needs a child protection plan', errors)
  const category = decision === 'plan' ? choice(body, 'category', categoriesOfAbuse, categoryMessage, errors) : null
  if (enquiry.outcome !== 'conference') {
    errors.add('conferenceDate-day', enquiry.outcome
      ? 'The section 47 enquiry concluded that no conference was needed'
      : 'The social worker records the outcome of the section 47 enquiry before the conference is recorded')
  }
  const openPlan = await db.selectFrom('child_protection_plans').where('child_id', '=', childId).where('end_date', 'is', null).select('id').executeTakeFirst()
  if (decision === 'plan' && openPlan) errors.add('decision', 'This child already has a child protection plan')
  if (errors.any || !date || !decision) return invalid(errors)
  try {
    return await db.transaction().execute(async (trx) => {
      const conference = await trx.insertInto('child_protection_conferences').values({
        la_code: user.laCode, child_id: childId, kind: 'initial', section47_id: enquiryId, plan_id: null, conference_date: date,
        decision, category, chair_id: user.id,
      }).returning('id').executeTakeFirstOrThrow()
      await appendChildEvent(trx, {
        laCode: user.laCode, childId, type: 'child_protection.initial_conference', occurredAt: onDay(date), recordedBy: user.id, significant: true,
        summary: `Initial child protection conference: ${decision === 'plan' ? `child protection plan, ${categoriesOfAbuse[category!].toLowerCase()}` : 'no plan'}`,
        data: { conferenceId: conference.id, section47Id: enquiryId, decision, category },
      })
      await chairInvolvement(trx, user, childId)
      if (decision === 'plan') await startPlan(trx, user, childId, { conferenceId: conference.id, referralId: enquiry.referral_id, date, category: category! })
      return { outcome: 'done' as const, id: conference.id }
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const held = await db.selectFrom('child_protection_conferences').where('section47_id', '=', enquiryId).select('id').executeTakeFirstOrThrow()
    return { outcome: 'done', id: held.id }
  }
}

async function startPlan(trx: Executor, user: SessionUser, childId: string,
  plan: { conferenceId: string; referralId: string; date: LocalDate; category: CategoryOfAbuse }): Promise<void> {
  const { count } = await trx.selectFrom('child_protection_plans').where('child_id', '=', childId)
    .select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()
  const previousPlans = Number(count)
  const { id } = await trx.insertInto('child_protection_plans').values({
    la_code: user.laCode, child_id: childId, referral_id: plan.referralId, initial_conference_id: plan.conferenceId, start_date: plan.date,
    initial_category: plan.category, latest_category: plan.category, previous_plans: previousPlans,
    end_date: null, end_reason: null, transfer_conference_date: null, ended_by: null,
  }).returning('id').executeTakeFirstOrThrow()
  await appendChildEvent(trx, {
    laCode: user.laCode, childId, type: 'cp_plan.started', occurredAt: onDay(plan.date), recordedBy: user.id, significant: true,
    summary: `Child protection plan started: ${categoriesOfAbuse[plan.category].toLowerCase()}${previousPlans > 0 ? ` (second or subsequent plan: ${previousPlans} before)` : ''}`,
    data: { planId: id, category: plan.category, previousPlans, secondOrSubsequent: previousPlans > 0 },
  })
}

export async function getPlan(db: Executor, laCode: string, childId: string, planId: string) {
  if (!isUuid(planId)) return undefined
  const plan = await db.selectFrom('child_protection_plans').where('la_code', '=', laCode).where('child_id', '=', childId)
    .where('id', '=', planId).selectAll().executeTakeFirst()
  if (!plan) return undefined
  const last = await db.selectFrom('child_protection_conferences').where('plan_id', '=', planId).where('kind', '=', 'review')
    .select('conference_date').orderBy('conference_date', 'desc').executeTakeFirst()
  return { ...plan, lastReview: last?.conference_date ?? null }
}

/** Records a review conference: the plan continues (with its latest category) or ends for no continuing risk. */
export async function recordReviewConference(db: Kysely<DB>, user: SessionUser, childId: string, planId: string,
  body: FormBody, today: LocalDate): Promise<WriteResult> {
  const plan = await getPlan(db, user.laCode, childId, planId)
  if (!plan) return { outcome: 'not-found' }
  const errors = new FormErrors()
  const date = pastDate(body, 'conferenceDate', 'the date of the review conference', errors, today)
  if (date && date <= plan.start_date) errors.add('conferenceDate-day', `The review conference must be after the initial conference on ${ukDate(plan.start_date)}`)
  else if (date && plan.lastReview && date <= plan.lastReview) errors.add('conferenceDate-day', `The review conference must be after the last review on ${ukDate(plan.lastReview)}`)
  const decision = choice(body, 'decision', ['continue', 'end'] as const, 'Select whether the plan continues', errors)
  const category = decision === 'continue' ? choice(body, 'category', categoriesOfAbuse, categoryMessage, errors) : null
  if (plan.end_date) errors.add('decision', 'This plan has ended')
  if (errors.any || !date || !decision) return invalid(errors)
  try {
    return await db.transaction().execute(async (trx) => {
      const conference = await trx.insertInto('child_protection_conferences').values({
        la_code: user.laCode, child_id: childId, kind: 'review', section47_id: null, plan_id: planId, conference_date: date,
        decision, category, chair_id: user.id,
      }).returning('id').executeTakeFirstOrThrow()
      await appendChildEvent(trx, {
        laCode: user.laCode, childId, type: 'child_protection.review_conference', occurredAt: onDay(date), recordedBy: user.id,
        summary: `Child protection review conference: ${decision === 'continue' ? `plan continues, ${categoriesOfAbuse[category!].toLowerCase()}` : 'plan ends'}`,
        data: { conferenceId: conference.id, planId, decision, category },
      })
      if (decision === 'continue') {
        await trx.updateTable('child_protection_plans').set({ latest_category: category! }).where('id', '=', planId).execute()
        await chairInvolvement(trx, user, childId)
      } else {
        const ended = await trx.updateTable('child_protection_plans').set({ end_date: date, end_reason: 'no_continuing_risk', ended_by: user.id })
          .where('id', '=', planId).where('end_date', 'is', null).executeTakeFirst()
        if (Number(ended.numUpdatedRows) === 0) throw new PlanEndedMeanwhile()
        await planEnded(trx, user, childId, planId, date, 'no_continuing_risk')
      }
      return { outcome: 'done' as const, id: conference.id }
    })
  } catch (error) {
    if (error instanceof PlanEndedMeanwhile) return refusal('decision', 'This plan has ended')
    if (!isUniqueViolation(error)) throw error
    return refusal('conferenceDate-day', 'A review conference on this date is already recorded')
  }
}

/** The event and the chair's involvement that go with any end of a plan. */
export async function planEnded(trx: Executor, user: SessionUser, childId: string, planId: string, date: LocalDate,
  reason: keyof typeof planEndReasons): Promise<void> {
  await appendChildEvent(trx, {
    laCode: user.laCode, childId, type: 'cp_plan.ended', occurredAt: onDay(date), recordedBy: user.id, significant: true,
    summary: `Child protection plan ended: ${planEndReasons[reason].charAt(0).toLowerCase()}${planEndReasons[reason].slice(1)}`,
    data: { planId, reason },
  })
  await endChairInvolvements(trx, childId)
}
