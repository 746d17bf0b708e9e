// The social worker's part of a child protection plan: its core group meetings, and ending it for the
// reasons Working Together allows outside a review conference (CP-11): transfer to another authority after
// its transfer-in conference, the child reaching 18, dying, or permanently leaving the UK.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { addYears, type LocalDate } from '../../platform/working-days/local-date.js'
import { reasonsEndedOutsideConference } from './codes.js'
import { getPlan, planEnded } from './conferences.js'
import { FormErrors, invalid, notBefore, onDay, pastDate, refusal, text, ukDate, type FormBody, type WriteResult } from './forms.js'

/** Records a core group meeting; the same day twice is one meeting. */
export async function recordCoreGroup(db: Kysely<DB>, user: SessionUser, childId: string, planId: string, body: FormBody, today: LocalDate): Promise<WriteResult> {
  const plan = await getPlan(db, user.laCode, childId, planId)
  if (!plan) return { outcome: 'not-found' }
  const errors = new FormErrors()
  const date = pastDate(body, 'meetingDate', 'the date of the core group meeting', errors, today)
  notBefore(errors, 'meetingDate', date, plan.start_date, `The core group cannot meet before the initial conference on ${ukDate(plan.start_date)}`)
  if (plan.end_date) errors.add('meetingDate-day', `This plan ended on ${ukDate(plan.end_date)}`)
  if (errors.any || !date) return invalid(errors)
  return db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('core_group_meetings').values({ la_code: user.laCode, child_id: childId, plan_id: planId, meeting_date: date, recorded_by: user.id })
      .onConflict((oc) => oc.columns(['plan_id', 'meeting_date']).doNothing()).returning('id').executeTakeFirst()
    if (!inserted) return { outcome: 'done' as const, id: planId }
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: 'meeting.core_group', occurredAt: onDay(date), recordedBy: user.id,
      summary: 'Core group meeting', data: { planId, meetingId: inserted.id },
    })
    return { outcome: 'done' as const, id: planId }
  })
}

type EndReason = (typeof reasonsEndedOutsideConference)[number]

/** Ends a plan for a reason other than a review conference's decision. `dateOfBirth` checks the child is 18. */
export async function endPlan(db: Kysely<DB>, user: SessionUser, childId: string, planId: string, body: FormBody,
  today: LocalDate, dateOfBirth: LocalDate | null): Promise<WriteResult> {
  const plan = await getPlan(db, user.laCode, childId, planId)
  if (!plan) return { outcome: 'not-found' }
  if (plan.end_date) return refusal('reason', `This plan ended on ${ukDate(plan.end_date)}`)
  const errors = new FormErrors()
  const given = text(body, 'reason')
  const reason = (reasonsEndedOutsideConference as readonly string[]).includes(given) ? given as EndReason : null
  if (given === 'no_continuing_risk') errors.add('reason', 'Only a review conference can end a plan because the child is no longer at risk. The conference chair records it with the review')
  else if (!reason) errors.add('reason', 'Select why the plan is ending')
  const endDate = pastDate(body, 'endDate', 'the date the plan ended', errors, today)
  notBefore(errors, 'endDate', endDate, plan.start_date, `The plan cannot end before it started on ${ukDate(plan.start_date)}`)
  let transferDate: LocalDate | null = null
  if (reason === 'transferred') {
    transferDate = pastDate(body, 'transferDate', 'the date of the other authority’s transfer-in conference', errors, today)
    notBefore(errors, 'transferDate', transferDate, plan.start_date, `The transfer-in conference cannot be before the plan started on ${ukDate(plan.start_date)}`)
    if (transferDate) notBefore(errors, 'endDate', endDate, transferDate, `The plan ends on or after the other authority’s transfer-in conference on ${ukDate(transferDate)}`)
  }
  if (reason === 'reached_18') {
    const eighteenth = dateOfBirth ? addYears(dateOfBirth, 18) : null
    if (!eighteenth) errors.add('reason', 'The child’s date of birth is not recorded, so they cannot be shown to have reached 18')
    else notBefore(errors, 'endDate', endDate, eighteenth, `The child is 18 on ${ukDate(eighteenth)}: the plan cannot end for that reason before then`)
  }
  if (errors.any || !reason || !endDate) return invalid(errors)
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('child_protection_plans')
      .set({ end_date: endDate, end_reason: reason, transfer_conference_date: transferDate, ended_by: user.id })
      .where('id', '=', planId).where('end_date', 'is', null).executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) return { outcome: 'done' as const, id: planId }
    await planEnded(trx, user, childId, planId, endDate, reason)
    return { outcome: 'done' as const, id: planId }
  })
}
