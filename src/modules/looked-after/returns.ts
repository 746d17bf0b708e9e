// The looked-after records in SSDA903 shape, for the returns generator and the care leavers module. Dates stay
// yyyy-mm-dd (the generator formats them); codes are the 903's own. One query per table for all the children.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { urnNotApplicable } from '../placements/service.js'
import { adoptionOf, adoptionOfPeriodsMatchedWith, episodesOf, missingOf, periodsOf, reviewsOf, uascOf, wellbeingOf, healthChecksOf, convictionsOf } from './repository.js'

/** A row of the 903 Episodes table. */
export interface Episode903 {
  CHILD: string
  DECOM: LocalDate
  RNE: string
  LS: string
  CIN: string
  PLACE: string
  PLACE_PROVIDER: string | null
  DEC: LocalDate | null
  REC: string | null
  REASON_PLACE_CHANGE: string | null
  HOME_POST: string | null
  PL_POST: string | null
  URN: string | null
}

export interface PeriodOfCare {
  childId: string
  periodId: string
  start: LocalDate
  end: LocalDate | null
  /** The REC of the period's last episode once it has ended. */
  reasonEnded: string | null
  categoryOfNeed: string
  episodes: Episode903[]
  /** 903 PrevPerm: the permanence order before this period. */
  previousPermanence: { PREV_PERM: string | null; LA_PERM: string | null; DATE_PERM: LocalDate | null }
}

/** Every period of care for these children (of the authority), oldest first, each with its 903 episodes. */
export async function periodsOfCare(db: Kysely<DB>, laCode: string, childIds: readonly string[]): Promise<PeriodOfCare[]> {
  const [periods, episodes] = await Promise.all([periodsOf(db, laCode, childIds), episodesOf(db, laCode, childIds)])
  return periods.map((p) => {
    const own = episodes.filter((e) => e.period_id === p.id).map((e): Episode903 => ({
      CHILD: e.child_id, DECOM: e.start_date, RNE: e.reason_new_episode, LS: e.legal_status, CIN: p.category_of_need,
      PLACE: e.placement_type, PLACE_PROVIDER: e.placement_provider, DEC: e.end_date, REC: e.reason_ceased,
      REASON_PLACE_CHANGE: e.reason_place_change, HOME_POST: e.home_postcode, PL_POST: e.placement_postcode,
      URN: e.urn ?? (e.legal_status === 'V3' || e.legal_status === 'V4' ? null : urnNotApplicable),
    }))
    return {
      childId: p.child_id, periodId: p.id, start: p.start_date, end: p.end_date, reasonEnded: p.end_date ? (own.at(-1)?.REC ?? null) : null,
      categoryOfNeed: p.category_of_need, episodes: own,
      previousPermanence: { PREV_PERM: p.previous_permanence, LA_PERM: p.previous_permanence_la, DATE_PERM: p.previous_permanence_date },
    }
  })
}

/** The 903 Episodes rows for these children, in date order. */
export async function episodesFor(db: Kysely<DB>, laCode: string, childIds: readonly string[]): Promise<Episode903[]> {
  return (await periodsOfCare(db, laCode, childIds)).flatMap((p) => p.episodes)
}

export async function reviewsFor(db: Kysely<DB>, childIds: readonly string[]): Promise<Array<{ CHILD: string; REVIEW: LocalDate; REVIEW_CODE: string }>> {
  return (await reviewsOf(db, childIds)).map((r) => ({ CHILD: r.child_id, REVIEW: r.review_date, REVIEW_CODE: r.participation }))
}

export interface Missing903 {
  CHILD: string
  MISSING: string
  MIS_START: LocalDate
  MIS_END: LocalDate | null
  /** Not in the 903 itself; kept beside it for local reporting. */
  returnInterviewOffered: boolean | null
  returnInterviewTaken: boolean | null
}

export async function missingFor(db: Kysely<DB>, childIds: readonly string[]): Promise<Missing903[]> {
  return (await missingOf(db, childIds)).map((m) => ({
    CHILD: m.child_id, MISSING: m.kind, MIS_START: m.start_date, MIS_END: m.end_date,
    returnInterviewOffered: m.return_interview_offered, returnInterviewTaken: m.return_interview_taken,
  }))
}

