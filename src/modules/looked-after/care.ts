// Periods of care and their episodes, written from what happened: the child came into care, moved, a new legal
// order, a change of placement type, the child left care. Each is one transaction with its event.
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { isCode, labelFor, placementChangeReasons, placementTypes } from '../placements/service.js'
import { adoptedReasons, categoriesOfNeed, leavingCareReasons, legalStatuses, legalStatusRefusal, previousPermanence } from './codes.js'
import { checkPlacement, nextEpisode, placementDiffers, type Placement, type PlacementAnswers } from './episodes.js'
import { change, checkDate, refuse, ukDate, type Actor, type FieldErrors, type Outcome } from './outcomes.js'
import type { Submission } from './submissions.js'
import { latestPeriod, lockChild, openEpisodeForUpdate, type EpisodeRow } from './repository.js'

export interface StartAnswers extends PlacementAnswers {
  startDate: LocalDate | null
  legalStatus: string
  categoryOfNeed: string
  previousPermanence: string
  previousPermanenceLa: string
  previousPermanenceDate: LocalDate | null
}

const placementColumns = (p: Placement) => ({
  placement_type: p.placementType, placement_provider: p.provider, urn: p.urn, home_postcode: p.homePostcode,
  placement_postcode: p.placementPostcode, visit_regime: p.visitRegime,
})

const placementOf = (e: EpisodeRow): Placement => ({
  placementType: e.placement_type, provider: e.placement_provider, urn: e.urn, homePostcode: e.home_postcode,
  placementPostcode: e.placement_postcode, visitRegime: e.visit_regime,
})

const describe = (legalStatus: string, placementType: string) =>
  `${labelFor(legalStatuses, legalStatus).toLowerCase()} (${legalStatus}); placement: ${labelFor(placementTypes, placementType).toLowerCase()} (${placementType})`

async function childOrRefuse(trx: Transaction<DB>, actor: Actor, childId: string) {
  const child = await lockChild(trx, actor.laCode, childId)
  if (!child) refuse({ 'main-form': 'This child’s record was not found' })
  return child
}

export async function startCare(db: Kysely<DB>, actor: Actor, childId: string, a: StartAnswers, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const child = await childOrRefuse(trx, actor, childId)
    const errors: FieldErrors = {}
    const last = await latestPeriod(trx, actor.laCode, childId)
    if (last && !last.end_date) {
      return { 'startDate-day': `This child is already looked after (since ${ukDate(last.start_date)}). Record a move or a new legal status instead` }
    }
    const after = last?.end_date ? { date: last.end_date, what: 'the last period of care ended', strictly: true }
      : child.date_of_birth ? { date: child.date_of_birth, what: 'the child’s date of birth' } : undefined
    checkDate(errors, 'startDate', a.startDate, today, after)
    if (!isCode(legalStatuses, a.legalStatus)) errors.legalStatus = 'Select the legal status'
    if (!isCode(categoriesOfNeed, a.categoryOfNeed)) errors.categoryOfNeed = 'Select the category of need'
    if (!isCode(previousPermanence, a.previousPermanence)) errors.previousPermanence = 'Select any permanence order the child had before (903 rule 630)'
    else if (a.previousPermanence !== 'Z1') {
      if (!a.previousPermanenceLa) errors.previousPermanenceLa = 'Enter the local authority that made the arrangements for the earlier order (903 rule 630)'
      if (!a.previousPermanenceDate) errors['previousPermanenceDate-day'] = 'Enter the date of the earlier order (903 rule 630)'
      else if (a.startDate && a.previousPermanenceDate >= a.startDate) errors['previousPermanenceDate-day'] = 'The earlier order must be before the child came into care (903 rule 632)'
    }
    const placement = checkPlacement(a, a.legalStatus, errors)
    if (Object.keys(errors).length > 0 || !placement || !a.startDate) return errors
    if (form.formHasErrors) return
    const period = await trx.insertInto('care_periods').values({
      la_code: actor.laCode, child_id: childId, start_date: a.startDate, category_of_need: a.categoryOfNeed,
      previous_permanence: a.previousPermanence, previous_permanence_la: a.previousPermanence === 'Z1' ? null : a.previousPermanenceLa,
      previous_permanence_date: a.previousPermanence === 'Z1' ? null : a.previousPermanenceDate, created_by: actor.id,
    }).returning('id').executeTakeFirstOrThrow()
    await trx.insertInto('care_episodes').values({
      la_code: actor.laCode, child_id: childId, period_id: period.id, start_date: a.startDate, reason_new_episode: 'S',
      legal_status: a.legalStatus, ...placementColumns(placement), created_by: actor.id,
    }).execute()
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'looked_after.started', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: `Came into care on ${ukDate(a.startDate)}: ${describe(a.legalStatus, placement.placementType)}`,
      data: { periodId: period.id, startDate: a.startDate, legalStatus: a.legalStatus, placementType: placement.placementType, categoryOfNeed: a.categoryOfNeed },
    })
  })
}

