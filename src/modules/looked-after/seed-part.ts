// The looked-after module's part of `kindred seed`: each seeded child's periods of care and 903 episodes
// (seed-care.ts), placed at sites from the placements module, and what happened while they were looked after
// (seed-records.ts), written to this module's tables with the events its service writes, so the chronology,
// the deadlines, the 903 and the dashboards read them as if social workers had recorded them.
import type { Day, SeedChild } from '../../platform/seed/facts.js'
import type { Emit, SeedContext, SeedPart, SeedTable } from '../../platform/seed/part.js'
import { childEventsTable } from '../../platform/seed/parts/chronology.js'
import { at, date } from '../../platform/seed/parts/dates.js'
import type { Random } from '../../platform/seed/random.js'
import {
  allCentroids, labelFor, placementChangeReasons, placementTypes, PlacementSites, seededAdopterHouseholdId, type PlacementSite,
} from '../placements/service.js'
import {
  adoptionMilestones, convictionKinds, leavingCareReasons, legalStatuses, missingKinds, participationCodes, reversalReasonText, substanceMisuseInterventions,
} from './codes.js'
import { ukDate } from './outcomes.js'
import { seededCare, type SeededPeriod } from './seed-care.js'
import { carePlanningTables, writeCarePlanning } from './seed-care-planning.js'
import { conviction, healthChecks, missingEpisodes, pepMeetings, reviews, substanceMisuseIntervention, visits, wellbeing, type Window } from './seed-records.js'

const t = (name: string, columns: SeedTable['columns']): SeedTable => ({ name, columns })
const recorded = [['recorded_by', 'uuid'], ['recorded_at', 'timestamptz']] as const
const tables = {
  periods: t('care_periods', [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['start_date', 'date'], ['end_date', 'date'], ['category_of_need', 'text'],
    ['previous_permanence', 'text'], ['previous_permanence_la', 'text'], ['previous_permanence_date', 'date'], ['created_by', 'uuid']]),
  episodes: t('care_episodes', [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['period_id', 'uuid'], ['start_date', 'date'], ['reason_new_episode', 'text'],
    ['legal_status', 'text'], ['placement_type', 'text'], ['placement_provider', 'text'], ['urn', 'text'], ['home_postcode', 'text'], ['placement_postcode', 'text'],
    ['visit_regime', 'text'], ['end_date', 'date'], ['reason_ceased', 'text'], ['reason_place_change', 'text'], ['created_by', 'uuid']]),
  reviews: t('looked_after_reviews', [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['period_id', 'uuid'], ['review_date', 'date'], ['participation', 'text'], ...recorded]),
  visits: t('looked_after_visits', [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['period_id', 'uuid'], ['visit_date', 'date'], ['seen_alone', 'bool'], ...recorded]),
  health: t('looked_after_health_checks', [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['period_id', 'uuid'], ['kind', 'text'], ['check_date', 'date'], ...recorded]),
  wellbeing: t('looked_after_wellbeing', [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['recorded_on', 'date'], ['immunisations_up_to_date', 'bool'],
    ['sdq_score', 'int'], ['sdq_reason', 'text'], ['substance_misuse', 'bool'], ['substance_misuse_intervention', 'text'], ...recorded]),
  convictions: t('looked_after_convictions', [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['kind', 'text'], ['outcome_date', 'date'], ...recorded]),
  education: t('looked_after_education', [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['period_id', 'uuid'], ['kind', 'text'], ['event_date', 'date'], ...recorded]),
  missing: t('missing_episodes', [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['kind', 'text'], ['start_date', 'date'], ['end_date', 'date'],
    ['return_interview_offered', 'bool'], ['return_interview_taken', 'bool'], ...recorded]),
  uasc: t('uasc_statuses', [['child_id', 'uuid'], ['la_code', 'text'], ['uasc', 'bool'], ['ceased_on', 'date'], ['updated_by', 'uuid'], ['updated_at', 'timestamptz']]),
  adoption: t('adoption_milestones', [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['period_id', 'uuid'], ['milestone', 'text'], ['milestone_date', 'date'], ['adopter_household_id', 'uuid'],
    ['reason', 'text'], ...recorded]),
}

/** IdMaker table numbers for this module's rows (in the module's migration range, clear of every other part's). */
const idTable = { period: 0x160, episode: 0x161, review: 0x162, visit: 0x163, health: 0x164, wellbeing: 0x165, education: 0x166, missing: 0x167, adoption: 0x168, conviction: 0x16a }

