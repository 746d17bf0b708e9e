// SSDA903 codes the looked-after module records, with plain-English labels for forms and pages.
import { labelFor, type Code } from '../placements/service.js'

export { isCode, labelFor, type Code } from '../placements/service.js'

export const legalStatuses: readonly Code[] = [
  { code: 'V2', label: 'Accommodated under section 20 (single period of accommodation)' },
  { code: 'V3', label: 'Short breaks: individual episodes recorded (section 20)' },
  { code: 'V4', label: 'Short breaks: agreements recorded (section 20)' },
  { code: 'L1', label: 'Police protection, in local authority accommodation' },
  { code: 'L2', label: 'Emergency protection order' },
  { code: 'L3', label: 'Child assessment order, in local authority accommodation' },
  { code: 'C1', label: 'Interim care order' },
  { code: 'C2', label: 'Full care order' },
  { code: 'E1', label: 'Placement order' },
  { code: 'D1', label: 'Freeing order' },
  { code: 'J1', label: 'Remanded to local authority or youth detention accommodation' },
  { code: 'J2', label: 'In local authority accommodation under PACE 1984' },
  { code: 'J3', label: 'Youth rehabilitation order with a residence or fostering requirement' },
]

export const shortBreakStatuses: ReadonlySet<string> = new Set(['V3', 'V4'])
/** Emergency statuses that come before proceedings, never after an order is made. */
const emergencyStatuses: ReadonlySet<string> = new Set(['L1', 'L2', 'L3'])
const careOrders: ReadonlySet<string> = new Set(['C2', 'E1', 'D1'])
const orders: ReadonlySet<string> = new Set(['C1', ...careOrders])

export const categoriesOfNeed: readonly Code[] = [
  { code: 'N1', label: 'Abuse or neglect' },
  { code: 'N2', label: 'Child’s disability' },
  { code: 'N3', label: 'Parental illness or disability' },
  { code: 'N4', label: 'Family in acute stress' },
  { code: 'N5', label: 'Family dysfunction' },
  { code: 'N6', label: 'Socially unacceptable behaviour' },
  { code: 'N7', label: 'Low income' },
  { code: 'N8', label: 'Absent parenting' },
]

/** REC codes for leaving care (X1, "a new episode began", is written by the system, never chosen). */
export const leavingCareReasons: readonly Code[] = [
  { code: 'E4A', label: 'Returned home to parents or others with parental responsibility, as planned' },
  { code: 'E4B', label: 'Returned home to parents or others with parental responsibility, not as planned' },
  { code: 'E13', label: 'Left care to live with parents, relatives or others without parental responsibility' },
  { code: 'E11', label: 'Adopted: application unopposed' },
  { code: 'E12', label: 'Adopted: consent dispensed with by the court' },
  { code: 'E41', label: 'Child arrangements order (or residence order) granted' },
  { code: 'E45', label: 'Special guardianship order to former foster carers who are relatives or friends' },
  { code: 'E46', label: 'Special guardianship order to former foster carers, not relatives or friends' },
  { code: 'E47', label: 'Special guardianship order to other carers who are relatives or friends' },
  { code: 'E48', label: 'Special guardianship order to other carers, not relatives or friends' },
  { code: 'E5', label: 'Moved to independent living with formal support' },
  { code: 'E6', label: 'Moved to independent living without formal support' },
  { code: 'E7', label: 'Transferred to residential care funded by adult social care' },
  { code: 'E9', label: 'Sentenced to custody' },
  { code: 'E14', label: 'Accommodation on remand ended' },
  { code: 'E15', label: 'Age assessment found the young person is 18 or over' },
  { code: 'E16', label: 'Moved abroad' },
  { code: 'E17', label: 'Aged 18 or over and stayed with current carers (including Staying Put)' },
  { code: 'E3', label: 'Care taken over by another local authority' },
  { code: 'E2', label: 'Died' },
  { code: 'E8', label: 'Any other reason' },
]
export const adoptedReasons: ReadonlySet<string> = new Set(['E11', 'E12'])

export const previousPermanence: readonly Code[] = [
  { code: 'Z1', label: 'None, or not known' },
  { code: 'P1', label: 'Adoption' },
  { code: 'P2', label: 'Special guardianship order' },
  { code: 'P3', label: 'Residence order' },
  { code: 'P4', label: 'Child arrangements order' },
]

