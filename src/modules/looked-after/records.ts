// What happens while a child is looked after: reviews (with participation), social worker visits, health and
// education, missing episodes, UASC status and adoption milestones. Each is one transaction with its event.
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { addYears, type LocalDate } from '../../platform/working-days/local-date.js'
import { adoptionMilestones, adoptionReversalReasons, isCode, reversalReasonText, labelFor, missingKinds, participationCodes, sdqReasons, substanceMisuseInterventions } from './codes.js'
import { change, checkDate, refuse, ukDate, type Actor, type FieldErrors, type Outcome } from './outcomes.js'
import type { Submission } from './submissions.js'
import { lockChild, type PeriodRow } from './repository.js'

/** The period of care the date falls in, or an error against the date field. */
export async function periodOn(trx: Transaction<DB>, actor: Actor, childId: string, date: LocalDate | null, field: string, errors: FieldErrors): Promise<PeriodRow | null> {
  const child = await lockChild(trx, actor.laCode, childId)
  if (!child) refuse({ 'main-form': 'This child’s record was not found' })
  if (!date) return null
  const period = await trx.selectFrom('care_periods').selectAll().where('la_code', '=', actor.laCode).where('child_id', '=', childId)
    .where('start_date', '<=', date).where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', date)]))
    .executeTakeFirst()
  if (!period) errors[`${field}-day`] = 'The child was not looked after on this date. Check the date, or record the child coming into care first'
  return period ?? null
}

export const event = (actor: Actor, childId: string, type: string, summary: string, data: Record<string, unknown>, significant = false) =>
  ({ laCode: actor.laCode, childId, type, occurredAt: new Date(), recordedBy: actor.id, summary, data, significant })

export async function recordReview(db: Kysely<DB>, actor: Actor, childId: string, a: { date: LocalDate | null; participation: string },
  today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today)
    const period = await periodOn(trx, actor, childId, a.date, 'date', errors)
    const dob = (await lockChild(trx, actor.laCode, childId))?.date_of_birth ?? null
    if (!isCode(participationCodes, a.participation)) errors.participation = 'Select how the child took part, PN0 to PN7'
    else if (a.date && dob) {
      const under4 = a.date < addYears(dob, 4)
      if (a.participation === 'PN0' && !under4) errors.participation = 'PN0 is only for a child under 4 at the time of the review. Select how the child took part'
      if (a.participation !== 'PN0' && under4) errors.participation = 'The child was under 4 at the time of the review: select PN0'
    }
    if (period && a.date && await trx.selectFrom('looked_after_reviews').select('id').where('child_id', '=', childId).where('review_date', '=', a.date).executeTakeFirst()) {
      errors['date-day'] = `A review on ${ukDate(a.date)} is already recorded`
    }
    if (Object.keys(errors).length > 0 || !period || !a.date) return errors
    if (form.formHasErrors) return
    await trx.insertInto('looked_after_reviews').values({ la_code: actor.laCode, child_id: childId, period_id: period.id, review_date: a.date, participation: a.participation, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, 'looked_after.review_held',
      `Looked-after review held on ${ukDate(a.date)}: ${labelFor(participationCodes, a.participation).toLowerCase()} (${a.participation})`, { date: a.date, participation: a.participation }))
  })
}

export async function recordVisit(db: Kysely<DB>, actor: Actor, childId: string, a: { date: LocalDate | null; seenAlone: string },
  today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today)
    const period = await periodOn(trx, actor, childId, a.date, 'date', errors)
    if (a.seenAlone !== 'yes' && a.seenAlone !== 'no') errors.seenAlone = 'Select whether the child was seen alone'
    if (Object.keys(errors).length > 0 || !period || !a.date) return errors
    if (form.formHasErrors) return
    await trx.insertInto('looked_after_visits').values({ la_code: actor.laCode, child_id: childId, period_id: period.id, visit_date: a.date, seen_alone: a.seenAlone === 'yes', recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, 'visit.looked_after',
      `Social worker visit on ${ukDate(a.date)}${a.seenAlone === 'yes' ? ', child seen alone' : ''}`, { date: a.date, seenAlone: a.seenAlone === 'yes' }))
  })
}

