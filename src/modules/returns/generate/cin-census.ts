// The CIN census for a collection year, read from the casework. Following the census guide: every child with a CIN
// episode (referral) open at any time in the year, each such episode, and within it the assessments, CIN plans,
// section 47 enquiries and child protection plans open at any time in the year. Dates after 31 March are not yet
// known to the return, so a record closed after the census date is returned as open. From 2026/27 each episode
// also carries its pre-proceedings and family group decision making.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { LocalDate } from '../../../platform/working-days/local-date.js'
import { childProtectionCensusFor, type ChildProtectionCensus } from '../../child-protection/service.js'
import { cinPlansOf } from '../../family-help/service.js'
import { preProceedingsAndFgdmFor, type PreProceedingsAndFgdm } from '../../family-network/service.js'
import { childrenWithReferralsOpenBetween, referralsInAuthority, type ReferralRecord } from '../../front-door/service.js'
import { childCharacteristics, type ChildCharacteristics } from '../../people/service.js'
import { byCensusDate, overlapsYear, type CollectionYear } from './collection-year.js'
import { inBatches, returnChildId, type BatchProgress } from './batches.js'

/** The year the census first carries pre-proceedings and family group decision making. */
export const PRE_PROCEEDINGS_FROM_YEAR = 2027

export interface CinAssessment {
  AssessmentActualStartDate: LocalDate
  AssessmentInternalReviewDate: LocalDate | null
  AssessmentAuthorisationDate: LocalDate | null
  AssessmentFactors: string[]
}

export interface CinSection47 {
  S47ActualStartDate: LocalDate
  InitialCPCtarget: LocalDate | null
  DateOfInitialCPC: LocalDate | null
  ICPCnotRequired: '0' | '1'
}

export interface CinProtectionPlan {
  CPPstartDate: LocalDate
  CPPendDate: LocalDate | null
  InitialCategoryOfAbuse: string
  LatestCategoryOfAbuse: string
  NumberOfPreviousCPP: number
  CPPreviewDates: LocalDate[]
}

export interface CinEpisode {
  CINreferralDate: LocalDate
  ReferralSource: string
  PrimaryNeedCode: string
  CINclosureDate: LocalDate | null
  ReasonForClosure: string | null
  DateOfInitialCPC: LocalDate | null
  ReferralNFA: '0' | '1'
  assessments: CinAssessment[]
  cinPlans: Array<{ CINPlanStartDate: LocalDate; CINPlanEndDate: LocalDate | null }>
  section47s: CinSection47[]
  protectionPlans: CinProtectionPlan[]
  /** 2026/27 on: empty in earlier years. */
  preProceedings: PreProceedingsAndFgdm[]
}

export interface CinChild {
  /** Kindred's id, to link a finding back to the child's record; not in the return. */
  childId: string
  LAchildID: string
  UPN: string | null
  UPNunknown: string | null
  PersonBirthDate: LocalDate | null
  ExpectedPersonBirthDate: LocalDate | null
  Sex: string
  Ethnicity: string
  Disabilities: string[]
  episodes: CinEpisode[]
}

export interface CinCensus {
  laCode: string
  year: CollectionYear
  children: CinChild[]
}

export interface BuildOptions {
  /** Only these children (one child's live data quality); default: every child in the census. */
  childIds?: readonly string[]
  onProgress?: BatchProgress
}

export async function buildCinCensus(db: Kysely<DB>, laCode: string, year: CollectionYear, options: BuildOptions = {}): Promise<CinCensus> {
  const population = (await childrenWithReferralsOpenBetween(db, laCode, year.start, year.end)).sort()
  const wanted = options.childIds ? population.filter((id) => options.childIds!.includes(id)) : population
  const children = await inBatches(wanted, options.onProgress, (ids) => censusChildren(db, laCode, year, ids))
  return { laCode, year, children }
}

