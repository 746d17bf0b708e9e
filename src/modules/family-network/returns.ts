// What the CIN census needs about pre-proceedings and family group decision making on each CIN episode, for
// the returns generator to emit. The 2026/27 `PreProceedingsandFGDM` element names are not in the schema copies
// Kindred holds (CIN_schema_2026.xsd stops at child protection plans), so the fields are named for what they
// mean; where the Standard Safeguarding Dataset has the same item its id is given (PREP003A ...).
import type { Executor } from '../../platform/audit/audit.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { applicationsOf, exemptionsOf, fgdmMeetingsOf, meetingDates, offersOf, preProceedingsOf } from './repository.js'
import type { OrderType, PreProceedingsOutcome } from './tables.js'

/** A CIN census yes/no (`yesnotype`): 1 true, 0 false. */
export type YesNo = '0' | '1'
const yesNo = (value: boolean): YesNo => (value ? '1' : '0')

export interface PreProceedingsAndFgdm {
  childId: string
  /** The CIN episode (the front door's referral). */
  referralId: string
  /** The legal meeting that decided to enter pre-proceedings (SSD PREP003A). */
  preProceedingsDecisionDate: LocalDate
  /** The letter before proceedings sent to the parents (SSD PREP011A). */
  letterBeforeProceedingsDate: LocalDate | null
  /** The first pre-proceedings meeting after the letter (SSD PREP004A). */
  initialPreProceedingsMeetingDate: LocalDate | null
  /** Meetings with the parents after the initial one (SSD PREP013A). */
  reviewPreProceedingsMeetings: number
  /** Issue care proceedings or step down; null while undecided (SSD PREP005A). */
  preProceedingsOutcome: PreProceedingsOutcome | null
  /** The legal meeting that decided to issue or to step down (SSD PREP006A). */
  preProceedingsOutcomeDate: LocalDate | null
  fgdmOffered: YesNo
  /** The first offer of a family group decision-making meeting. */
  fgdmOfferDate: LocalDate | null
  /** Whether the offer was made in the letter before proceedings (s31ZA). */
  fgdmOfferInLetterBeforeProceedings: YesNo
  /** 1 when anyone offered accepted. */
  fgdmAccepted: YesNo
  /** 1 when everyone offered declined. */
  fgdmDeclinedByAll: YesNo
  fgdmMeetingDate: LocalDate | null
  /** Whether the meeting produced a family plan. */
  fgdmFamilyPlan: YesNo
  /** A team manager's best-interests decision that no meeting is offered or held. */
  fgdmBestInterestsExemption: YesNo
  fgdmExemptionDate: LocalDate | null
  /** The application for a care or supervision order. */
  applicationDate: LocalDate | null
  applicationOrderType: OrderType | null
}

/** Every pre-proceedings on these CIN episodes, oldest first; an episode with none has no entry. */
export async function preProceedingsAndFgdmFor(db: Executor, referralIds: readonly string[]): Promise<PreProceedingsAndFgdm[]> {
  const all = await preProceedingsOf(db, referralIds)
  const ids = all.map((p) => p.id)
  const [meetings, offers, fgdmMeetings, exemptions, applications] = await Promise.all([
    meetingDates(db, ids), offersOf(db, ids), fgdmMeetingsOf(db, ids), exemptionsOf(db, ids), applicationsOf(db, ids),
  ])
  return all.map((pp) => {
    const own = <T extends { pre_proceedings_id: string }>(rows: readonly T[]) => rows.filter((r) => r.pre_proceedings_id === pp.id)
    const dates = own(meetings).map((m) => m.meeting_date)
    const offered = own(offers)
    const meeting = own(fgdmMeetings)[0]
    const exemption = own(exemptions)[0]
    const application = own(applications)[0]
    return {
      childId: pp.child_id, referralId: pp.referral_id,
      preProceedingsDecisionDate: pp.decision_date, letterBeforeProceedingsDate: pp.letter_date,
      initialPreProceedingsMeetingDate: dates[0] ?? null, reviewPreProceedingsMeetings: Math.max(0, dates.length - 1),
      preProceedingsOutcome: pp.outcome, preProceedingsOutcomeDate: pp.outcome_date,
      fgdmOffered: yesNo(offered.length > 0),
      fgdmOfferDate: offered.map((o) => o.offered_on).sort()[0] ?? null,
      fgdmOfferInLetterBeforeProceedings: yesNo(offered.some((o) => o.in_letter_before_proceedings)),
      fgdmAccepted: yesNo(offered.some((o) => o.response === 'accepted')),
      fgdmDeclinedByAll: yesNo(offered.length > 0 && offered.every((o) => o.response === 'declined')),
      fgdmMeetingDate: meeting?.held_on ?? null,
      fgdmFamilyPlan: yesNo(!!meeting?.family_plan),
      fgdmBestInterestsExemption: yesNo(!!exemption), fgdmExemptionDate: exemption?.decided_on ?? null,
      applicationDate: application?.applied_on ?? null, applicationOrderType: application?.order_type ?? null,
    }
  })
}