export async function recordHealthCheck(db: Kysely<DB>, actor: Actor, childId: string, a: { date: LocalDate | null; kind: string },
  today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today)
    const period = await periodOn(trx, actor, childId, a.date, 'date', errors)
    if (a.kind !== 'health_assessment' && a.kind !== 'dental_check') errors.kind = 'Select what kind of check it was'
    if (Object.keys(errors).length > 0 || !period || !a.date) return errors
    if (form.formHasErrors) return
    await trx.insertInto('looked_after_health_checks').values({ la_code: actor.laCode, child_id: childId, period_id: period.id, kind: a.kind, check_date: a.date, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, 'health.check_recorded',
      `${a.kind === 'dental_check' ? 'Dental check' : 'Health assessment'} on ${ukDate(a.date)}`, { date: a.date, kind: a.kind }))
  })
}

export interface WellbeingAnswers {
  date: LocalDate | null
  immunisations: string
  sdqScore: string
  sdqReason: string
  substanceMisuse: string
  /** Asked only with a substance misuse problem; ignored without one. */
  intervention: string
}

export async function recordWellbeing(db: Kysely<DB>, actor: Actor, childId: string, a: WellbeingAnswers, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today)
    await periodOn(trx, actor, childId, a.date, 'date', errors)
    if (a.immunisations !== 'yes' && a.immunisations !== 'no') errors.immunisations = 'Select whether the child’s immunisations are up to date'
    if (a.substanceMisuse !== 'yes' && a.substanceMisuse !== 'no') errors.substanceMisuse = 'Select whether the child had a substance misuse problem'
    const intervention = a.substanceMisuse === 'yes' ? a.intervention : null
    if (intervention !== null && !isCode(substanceMisuseInterventions, intervention)) {
      errors.intervention = 'Select whether the child received an intervention for their substance misuse, was offered one, or neither'
    }
    let score: number | null = null
    if (a.sdqScore !== '') {
      score = /^\d{1,2}$/.test(a.sdqScore) ? Number(a.sdqScore) : NaN
      if (!(score >= 0 && score <= 40)) errors.sdqScore = 'The SDQ score must be a whole number from 0 to 40'
      if (a.sdqReason) errors.sdqReason = 'Give either the SDQ score or why it was not done, not both'
    } else if (!isCode(sdqReasons, a.sdqReason)) errors.sdqScore = 'Enter the SDQ score, or select why the SDQ was not done'
    if (Object.keys(errors).length > 0 || !a.date) return errors
    if (form.formHasErrors) return
    await trx.insertInto('looked_after_wellbeing').values({
      la_code: actor.laCode, child_id: childId, recorded_on: a.date, immunisations_up_to_date: a.immunisations === 'yes',
      sdq_score: score, sdq_reason: score === null ? a.sdqReason : null, substance_misuse: a.substanceMisuse === 'yes',
      substance_misuse_intervention: intervention, recorded_by: actor.id,
    }).execute()
    await appendChildEvent(trx, event(actor, childId, 'health.wellbeing_recorded',
      `Health and wellbeing recorded on ${ukDate(a.date)}: immunisations ${a.immunisations === 'yes' ? 'up to date' : 'not up to date'}, ${score === null ? 'no SDQ score' : `SDQ score ${score}`}${
        intervention ? `, substance misuse problem (${labelFor(substanceMisuseInterventions, intervention).toLowerCase()})` : ''}`,
      { date: a.date, sdqScore: score, sdqReason: score === null ? a.sdqReason : null, substanceMisuse: a.substanceMisuse === 'yes', intervention }))
  })
}