export const participationCodes: readonly Code[] = [
  { code: 'PN0', label: 'Child under 4 at the time of the review' },
  { code: 'PN1', label: 'Attended and spoke for themselves' },
  { code: 'PN2', label: 'Attended; an advocate or the IRO spoke for them' },
  { code: 'PN3', label: 'Attended and conveyed their views symbolically' },
  { code: 'PN4', label: 'Attended without contributing' },
  { code: 'PN5', label: 'Did not attend; briefed an advocate or the IRO' },
  { code: 'PN6', label: 'Did not attend; conveyed their views another way (written, phone, video)' },
  { code: 'PN7', label: 'Did not attend and their views were not conveyed' },
]

export const sdqReasons: readonly Code[] = [
  { code: 'SDQ1', label: 'Child under 4 or over 17 at the latest assessment' },
  { code: 'SDQ2', label: 'Carer refused to complete and return the questionnaire' },
  { code: 'SDQ3', label: 'Not possible because of the severity of the child’s disability' },
  { code: 'SDQ4', label: 'Other' },
  { code: 'SDQ5', label: 'Young person refused' },
]

/** For a child with a substance misuse problem: the 903's INTERVENTION_RECEIVED and INTERVENTION_OFFERED in one answer. */
export const substanceMisuseInterventions: readonly Code[] = [
  { code: 'received', label: 'Received an intervention' },
  { code: 'offered', label: 'Offered an intervention but did not take it up' },
  { code: 'not_offered', label: 'Not offered an intervention' },
]

/** What the 903's OC2 CONVICTED counts: a conviction, or a youth caution or youth conditional caution. */
export const convictionKinds: readonly Code[] = [
  { code: 'conviction', label: 'Convicted of an offence' },
  { code: 'youth_caution', label: 'Youth caution' },
  { code: 'youth_conditional_caution', label: 'Youth conditional caution' },
]

export const missingKinds: readonly Code[] = [
  { code: 'M', label: 'Missing' },
  { code: 'A', label: 'Away from placement without authorisation' },
]

export const adoptionMilestones: readonly Code[] = [
  { code: 'decision', label: 'Decision that the child should be placed for adoption' },
  { code: 'placement_order', label: 'Placement order granted' },
  { code: 'fostering_for_adoption', label: 'Placed in fostering for adoption' },
  { code: 'matched', label: 'Matched with adopters' },
  { code: 'placed', label: 'Placed for adoption' },
  { code: 'adoption_order', label: 'Adoption order granted' },
  { code: 'no_longer_placed', label: 'Decision that the child should no longer be placed for adoption' },
]

/** Why a child should no longer be placed for adoption (903 REASON_PLACED_CEASED). */
export const adoptionReversalReasons: readonly Code[] = [
  { code: 'RD1', label: 'The child’s needs changed after the decision' },
  { code: 'RD2', label: 'The court did not make a placement order' },
  { code: 'RD3', label: 'Prospective adopters could not be found' },
  { code: 'RD4', label: 'Any other reason' },
]

/** A reversal's reason in a sentence: "the court did not make a placement order (RD2)". */
export const reversalReasonText = (reason: string): string => `${labelFor(adoptionReversalReasons, reason).toLowerCase()} (${reason})`

export const visitRegimes: readonly Code[] = [
  { code: 'ordinary', label: 'An ordinary placement (visits within a week, then every 6 weeks)' },
  { code: 'placed_with_parent', label: 'Placed with a parent before the parent’s assessment is complete (regulation 19)' },
  { code: 'temporary_approval', label: 'With a connected person temporarily approved as a foster carer (regulation 24)' },
]

/**
 * Why a legal status cannot follow the current one within the same period of care, or null when it can.
 * Messages name the rule so the user knows what to do instead.
 */
export function legalStatusRefusal(current: string, next: string): string | null {
  if (current === next) return 'The legal status is already this one. Choose the new legal status'
  if (shortBreakStatuses.has(current) || shortBreakStatuses.has(next)) {
    return 'Short breaks (V3 or V4) are their own period of care (903 rule 380: a V3 episode starts with reason S). End this period of care and start a new one'
  }
  if (emergencyStatuses.has(next) && orders.has(current)) {
    return 'Police protection, an emergency protection order or a child assessment order comes before a care order, not after one'
  }
  if (next === 'C1' && careOrders.has(current)) return 'An interim care order cannot follow a full care order, placement order or freeing order'
  return null
}