const lower = (text: string) => text.toLowerCase()
const describe = (legalStatus: string, placementType: string) =>
  `${lower(labelFor(legalStatuses, legalStatus))} (${legalStatus}); placement: ${lower(labelFor(placementTypes, placementType))} (${placementType})`

interface ChildWriter {
  ctx: SeedContext
  child: SeedChild
  emit: Emit
  random: Random
  /** The child's social worker, who records what happened. */
  worker: string
  event(day: Day, order: number, type: string, summary: string, data: Record<string, unknown>, significant?: boolean): void
}

function writerFor(ctx: SeedContext, child: SeedChild, emit: Emit, random: Random): ChildWriter {
  const holders = ctx.organisation.caseholders.children_in_care
  const worker = holders[random.below(holders.length)]!.workers.pick(random).id
  const la_code = ctx.plan.authority.code
  return {
    ctx, child, emit, random, worker,
    event(day, order, type, summary, data, significant = false) {
      emit(childEventsTable, {
        la_code, child_id: child.id, type, occurred_at: at(day, order), recorded_at: at(day, order), recorded_by: worker, significant, summary, data,
      })
    },
  }
}

/** The child's home when care began: the address they lived at the day before. */
function homePostcode(child: SeedChild, day: Day): string {
  const home = child.addresses.find((a) => (a.movedIn ?? -Infinity) < day && (a.movedOut === null || a.movedOut >= day - 1)) ?? child.addresses[0]
  return home!.postcode
}

function writePeriod(w: ChildWriter, sites: PlacementSites, period: SeededPeriod, window: Window): void {
  const { ctx, child, emit, random, worker } = w
  const la_code = ctx.plan.authority.code
  const periodId = ctx.ids.next(idTable.period)
  const home = homePostcode(child, period.start)
  const permanent = period.previousPermanence.code !== 'Z1'
  emit(tables.periods, {
    id: periodId, la_code, child_id: child.id, start_date: date(period.start), end_date: date(period.end), category_of_need: period.categoryOfNeed,
    previous_permanence: period.previousPermanence.code, previous_permanence_la: permanent ? la_code : null,
    previous_permanence_date: date(period.previousPermanence.date), created_by: worker,
  })
  const placed: PlacementSite[] = []
  for (const p of period.placements) {
    const before = placed[placed.length - 1]
    const site = sites.site(random, p.type, home, p.far)
    placed.push(p.sameCarer && before ? { ...site, postcode: before.postcode } : site)
  }
  period.episodes.forEach((e, i) => {
    const site = placed[e.placement]!
    const type = period.placements[e.placement]!.type
    emit(tables.episodes, {
      id: ctx.ids.next(idTable.episode), la_code, child_id: child.id, period_id: periodId, start_date: date(e.start), reason_new_episode: e.reasonNewEpisode,
      legal_status: e.legalStatus, placement_type: type, placement_provider: site.provider, urn: site.urn, home_postcode: home,
      placement_postcode: site.postcode, visit_regime: 'ordinary', end_date: date(e.end), reason_ceased: e.reasonCeased,
      reason_place_change: e.reasonPlaceChange, created_by: worker,
    })
    const before = period.episodes[i - 1]
    if (!before) {
      w.event(e.start, 70, 'looked_after.started', `Came into care on ${ukDate(date(e.start)!)}: ${describe(e.legalStatus, type)}`,
        { periodId, startDate: date(e.start), legalStatus: e.legalStatus, placementType: type, categoryOfNeed: period.categoryOfNeed }, true)
    } else if (before.legalStatus !== e.legalStatus) {
      w.event(e.start, 72, 'looked_after.legal_status_changed',
        `Legal status changed on ${ukDate(date(e.start)!)} from ${lower(labelFor(legalStatuses, before.legalStatus))} to ${lower(labelFor(legalStatuses, e.legalStatus))}`,
        { from: before.legalStatus, to: e.legalStatus, date: date(e.start), reasonNewEpisode: e.reasonNewEpisode }, true)
    }
    if (before && before.placement !== e.placement) {
      const from = period.placements[before.placement]!.type
      const sameCarer = period.placements[e.placement]!.sameCarer
      w.event(e.start, 74, 'placement.changed', sameCarer
        ? `Placement changed on ${ukDate(date(e.start)!)}, same carer: now ${lower(labelFor(placementTypes, type))}`
        : `Moved placement on ${ukDate(date(e.start)!)} to ${lower(labelFor(placementTypes, type))}${before.reasonPlaceChange ? ` (${lower(labelFor(placementChangeReasons, before.reasonPlaceChange))})` : ''}`,
      { date: date(e.start), from, to: type, sameCarer, reason: before.reasonPlaceChange, reasonNewEpisode: e.reasonNewEpisode }, true)
    }
  })
  for (const a of period.adoption) {
    // A match is with the household the adopters' part wrote for this period of care.
    const adopters = a.milestone === 'matched' ? seededAdopterHouseholdId(child, period.start) : null
    emit(tables.adoption, {
      id: ctx.ids.next(idTable.adoption), la_code, child_id: child.id, period_id: periodId, milestone: a.milestone, milestone_date: date(a.day),
      adopter_household_id: adopters, reason: a.reason ?? null, recorded_by: worker, recorded_at: at(a.day, 60),
    })
    w.event(a.day, 60, 'adoption.milestone', `${labelFor(adoptionMilestones, a.milestone)} on ${ukDate(date(a.day)!)}${a.reason ? `: ${reversalReasonText(a.reason)}` : ''}`,
      { milestone: a.milestone, date: date(a.day), ...(a.reason && { reason: a.reason }), ...(adopters && { adopterHouseholdId: adopters }) }, true)
  }
  if (period.end !== null) {
    w.event(period.end, 90, 'looked_after.ended', `Left care on ${ukDate(date(period.end)!)}: ${lower(labelFor(leavingCareReasons, period.reasonEnded))}`,
      { periodId, date: date(period.end), reason: period.reasonEnded }, true)
  }
  writeRecords(w, period, periodId, window)
  writeCarePlanning(w, period, periodId, window)
}

