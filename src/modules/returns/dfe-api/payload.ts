// Each child's record in the shape of the DfE children's social care API (specification v0.7/0.8, as in
// ../shared/returns/dfe_api/payload_shape.md): details, SDQ scores, and one social care episode per referral with
// its workers, assessments, plans, enquiries, placements, adoption and care leaver contact. Read through each
// module's service, one query per table for all the children.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { LocalDate } from '../../../platform/working-days/local-date.js'
import { childCharacteristics } from '../../people/service.js'
import { referralsInAuthority } from '../../front-door/service.js'
import { childProtectionFacts } from '../../child-protection/service.js'
import { cinPlansOf } from '../../family-help/service.js'
import { adoptionFor, periodsOfCare, sdqScoresOf, uascFor, type Episode903 } from '../../looked-after/service.js'
import { careLeaversFor } from '../../care-leavers/service.js'
import { allocationSpans } from '../../workforce/service.js'

type Purgeable<T> = T & { purge: false }

export interface SocialCareEpisode {
  social_care_episode_id: string
  referral_date: LocalDate
  referral_source: string
  referral_no_further_action_flag: boolean
  closure_date?: LocalDate
  closure_reason?: string
  care_worker_details: Array<{ worker_id: string; start_date: LocalDate; end_date?: LocalDate }>
  child_and_family_assessments: Array<Purgeable<{ child_and_family_assessment_id: string; start_date: LocalDate; authorisation_date?: LocalDate; factors: string[] }>>
  child_in_need_plans: Array<Purgeable<{ child_in_need_plan_id: string; start_date: LocalDate; end_date?: LocalDate }>>
  section_47_assessments: Array<Purgeable<{ section_47_assessment_id: string; start_date: LocalDate; icpc_required_flag: boolean; icpc_date?: LocalDate; end_date?: LocalDate }>>
  child_protection_plans: Array<Purgeable<{ child_protection_plan_id: string; start_date: LocalDate; end_date?: LocalDate }>>
  child_looked_after_placements: Array<Purgeable<{
    child_looked_after_placement_id: string; start_date: LocalDate; start_reason: string; placement_type: string; postcode?: string
    end_date?: LocalDate; end_reason?: string; change_reason?: string
  }>>
  adoption?: Purgeable<{ initial_decision_date?: LocalDate; matched_date?: LocalDate; placed_date?: LocalDate }>
  care_leavers?: Purgeable<{ contact_date: LocalDate; activity: string; accommodation: string }>
  purge: false
}

export interface ChildPayload {
  la_child_id: string
  mis_child_id: string
  purge: false
  child_details: Purgeable<{
    unique_pupil_number?: string; unique_pupil_number_unknown_reason?: string; first_name: string; surname: string
    date_of_birth?: LocalDate; expected_date_of_birth?: LocalDate; sex: string; ethnicity?: string; disabilities: string[]; postcode?: string
    uasc_flag: boolean; uasc_end_date?: LocalDate
  }>
  health_and_wellbeing: Purgeable<{ sdq_assessments: Array<{ date: LocalDate; score: number }> }>
  social_care_episodes: SocialCareEpisode[]
}

/** Leaves out what is not known: the specification sends absent fields rather than nulls. */
function present<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T
}

const within = (date: LocalDate, start: LocalDate, end: LocalDate | null) => date >= start && (end === null || date <= end)

/** The placement's id: its period and start day, which no other episode of the period shares. */
const placementId = (periodId: string, e: Episode903) => `${periodId}:${e.DECOM}`