export async function recordEducation(db: Kysely<DB>, actor: Actor, childId: string, a: { date: LocalDate | null; kind: string; schoolName: string },
  today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today)
    const period = await periodOn(trx, actor, childId, a.date, 'date', errors)
    if (a.kind !== 'pep_meeting' && a.kind !== 'school_move') errors.kind = 'Select what happened'
    if (a.kind === 'school_move' && !a.schoolName) errors.schoolName = 'Enter the name of the new school'
    if (a.schoolName.length > 200) errors.schoolName = 'The school name must be 200 characters or fewer'
    if (Object.keys(errors).length > 0 || !period || !a.date) return errors
    if (form.formHasErrors) return
    await trx.insertInto('looked_after_education').values({ la_code: actor.laCode, child_id: childId, period_id: period.id, kind: a.kind, event_date: a.date, school_name: a.schoolName || null, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, a.kind === 'pep_meeting' ? 'education.pep_meeting' : 'education.school_move',
      a.kind === 'pep_meeting' ? `Personal education plan meeting on ${ukDate(a.date)}` : `Moved school on ${ukDate(a.date)} to ${a.schoolName}`,
      { date: a.date, kind: a.kind }, a.kind === 'school_move'))
  })
}

export interface MissingAnswers {
  kind: string
  start: LocalDate | null
  end: LocalDate | null
  offered: string
  taken: string
}

export async function recordMissing(db: Kysely<DB>, actor: Actor, childId: string, a: MissingAnswers, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const errors: FieldErrors = {}
    if (!isCode(missingKinds, a.kind)) errors.kind = 'Select whether the child was missing or away from placement without authorisation'
    checkDate(errors, 'start', a.start, today)
    await periodOn(trx, actor, childId, a.start, 'start', errors)
    if (a.start && a.end) checkDate(errors, 'end', a.end, today, { date: a.start, what: 'the child went missing' })
    if (!a.end && (a.offered || a.taken)) errors.offered = 'A return interview is recorded once the child has come back: enter the date they came back'
    if (a.end && a.offered !== 'yes' && a.offered !== 'no') errors.offered = 'Select whether a return interview was offered'
    if (a.end && a.offered === 'yes' && a.taken !== 'yes' && a.taken !== 'no') errors.taken = 'Select whether the child took up the return interview'
    if (a.offered === 'no' && a.taken === 'yes') errors.taken = 'A return interview that was not offered cannot have been taken'
    if (a.start && !errors['start-day']) {
      const overlapping = await trx.selectFrom('missing_episodes').select(['start_date', 'end_date']).where('child_id', '=', childId)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', a.start!)]))
        .where('start_date', '<=', a.end ?? '9999-12-31').executeTakeFirst()
      if (overlapping) errors['start-day'] = `This overlaps a missing episode that started on ${ukDate(overlapping.start_date)}${overlapping.end_date ? '' : ' and has not ended'}`
    }
    if (Object.keys(errors).length > 0 || !a.start) return errors
    if (form.formHasErrors) return
    const offered = a.end ? a.offered === 'yes' : null
    await trx.insertInto('missing_episodes').values({
      la_code: actor.laCode, child_id: childId, kind: a.kind, start_date: a.start, end_date: a.end,
      return_interview_offered: offered, return_interview_taken: offered ? a.taken === 'yes' : offered === false ? false : null, recorded_by: actor.id,
    }).execute()
    await appendChildEvent(trx, event(actor, childId, 'missing.recorded',
      `${labelFor(missingKinds, a.kind)} from ${ukDate(a.start)}${a.end ? ` to ${ukDate(a.end)}` : ', not yet back'}`,
      { kind: a.kind, start: a.start, end: a.end }, true))
  })
}