function writeRecords(w: ChildWriter, period: SeededPeriod, periodId: string, window: Window): void {
  const { ctx, child, emit, random, worker } = w
  const la_code = ctx.plan.authority.code
  const own = { la_code, child_id: child.id, recorded_by: worker }
  const dob = child.dateOfBirth
  const iro = ctx.organisation.workers.find((x) => x.role === 'iro')?.id ?? worker
  for (const r of reviews(random, period, dob, window)) {
    emit(tables.reviews, { ...own, id: ctx.ids.next(idTable.review), period_id: periodId, review_date: date(r.day), participation: r.participation, recorded_by: iro, recorded_at: at(r.day, 40) })
    w.event(r.day, 40, 'looked_after.review_held', `Looked-after review held on ${ukDate(date(r.day)!)}: ${lower(labelFor(participationCodes, r.participation))} (${r.participation})`,
      { date: date(r.day), participation: r.participation })
  }
  for (const v of visits(random, period, dob, window)) {
    emit(tables.visits, { ...own, id: ctx.ids.next(idTable.visit), period_id: periodId, visit_date: date(v.day), seen_alone: v.seenAlone, recorded_at: at(v.day, 30) })
    w.event(v.day, 30, 'visit.looked_after', `Social worker visit on ${ukDate(date(v.day)!)}${v.seenAlone ? ', child seen alone' : ''}`, { date: date(v.day), seenAlone: v.seenAlone })
  }
  for (const h of healthChecks(random, period, dob, window)) {
    emit(tables.health, { ...own, id: ctx.ids.next(idTable.health), period_id: periodId, kind: h.kind, check_date: date(h.day), recorded_at: at(h.day, 50) })
    w.event(h.day, 50, 'health.check_recorded', `${h.kind === 'dental_check' ? 'Dental check' : 'Health assessment'} on ${ukDate(date(h.day)!)}`, { date: date(h.day), kind: h.kind })
  }
  for (const day of pepMeetings(random, period, dob, window)) {
    emit(tables.education, { ...own, id: ctx.ids.next(idTable.education), period_id: periodId, kind: 'pep_meeting', event_date: date(day), recorded_at: at(day, 55) })
    w.event(day, 55, 'education.pep_meeting', `Personal education plan meeting on ${ukDate(date(day)!)}`, { date: date(day), kind: 'pep_meeting' })
  }
  const oc2 = wellbeing(random, period, dob, window)
  // The youth justice and intervention draws have their own stream, so adding them left every other record as it was.
  const outcomes = random.derive(child.id, 'oc2-outcomes')
  if (oc2) {
    const intervention = oc2.substanceMisuse ? substanceMisuseIntervention(outcomes) : null
    emit(tables.wellbeing, {
      ...own, id: ctx.ids.next(idTable.wellbeing), recorded_on: date(oc2.day), immunisations_up_to_date: oc2.immunisationsUpToDate, sdq_score: oc2.sdqScore,
      sdq_reason: oc2.sdqReason, substance_misuse: oc2.substanceMisuse, substance_misuse_intervention: intervention, recorded_at: at(oc2.day, 52),
    })
    w.event(oc2.day, 52, 'health.wellbeing_recorded',
      `Health and wellbeing recorded on ${ukDate(date(oc2.day)!)}: immunisations ${oc2.immunisationsUpToDate ? 'up to date' : 'not up to date'}, ${oc2.sdqScore === null ? 'no SDQ score' : `SDQ score ${oc2.sdqScore}`}${
        intervention ? `, substance misuse problem (${lower(labelFor(substanceMisuseInterventions, intervention))})` : ''}`,
      { date: date(oc2.day), sdqScore: oc2.sdqScore, sdqReason: oc2.sdqReason, substanceMisuse: oc2.substanceMisuse, intervention })
  }
  const convicted = conviction(outcomes, period, dob, window)
  if (convicted) {
    emit(tables.convictions, { ...own, id: ctx.ids.next(idTable.conviction), kind: convicted.kind, outcome_date: date(convicted.day), recorded_at: at(convicted.day, 54) })
    w.event(convicted.day, 54, 'youth_justice.recorded', `${labelFor(convictionKinds, convicted.kind)} on ${ukDate(date(convicted.day)!)}`,
      { kind: convicted.kind, date: date(convicted.day) }, true)
  }
  for (const m of missingEpisodes(random, period, dob, window)) {
    emit(tables.missing, {
      ...own, id: ctx.ids.next(idTable.missing), kind: m.kind, start_date: date(m.start), end_date: date(m.end),
      return_interview_offered: m.offered, return_interview_taken: m.taken, recorded_at: at(m.end, 20),
    })
    w.event(m.end, 20, 'missing.recorded', `${labelFor(missingKinds, m.kind)} from ${ukDate(date(m.start)!)} to ${ukDate(date(m.end)!)}`,
      { kind: m.kind, start: date(m.start), end: date(m.end) }, true)
  }
}

