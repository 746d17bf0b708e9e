// Periods of care, their 903 episodes, reviews, missing episodes and UASC status loaded from an SSDA903 return.
// A period is the one held with an episode starting on the same day as one of the return's (so last year's return
// and this year's meet in one period), or failing that one starting on the same day; an episode is the one starting
// on the same day; reviews and missing episodes likewise. What is held is brought up to date, so importing the same
// return again changes nothing. Returns are imported oldest first: a period that began before the return's year
// starts, in Kindred, with its first episode in the earliest return imported.
import type { Executor } from '../../platform/audit/audit.js'
import { appendImportedEvent, endAsKnown, onDay, type ImportSource } from '../../platform/events/imported-history.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { labelFor, placementTypes, urnNotApplicable } from '../placements/service.js'
import { leavingCareReasons, legalStatuses, missingKinds, participationCodes } from './codes.js'
import { ukDate } from './outcomes.js'

export interface ImportedEpisode {
  startDate: LocalDate
  reasonNewEpisode: string
  legalStatus: string
  placementType: string
  provider: string | null
  urn: string | null
  homePostcode: string | null
  placementPostcode: string | null
  endDate: LocalDate | null
  reasonCeased: string | null
  reasonPlaceChange: string | null
}

export interface ImportedPeriod {
  childId: string
  categoryOfNeed: string
  /** The 903's PrevPerm, for a period that began in the return's year. */
  previousPermanence: { code: string | null; la: string | null; date: LocalDate | null } | null
  /** In date order; the last one's REC, unless X1, ends the period. */
  episodes: ImportedEpisode[]
}

export async function importCarePeriod(trx: Executor, source: ImportSource, period: ImportedPeriod): Promise<void> {
  const first = period.episodes[0]!
  const last = period.episodes.at(-1)!
  const { childId } = period
  const held = await trx.selectFrom('care_periods as p').where('p.child_id', '=', childId).where('p.la_code', '=', source.laCode)
    .where((eb) => eb.or([
      eb('p.start_date', '=', first.startDate),
      eb.exists(eb.selectFrom('care_episodes as e').whereRef('e.period_id', '=', 'p.id').where('e.start_date', 'in', period.episodes.map((e) => e.startDate))),
    ])).select(['p.id', 'p.end_date']).executeTakeFirst()
  const endDate = endAsKnown(source, last.reasonCeased && last.reasonCeased !== 'X1' ? last.endDate : null, held?.end_date)
  const permanence = period.previousPermanence
    ? { previous_permanence: period.previousPermanence.code, previous_permanence_la: period.previousPermanence.la, previous_permanence_date: period.previousPermanence.date }
    : {}
  let periodId = held?.id
  if (!held) {
    periodId = (await trx.insertInto('care_periods').values({
      la_code: source.laCode, child_id: childId, start_date: first.startDate, end_date: null, category_of_need: period.categoryOfNeed,
      created_by: source.recorderId, ...permanence,
    }).returning('id').executeTakeFirstOrThrow()).id
    await appendImportedEvent(trx, source, {
      childId, type: 'looked_after.started', occurredAt: onDay(first.startDate), significant: true,
      summary: `Looked after: ${describe(first.legalStatus, first.placementType)}`,
      data: { periodId, startDate: first.startDate, legalStatus: first.legalStatus, placementType: first.placementType, categoryOfNeed: period.categoryOfNeed },
    })
  } else if (period.previousPermanence) {
    await trx.updateTable('care_periods').set(permanence).where('id', '=', periodId!).execute()
  }
  for (const episode of period.episodes) await importEpisode(trx, source, childId, periodId!, episode, episode === first && !held)
  if ((held?.end_date ?? null) !== endDate) {
    await trx.updateTable('care_periods').set({ end_date: endDate }).where('id', '=', periodId!).execute()
    if (endDate) {
      await appendImportedEvent(trx, source, {
        childId, type: 'looked_after.ended', occurredAt: onDay(endDate), significant: true,
        summary: `Left care: ${labelFor(leavingCareReasons, last.reasonCeased!).toLowerCase()}`, data: { periodId, date: endDate, reason: last.reasonCeased },
      })
    }
  }
}

async function importEpisode(trx: Executor, source: ImportSource, childId: string, periodId: string, e: ImportedEpisode, startsPeriod: boolean): Promise<void> {
  const columns = {
    reason_new_episode: e.reasonNewEpisode, legal_status: e.legalStatus, placement_type: e.placementType, placement_provider: e.provider,
    urn: e.urn === urnNotApplicable ? null : e.urn, home_postcode: e.homePostcode, placement_postcode: e.placementPostcode,
    end_date: e.endDate, reason_ceased: e.endDate ? e.reasonCeased : null, reason_place_change: e.reasonPlaceChange,
  }
  const held = await trx.selectFrom('care_episodes').where('period_id', '=', periodId).where('start_date', '=', e.startDate)
    .select(['id', ...(Object.keys(columns) as (keyof typeof columns)[])]).executeTakeFirst()
  if (held && e.endDate === null && endAsKnown(source, null, held.end_date)) return
  if (held) {
    if ((Object.keys(columns) as (keyof typeof columns)[]).some((k) => held[k] !== columns[k])) {
      await trx.updateTable('care_episodes').set(columns).where('id', '=', held.id).execute()
    }
    return
  }
  await trx.insertInto('care_episodes').values({ la_code: source.laCode, child_id: childId, period_id: periodId, start_date: e.startDate, created_by: source.recorderId, ...columns }).execute()
  if (startsPeriod) return
  await appendImportedEvent(trx, source, {
    childId, type: 'placement.changed', occurredAt: onDay(e.startDate), significant: true,
    summary: `New episode of care (${e.reasonNewEpisode}): ${describe(e.legalStatus, e.placementType)}`,
    data: { periodId, legalStatus: e.legalStatus, placementType: e.placementType, reasonNewEpisode: e.reasonNewEpisode },
  })
}