/** Applies a change to the open episode: amends it (same day) or ends it with X1 and starts the next. */
async function writeChange(trx: Transaction<DB>, actor: Actor, open: EpisodeRow, write: ReturnType<typeof nextEpisode>, date: LocalDate) {
  const columns = { reason_new_episode: write.reasonNewEpisode, legal_status: write.legalStatus, ...placementColumns(write.placement) }
  if (write.mode === 'amend') {
    await trx.updateTable('care_episodes').set(columns).where('id', '=', open.id).execute()
    if (write.reasonPlaceChange) {
      await trx.updateTable('care_episodes').set({ reason_place_change: write.reasonPlaceChange })
        .where('period_id', '=', open.period_id).where('end_date', '=', date).where('reason_ceased', '=', 'X1').execute()
    }
    return
  }
  await trx.updateTable('care_episodes').set({ end_date: date, reason_ceased: 'X1', reason_place_change: write.reasonPlaceChange })
    .where('id', '=', open.id).execute()
  await trx.insertInto('care_episodes').values({
    la_code: actor.laCode, child_id: open.child_id, period_id: open.period_id, start_date: date, ...columns, created_by: actor.id,
  }).execute()
}

async function openOrRefuse(trx: Transaction<DB>, actor: Actor, childId: string, field: string): Promise<EpisodeRow> {
  await childOrRefuse(trx, actor, childId)
  const open = await openEpisodeForUpdate(trx, actor.laCode, childId)
  if (!open) refuse({ [field]: 'This child is not looked after now. Record the child coming into care first: a new period of care starts then' })
  return open
}

export async function changeLegalStatus(db: Kysely<DB>, actor: Actor, childId: string, a: { date: LocalDate | null; legalStatus: string },
  today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const open = await openOrRefuse(trx, actor, childId, 'legalStatus')
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today, { date: open.start_date, what: 'the current episode of care started' })
    if (!isCode(legalStatuses, a.legalStatus)) errors.legalStatus = 'Select the new legal status'
    else {
      const refusal = legalStatusRefusal(open.legal_status, a.legalStatus)
      if (refusal) errors.legalStatus = refusal
      else if (a.legalStatus === 'V2' && open.placement_type === 'P1') errors.legalStatus = 'A child placed with parents cannot be accommodated under section 20 alone (903 rule 378)'
    }
    if (Object.keys(errors).length > 0 || !a.date) return errors
    if (form.formHasErrors) return
    const write = nextEpisode({ ...placementOf(open), startDate: open.start_date, reasonNewEpisode: open.reason_new_episode, legalStatus: open.legal_status },
      { kind: 'legal-status', date: a.date, legalStatus: a.legalStatus })
    await writeChange(trx, actor, open, write, a.date)
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'looked_after.legal_status_changed', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: `Legal status changed on ${ukDate(a.date)} from ${labelFor(legalStatuses, open.legal_status).toLowerCase()} to ${labelFor(legalStatuses, a.legalStatus).toLowerCase()}`,
      data: { from: open.legal_status, to: a.legalStatus, date: a.date, reasonNewEpisode: write.reasonNewEpisode },
    })
  })
}