export async function childPayloads(db: Kysely<DB>, laCode: string, childIds: readonly string[], today: LocalDate): Promise<ChildPayload[]> {
  const [children, referrals, cp, cinPlans, allocations, periods, uasc, adoption, sdq, leavers] = await Promise.all([
    childCharacteristics(db, laCode, childIds), referralsInAuthority(db, laCode, childIds), childProtectionFacts(db, laCode, childIds),
    cinPlansOf(db, laCode, childIds), allocationSpans(db, laCode, childIds), periodsOfCare(db, laCode, childIds), uascFor(db, childIds),
    adoptionFor(db, childIds), sdqScoresOf(db, laCode, childIds), careLeaversFor(db, laCode, childIds, today),
  ])
  return children.map((child) => {
    const own = referrals.filter((r) => r.childId === child.id)
    /** Placements, adoption and care leaving belong to the episode open when they began (or the latest before). */
    const episodeOn = (date: LocalDate) => (own.find((r) => within(date, r.referralDate, r.closureDate)) ?? own.filter((r) => r.referralDate <= date).at(-1) ?? own[0])?.id
    const childPeriods = periods.filter((p) => p.childId === child.id)
    const childAdoption = adoption.filter((a) => a.CHILD === child.id).at(-1)
    const contact = leavers.find((l) => l.person.id === child.id)?.contacts.at(-1)
    const status = uasc.find((u) => u.CHILD === child.id)
    const episodes = own.map((r): SocialCareEpisode => {
      const mine = <T extends { referral_id: string }>(rows: readonly T[]) => rows.filter((x) => x.referral_id === r.id)
      return present({
        social_care_episode_id: r.id, referral_date: r.referralDate, referral_source: r.referralSource, referral_no_further_action_flag: r.referralNfa,
        closure_date: r.closureDate ?? undefined, closure_reason: r.reasonForClosure ?? undefined,
        care_worker_details: allocations.filter((a) => a.childId === child.id && a.startedOn <= (r.closureDate ?? '9999-12-31') && (a.endedOn === null || a.endedOn >= r.referralDate))
          .map((a) => present({ worker_id: a.workerId, start_date: a.startedOn, end_date: a.endedOn ?? undefined })),
        child_and_family_assessments: mine(cp.assessments).map((a) => present({
          child_and_family_assessment_id: a.id, start_date: a.start_date, authorisation_date: a.authorised_on ?? undefined, factors: a.factors, purge: false as const,
        })),
        child_in_need_plans: mine(cinPlans).map((p) => present({ child_in_need_plan_id: p.id, start_date: p.start_date, end_date: p.end_date ?? undefined, purge: false as const })),
        section_47_assessments: mine(cp.section47s).map((s) => present({
          section_47_assessment_id: s.id, start_date: s.start_date, icpc_required_flag: s.outcome === 'conference' && !s.icpc_not_required,
          icpc_date: cp.conferences.find((c) => c.kind === 'initial' && c.section47_id === s.id)?.conference_date, end_date: s.outcome_date ?? undefined, purge: false as const,
        })),
        child_protection_plans: mine(cp.plans).map((p) => present({ child_protection_plan_id: p.id, start_date: p.start_date, end_date: p.end_date ?? undefined, purge: false as const })),
        child_looked_after_placements: childPeriods.flatMap((p) => p.episodes.filter((e) => episodeOn(e.DECOM) === r.id).map((e) => present({
          child_looked_after_placement_id: placementId(p.periodId, e), start_date: e.DECOM, start_reason: e.RNE, placement_type: e.PLACE,
          postcode: e.PL_POST ?? undefined, end_date: e.DEC ?? undefined, end_reason: e.REC ?? undefined, change_reason: e.REASON_PLACE_CHANGE ?? undefined, purge: false as const,
        }))),
        adoption: childAdoption?.DATE_INT && episodeOn(childAdoption.DATE_INT) === r.id
          ? present({ initial_decision_date: childAdoption.DATE_INT, matched_date: childAdoption.DATE_MATCH ?? undefined, placed_date: childAdoption.placedForAdoption ?? undefined, purge: false as const })
          : undefined,
        care_leavers: contact && r.id === own.at(-1)?.id
          ? { contact_date: contact.contact_date, activity: contact.activity, accommodation: contact.accommodation, purge: false as const } : undefined,
        purge: false as const,
      })
    })
    return {
      la_child_id: child.laChildId ?? child.id, mis_child_id: child.id, purge: false as const,
      child_details: present({
        unique_pupil_number: child.upn ?? undefined, unique_pupil_number_unknown_reason: child.upnUnknownReason ?? undefined,
        first_name: child.firstName, surname: child.lastName, date_of_birth: child.dateOfBirth ?? undefined,
        expected_date_of_birth: child.expectedDateOfBirth ?? undefined, sex: child.sex ?? 'U', ethnicity: child.ethnicity ?? undefined,
        disabilities: child.disabilities, postcode: child.postcode ?? undefined, uasc_flag: status !== undefined, uasc_end_date: status?.DUC ?? undefined, purge: false as const,
      }),
      health_and_wellbeing: { sdq_assessments: sdq.filter((s) => s.child_id === child.id).map((s) => ({ date: s.recorded_on, score: s.sdq_score! })), purge: false as const },
      social_care_episodes: episodes,
    }
  })
}