const describe = (legalStatus: string, placementType: string) =>
  `${labelFor(legalStatuses, legalStatus).toLowerCase()} (${legalStatus}); placement: ${labelFor(placementTypes, placementType).toLowerCase()} (${placementType})`

/** The period of care a date falls in, or else the latest that began before it. */
async function periodOn(trx: Executor, childId: string, date: LocalDate): Promise<string | undefined> {
  const row = await trx.selectFrom('care_periods').where('child_id', '=', childId).where('start_date', '<=', date)
    .orderBy('start_date', 'desc').select('id').executeTakeFirst()
  return row?.id
}

/** A looked-after review and how the child took part; false when the child has no period of care to hold it. */
export async function importReview(trx: Executor, source: ImportSource, childId: string, reviewDate: LocalDate, participation: string): Promise<boolean> {
  const held = await trx.selectFrom('looked_after_reviews').where('child_id', '=', childId).where('review_date', '=', reviewDate).select(['id', 'participation']).executeTakeFirst()
  if (held) {
    if (held.participation !== participation) await trx.updateTable('looked_after_reviews').set({ participation }).where('id', '=', held.id).execute()
    return true
  }
  const periodId = await periodOn(trx, childId, reviewDate)
  if (!periodId) return false
  await trx.insertInto('looked_after_reviews').values({ la_code: source.laCode, child_id: childId, period_id: periodId, review_date: reviewDate, participation, recorded_by: source.recorderId }).execute()
  await appendImportedEvent(trx, source, {
    childId, type: 'looked_after.review_held', occurredAt: onDay(reviewDate),
    summary: `Looked-after review held: ${labelFor(participationCodes, participation).toLowerCase()} (${participation})`, data: { date: reviewDate, participation },
  })
  return true
}

export async function importMissing(trx: Executor, source: ImportSource, childId: string, kind: string, startDate: LocalDate, endDate: LocalDate | null): Promise<void> {
  const held = await trx.selectFrom('missing_episodes').where('child_id', '=', childId).where('start_date', '=', startDate).where('kind', '=', kind)
    .select(['id', 'end_date']).executeTakeFirst()
  if (held) {
    const known = endAsKnown(source, endDate, held.end_date)
    if (held.end_date === known) return
    await trx.updateTable('missing_episodes').set({ end_date: known }).where('id', '=', held.id).execute()
    if (known) await appendImportedEvent(trx, source, { childId, type: 'missing.returned', occurredAt: onDay(known), significant: true, summary: `Came back on ${ukDate(known)}`, data: { missingId: held.id, end: known } })
    return
  }
  await trx.insertInto('missing_episodes').values({
    la_code: source.laCode, child_id: childId, kind, start_date: startDate, end_date: endDate, return_interview_offered: null, return_interview_taken: null, recorded_by: source.recorderId,
  }).execute()
  await appendImportedEvent(trx, source, {
    childId, type: 'missing.recorded', occurredAt: onDay(startDate), significant: true,
    summary: `${labelFor(missingKinds, kind)} from ${ukDate(startDate)}${endDate ? ` to ${ukDate(endDate)}` : ', not back by the census date'}`, data: { kind, start: startDate, end: endDate },
  })
}

/** The child is (or was, until `ceasedOn`) an unaccompanied asylum-seeking child. */
export async function importUasc(trx: Executor, source: ImportSource, childId: string, ceasedOn: LocalDate | null): Promise<void> {
  const held = await trx.selectFrom('uasc_statuses').where('child_id', '=', childId).select(['uasc', 'ceased_on']).executeTakeFirst()
  if (held?.uasc && held.ceased_on === endAsKnown(source, ceasedOn, held.ceased_on)) return
  await trx.insertInto('uasc_statuses').values({ child_id: childId, la_code: source.laCode, uasc: true, ceased_on: ceasedOn, updated_by: source.recorderId })
    .onConflict((oc) => oc.column('child_id').doUpdateSet({ uasc: true, ceased_on: ceasedOn, updated_by: source.recorderId })).execute()
  await appendImportedEvent(trx, source, {
    childId, type: 'looked_after.uasc_changed', occurredAt: new Date(),
    summary: `Recorded as an unaccompanied asylum-seeking child${ceasedOn ? ' until the date the return gives' : ''}`, data: { uasc: true, ceasedOn },
  })
}