function writeChild(ctx: SeedContext, sites: PlacementSites, child: SeedChild, emit: Emit, random: Random, window: Window): void {
  const care = seededCare(ctx.seed, child, ctx.period.asOf)
  if (care.periods.length === 0) return
  const w = writerFor(ctx, child, emit, random)
  for (const period of care.periods) writePeriod(w, sites, period, window)
  if (care.uasc) {
    const since = care.periods[0]!.start
    emit(tables.uasc, { child_id: child.id, la_code: ctx.plan.authority.code, uasc: true, ceased_on: date(care.uasc.ceasedOn), updated_by: w.worker, updated_at: at(since, 75) })
    w.event(since, 75, 'looked_after.uasc_changed',
      `Recorded as an unaccompanied asylum-seeking child${care.uasc.ceasedOn !== null ? ` until ${ukDate(date(care.uasc.ceasedOn)!)}` : ''}`,
      { uasc: true, ceasedOn: date(care.uasc.ceasedOn) })
  }
}

function lookedAfterPart(sites: (ctx: SeedContext) => PlacementSites): SeedPart {
  return {
    name: 'looked-after',
    tables: [...Object.values(tables), ...carePlanningTables, childEventsTable],
    async prepare(db) {
      const centroids = await allCentroids(db)
      return lookedAfterPart((ctx) => new PlacementSites(centroids, ctx.plan.authority, `${ctx.seed}/${ctx.plan.authority.code}`))
    },
    families(ctx, families, emit) {
      const window: Window = { from: ctx.period.yearStart - 365, asOf: ctx.period.asOf }
      const here = sites(ctx)
      for (const family of families) {
        const random = ctx.random('looked-after', family.index)
        for (const child of family.children) writeChild(ctx, here, child, emit, random, window)
      }
    },
  }
}

/** Without `prepare` (which loads the centroids) distances are unknown: every site is in the authority's own districts. */
export const lookedAfterSeedPart: SeedPart = lookedAfterPart((ctx) => new PlacementSites(new Map(), ctx.plan.authority, `${ctx.seed}/${ctx.plan.authority.code}`))