export async function recordMissingReturn(db: Kysely<DB>, actor: Actor, childId: string, missingId: string, a: { end: LocalDate | null; offered: string; taken: string },
  today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    if (!/^[0-9a-f-]{36}$/i.test(missingId)) return { 'main-form': 'This missing episode was not found' }
    const open = await trx.selectFrom('missing_episodes').selectAll().where('id', '=', missingId).where('child_id', '=', childId)
      .where('la_code', '=', actor.laCode).where('end_date', 'is', null).forUpdate().executeTakeFirst()
    if (!open) return { 'main-form': 'This missing episode was not found, or the child’s return is already recorded' }
    const errors: FieldErrors = {}
    if (!a.end) errors['end-day'] = 'Enter the date the child came back'
    checkDate(errors, 'end', a.end, today, { date: open.start_date, what: 'the child went missing' })
    if (a.offered !== 'yes' && a.offered !== 'no') errors.offered = 'Select whether a return interview was offered'
    if (a.offered === 'yes' && a.taken !== 'yes' && a.taken !== 'no') errors.taken = 'Select whether the child took up the return interview'
    if (a.offered === 'no' && a.taken === 'yes') errors.taken = 'A return interview that was not offered cannot have been taken'
    if (Object.keys(errors).length > 0 || !a.end) return errors
    if (form.formHasErrors) return
    await trx.updateTable('missing_episodes').set({ end_date: a.end, return_interview_offered: a.offered === 'yes', return_interview_taken: a.taken === 'yes' })
      .where('id', '=', open.id).execute()
    await appendChildEvent(trx, event(actor, childId, 'missing.returned',
      `Came back on ${ukDate(a.end)}; return interview ${a.offered === 'yes' ? (a.taken === 'yes' ? 'offered and taken' : 'offered, not taken') : 'not offered'}`,
      { missingId, end: a.end }, true))
  })
}

export async function recordUasc(db: Kysely<DB>, actor: Actor, childId: string, a: { uasc: string; ceasedOn: LocalDate | null }, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const child = await lockChild(trx, actor.laCode, childId)
    if (!child) refuse({ 'main-form': 'This child’s record was not found' })
    const errors: FieldErrors = {}
    if (a.uasc !== 'yes' && a.uasc !== 'no') errors.uasc = 'Select whether the child is or was an unaccompanied asylum-seeking child'
    if (a.uasc === 'no' && a.ceasedOn) errors['ceasedOn-day'] = 'Only a child who was unaccompanied and seeking asylum has a date it ended. Leave the date blank'
    if (a.ceasedOn) checkDate(errors, 'ceasedOn', a.ceasedOn, today, child.date_of_birth ? { date: child.date_of_birth, what: 'the child’s date of birth' } : undefined)
    if (Object.keys(errors).length > 0) return errors
    if (form.formHasErrors) return
    const values = { uasc: a.uasc === 'yes', ceased_on: a.uasc === 'yes' ? a.ceasedOn : null, updated_by: actor.id, updated_at: new Date() }
    await trx.insertInto('uasc_statuses').values({ child_id: childId, la_code: actor.laCode, ...values })
      .onConflict((oc) => oc.column('child_id').doUpdateSet(values)).execute()
    await appendChildEvent(trx, event(actor, childId, 'looked_after.uasc_changed',
      a.uasc === 'yes' ? `Recorded as an unaccompanied asylum-seeking child${a.ceasedOn ? ` until ${ukDate(a.ceasedOn)}` : ''}` : 'Recorded as not an unaccompanied asylum-seeking child',
      { uasc: a.uasc === 'yes', ceasedOn: a.ceasedOn }))
  })
}

/** A match recorded on the child's record before its adopters were: the adopters' page names them on it, once. */
async function nameMatchedAdopters(trx: Transaction<DB>, actor: Actor, childId: string, match: { id: string; milestone_date: LocalDate }, date: LocalDate,
  adopters: NonNullable<AdoptionMilestoneAnswers['adopters']>, errors: FieldErrors, form: Submission): Promise<FieldErrors | void> {
  if (date !== match.milestone_date) errors['date-day'] = `The match is already recorded on ${ukDate(match.milestone_date)}: enter that date`
  if (Object.keys(errors).length > 0) return errors
  if (form.formHasErrors) return
  await trx.updateTable('adoption_milestones').set({ adopter_household_id: adopters.householdId }).where('id', '=', match.id).execute()
  await appendChildEvent(trx, event(actor, childId, 'adoption.adopters_recorded', `Adopters ${adopters.reference} recorded for the match on ${ukDate(date)}`,
    { date, adopterHouseholdId: adopters.householdId }, true))
}