export interface MoveAnswers extends PlacementAnswers {
  date: LocalDate | null
  /** `yes` when the child stays with the same carer (a change of placement type or provider, or the carer moved house). */
  sameCarer: string
  reason: string
}

export async function changePlacement(db: Kysely<DB>, actor: Actor, childId: string, a: MoveAnswers, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const open = await openOrRefuse(trx, actor, childId, 'placementType')
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today, { date: open.start_date, what: 'the current placement started' })
    if (a.sameCarer !== 'yes' && a.sameCarer !== 'no') errors.sameCarer = 'Select whether the child is still with the same carer'
    const placement = checkPlacement(a, open.legal_status, errors)
    const temporaryMove = /^T/.test(a.placementType) || /^T/.test(open.placement_type)
    if (!temporaryMove && !isCode(placementChangeReasons, a.reason)) errors.reason = 'Select the reason for the placement change (903 rule 225)'
    if (placement && !placementDiffers(placementOf(open), placement)) {
      errors.placementType = 'Nothing about the placement has changed: a new placement needs a different type, provider, URN or postcode (903 rule 435)'
    }
    if (Object.keys(errors).length > 0 || !placement || !a.date) return errors
    if (form.formHasErrors) return
    const write = nextEpisode({ ...placementOf(open), startDate: open.start_date, reasonNewEpisode: open.reason_new_episode, legalStatus: open.legal_status },
      { kind: 'placement', date: a.date, placement, sameCarer: a.sameCarer === 'yes', reason: temporaryMove ? null : a.reason })
    await writeChange(trx, actor, open, write, a.date)
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'placement.changed', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: a.sameCarer === 'yes'
        ? `Placement changed on ${ukDate(a.date)}, same carer: now ${labelFor(placementTypes, placement.placementType).toLowerCase()}`
        : `Moved placement on ${ukDate(a.date)} to ${labelFor(placementTypes, placement.placementType).toLowerCase()}${write.reasonPlaceChange ? ` (${labelFor(placementChangeReasons, write.reasonPlaceChange).toLowerCase()})` : ''}`,
      data: { date: a.date, from: open.placement_type, to: placement.placementType, sameCarer: a.sameCarer === 'yes', reason: write.reasonPlaceChange, reasonNewEpisode: write.reasonNewEpisode },
    })
  })
}

export async function leaveCare(db: Kysely<DB>, actor: Actor, childId: string, a: { date: LocalDate | null; reason: string }, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const open = await openOrRefuse(trx, actor, childId, 'reason')
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today, { date: open.start_date, what: 'the current episode of care started' })
    if (!isCode(leavingCareReasons, a.reason)) errors.reason = 'Select why the child left care'
    else if (adoptedReasons.has(a.reason) && !/^A[3-6]$/.test(open.placement_type)) {
      errors.reason = 'A child leaves care by adoption from a placement for adoption (A3 to A6). Record the placement for adoption first'
    }
    if (Object.keys(errors).length > 0 || !a.date) return errors
    if (form.formHasErrors) return
    await trx.updateTable('care_episodes').set({ end_date: a.date, reason_ceased: a.reason }).where('id', '=', open.id).execute()
    await trx.updateTable('care_periods').set({ end_date: a.date }).where('id', '=', open.period_id).execute()
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'looked_after.ended', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: `Left care on ${ukDate(a.date)}: ${labelFor(leavingCareReasons, a.reason).toLowerCase()}`,
      data: { periodId: open.period_id, date: a.date, reason: a.reason },
    })
  })
}