async function censusChildren(db: Kysely<DB>, laCode: string, year: CollectionYear, ids: readonly string[]): Promise<CinChild[]> {
  const [people, referrals, protection, cinPlans] = await Promise.all([
    childCharacteristics(db, laCode, ids), referralsInAuthority(db, laCode, ids), childProtectionCensusFor(db, laCode, ids), cinPlansOf(db, laCode, ids),
  ])
  const inYear = referrals.filter((r) => overlapsYear(r.referralDate, r.closureDate, year))
  const preProceedings = year.year >= PRE_PROCEEDINGS_FROM_YEAR ? await preProceedingsAndFgdmFor(db, inYear.map((r) => r.id)) : []
  return people.map((person) => ({
    ...identifiers(person),
    episodes: inYear.filter((r) => r.childId === person.id).map((referral) =>
      episode(referral, protection.get(person.id)!, cinPlans, preProceedings, year)),
  })).filter((child) => child.episodes.length > 0)
}

function identifiers(person: ChildCharacteristics): Omit<CinChild, 'episodes'> {
  return {
    childId: person.id, LAchildID: returnChildId(person),
    UPN: person.upn, UPNunknown: person.upn ? null : person.upnUnknownReason,
    PersonBirthDate: person.dateOfBirth, ExpectedPersonBirthDate: person.dateOfBirth ? null : person.expectedDateOfBirth,
    // The census requires both: a child whose sex or ethnicity is not yet recorded is returned as the codes for that.
    Sex: person.sex ?? 'U', Ethnicity: person.ethnicity ?? 'NOBT', Disabilities: person.disabilities,
  }
}

type CinPlanRow = Awaited<ReturnType<typeof cinPlansOf>>[number]

function episode(referral: ReferralRecord, protection: ChildProtectionCensus, cinPlans: CinPlanRow[], preProceedings: PreProceedingsAndFgdm[], year: CollectionYear): CinEpisode {
  const closed = byCensusDate(referral.closureDate, year)
  const own = <T extends { referralId: string }>(rows: readonly T[]) => rows.filter((r) => r.referralId === referral.id)
  // An enquiry counts in the year it started or held its initial conference (rules 8715, 8740).
  const section47s = own(protection.section47s).filter((s) => overlapsYear(s.startDate, s.initialConferenceDate ?? s.startDate, year))
  const plans = own(protection.plans).filter((p) => overlapsYear(p.startDate, p.endDate, year))
  return {
    CINreferralDate: referral.referralDate, ReferralSource: referral.referralSource, PrimaryNeedCode: referral.primaryNeed,
    CINclosureDate: closed, ReasonForClosure: closed ? referral.reasonForClosure : null,
    // Every initial conference Kindred records follows a section 47 enquiry and is returned there, never twice (rule 2884).
    DateOfInitialCPC: null,
    ReferralNFA: referral.referralNfa ? '1' : '0',
    assessments: own(protection.assessments).filter((a) => overlapsYear(a.startDate, a.authorisedOn, year)).map((a) => {
      const authorised = byCensusDate(a.authorisedOn, year)
      return {
        AssessmentActualStartDate: a.startDate, AssessmentInternalReviewDate: null, AssessmentAuthorisationDate: authorised,
        // Factors are what the authorised assessment found: none are returned for one still in progress.
        AssessmentFactors: authorised ? a.factors : [],
      }
    }),
    cinPlans: cinPlans.filter((p) => p.referral_id === referral.id && overlapsYear(p.start_date, p.end_date, year))
      .map((p) => ({ CINPlanStartDate: p.start_date, CINPlanEndDate: byCensusDate(p.end_date, year) })),
    section47s: section47s.map((s) => ({
      S47ActualStartDate: s.startDate, InitialCPCtarget: s.initialConferenceTarget, DateOfInitialCPC: byCensusDate(s.initialConferenceDate, year),
      ICPCnotRequired: s.icpcNotRequired ? '1' : '0',
    })),
    protectionPlans: plans.map((p) => ({
      CPPstartDate: p.startDate, CPPendDate: byCensusDate(p.endDate, year), InitialCategoryOfAbuse: p.initialCategory,
      LatestCategoryOfAbuse: p.latestCategory, NumberOfPreviousCPP: p.previousPlans,
      CPPreviewDates: p.reviewDates.filter((d) => d >= year.start && d <= year.end),
    })),
    preProceedings: preProceedings.filter((p) => p.referralId === referral.id && p.preProceedingsDecisionDate <= year.end),
  }
}