/** Adoption milestones in the order they happen: each needs the one before it where the law does. */
const milestoneNeeds: Record<string, string | undefined> = { matched: 'decision', placed: 'decision', adoption_order: 'placed', no_longer_placed: 'decision' }

export interface AdoptionMilestoneAnswers {
  milestone: string
  date: LocalDate | null
  /** For a decision no longer to place for adoption: RD1-RD4. */
  reason?: string
  /** For a match recorded from the adopters' page: the household the child is matched with. */
  adopters?: { householdId: string; reference: string }
}

export async function recordAdoptionMilestone(db: Kysely<DB>, actor: Actor, childId: string, a: AdoptionMilestoneAnswers,
  today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today)
    const period = await periodOn(trx, actor, childId, a.date, 'date', errors)
    if (!isCode(adoptionMilestones, a.milestone)) errors.milestone = 'Select the adoption milestone'
    const reversal = a.milestone === 'no_longer_placed'
    if (reversal && !isCode(adoptionReversalReasons, a.reason ?? '')) errors.reason = 'Select why the child should no longer be placed for adoption'
    if (!reversal && a.reason) errors.reason = 'Only a decision that the child should no longer be placed for adoption has a reason. Leave the reason blank'
    if (period && a.date && isCode(adoptionMilestones, a.milestone)) {
      const recorded = await trx.selectFrom('adoption_milestones').select(['id', 'milestone', 'milestone_date', 'adopter_household_id'])
        .where('period_id', '=', period.id).execute()
      const unnamedMatch = a.milestone === 'matched' ? recorded.find((r) => r.milestone === 'matched' && r.adopter_household_id === null) : undefined
      if (unnamedMatch && a.adopters) return nameMatchedAdopters(trx, actor, childId, unnamedMatch, a.date, a.adopters, errors, form)
      const dateOf = (m: string) => recorded.find((r) => r.milestone === m)?.milestone_date
      const needs = milestoneNeeds[a.milestone]
      if (dateOf(a.milestone)) errors.milestone = `${labelFor(adoptionMilestones, a.milestone)} is already recorded in this period of care (${ukDate(dateOf(a.milestone)!)})`
      else if (needs && !dateOf(needs)) errors.milestone = `Record “${labelFor(adoptionMilestones, needs).toLowerCase()}” first`
      else if (needs && a.date < dateOf(needs)!) errors['date-day'] = `The date must be on or after ${labelFor(adoptionMilestones, needs).toLowerCase()} (${ukDate(dateOf(needs)!)})`
      else if (a.milestone === 'placement_order' && dateOf('decision') && a.date < dateOf('decision')!) {
        errors['date-day'] = `The decision to place for adoption comes on or before the placement order (903 rule 554): ${ukDate(dateOf('decision')!)}`
      }
    }
    if (Object.keys(errors).length > 0 || !period || !a.date) return errors
    if (form.formHasErrors) return
    const reason = reversal ? a.reason! : null
    const adopters = a.milestone === 'matched' ? a.adopters ?? null : null
    await trx.insertInto('adoption_milestones').values({
      la_code: actor.laCode, child_id: childId, period_id: period.id, milestone: a.milestone, milestone_date: a.date, recorded_by: actor.id,
      reason, adopter_household_id: adopters?.householdId ?? null,
    }).execute()
    const why = reason ? `: ${reversalReasonText(reason)}` : adopters ? ` (adopters ${adopters.reference})` : ''
    await appendChildEvent(trx, event(actor, childId, 'adoption.milestone', `${labelFor(adoptionMilestones, a.milestone)} on ${ukDate(a.date)}${why}`,
      { milestone: a.milestone, date: a.date, ...(reason && { reason }), ...(adopters && { adopterHouseholdId: adopters.householdId }) }, true))
  })
}