/** 903 UASC: children who are or were unaccompanied asylum seekers, with the date that ended (DUC). */
export async function uascFor(db: Kysely<DB>, childIds: readonly string[]): Promise<Array<{ CHILD: string; DUC: LocalDate | null }>> {
  return (await uascOf(db, childIds)).filter((u) => u.uasc).map((u) => ({ CHILD: u.child_id, DUC: u.ceased_on }))
}

export interface Adoption903 {
  CHILD: string
  periodId: string
  /** PlacedAdoption: the decision that the child should be placed for adoption, and the decision it should no longer be. */
  DATE_PLACED: LocalDate | null
  DATE_PLACED_CEASED: LocalDate | null
  REASON_PLACED_CEASED: string | null
  /** AD1: the decision (DATE_INT) and the match (DATE_MATCH). */
  DATE_INT: LocalDate | null
  DATE_MATCH: LocalDate | null
  placementOrder: LocalDate | null
  fosteringForAdoption: LocalDate | null
  placedForAdoption: LocalDate | null
  adoptionOrder: LocalDate | null
  /** The adopter household the child was matched with (placements module), when the authority recorded it. */
  adopterHouseholdId: string | null
}

export async function adoptionFor(db: Kysely<DB>, childIds: readonly string[]): Promise<Adoption903[]> {
  return adoptionRecords(await adoptionOf(db, childIds))
}

/** The adoption records of every child matched with one of these adopter households (Annex A list 11). */
export async function adoptionsMatchedWith(db: Kysely<DB>, householdIds: readonly string[]): Promise<Adoption903[]> {
  return adoptionRecords(await adoptionOfPeriodsMatchedWith(db, householdIds))
}

function adoptionRecords(rows: Awaited<ReturnType<typeof adoptionOf>>): Adoption903[] {
  const byPeriod = new Map<string, typeof rows>()
  for (const r of rows) byPeriod.set(r.period_id, [...(byPeriod.get(r.period_id) ?? []), r])
  return [...byPeriod.values()].map((milestones) => {
    const at = (m: string) => milestones.find((r) => r.milestone === m)?.milestone_date ?? null
    return {
      CHILD: milestones[0]!.child_id, periodId: milestones[0]!.period_id, DATE_PLACED: at('decision'), DATE_PLACED_CEASED: at('no_longer_placed'),
      REASON_PLACED_CEASED: milestones.find((r) => r.milestone === 'no_longer_placed')?.reason ?? null,
      adopterHouseholdId: milestones.find((r) => r.milestone === 'matched')?.adopter_household_id ?? null,
      DATE_INT: at('decision'), DATE_MATCH: at('matched'), placementOrder: at('placement_order'),
      fosteringForAdoption: at('fostering_for_adoption'), placedForAdoption: at('placed'), adoptionOrder: at('adoption_order'),
    }
  })
}

/**
 * 903 OC2 items from the latest records, with the dates of each substance misuse problem identified (and the
 * intervention) and each conviction or youth caution: the caller picks the 12 months it reports on.
 */
export async function healthFor(db: Kysely<DB>, childIds: readonly string[]) {
  const [checks, wellbeing, convictions] = await Promise.all([healthChecksOf(db, childIds), wellbeingOf(db, childIds), convictionsOf(db, childIds)])
  return childIds.map((childId) => {
    const latest = wellbeing.filter((w) => w.child_id === childId).at(-1)
    const last = (kind: string) => checks.filter((c) => c.child_id === childId && c.kind === kind).at(-1)?.check_date ?? null
    return {
      CHILD: childId, lastHealthAssessment: last('health_assessment'), lastDentalCheck: last('dental_check'),
      IMMUNISATIONS: latest ? (latest.immunisations_up_to_date ? '1' : '0') : null,
      SDQ_SCORE: latest?.sdq_score ?? null, SDQ_REASON: latest?.sdq_reason ?? null,
      SUBSTANCE_MISUSE: latest ? (latest.substance_misuse ? '1' : '0') : null,
      substanceMisuse: wellbeing.filter((w) => w.child_id === childId && w.substance_misuse)
        .map((w) => ({ on: w.recorded_on, intervention: w.substance_misuse_intervention })),
      convictions: convictions.filter((c) => c.child_id === childId).map((c) => c.outcome_date),
    }
  })
}
