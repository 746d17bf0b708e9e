// The lists this module records in: the CIN census assessment factors (2026 schema) grouped as a worker
// thinks of them, the categories of abuse, and the module's own decisions and outcomes in plain English.
import type {
  AssessmentOutcome, AttendingAgency, CategoryOfAbuse, PlanEndReason, Section47Outcome, StrategyDecision,
} from './tables.js'

export interface FactorGroup { heading: string; factors: Array<{ code: string; text: string }> }

/** CIN census AssessmentFactors, grouped. Descriptions shortened from the DfE list; the codes are the DfE's. */
export const assessmentFactorGroups: readonly FactorGroup[] = [
  { heading: 'Abuse or neglect', factors: [
    { code: '16A', text: 'Neglect' },
    { code: '17A', text: 'Emotional abuse' },
    { code: '18A', text: 'Physical abuse' },
    { code: '18B', text: 'Physical abuse (child on child)' },
    { code: '18C', text: 'Physical abuse (adult on child)' },
    { code: '19A', text: 'Sexual abuse' },
    { code: '19B', text: 'Sexual abuse (child on child)' },
    { code: '19C', text: 'Sexual abuse (adult on child)' },
    { code: '22A', text: 'Female genital mutilation (FGM)' },
    { code: '23A', text: 'Abuse linked to faith or belief' },
  ] },
  { heading: 'Exploitation and harm outside the home', factors: [
    { code: '10A', text: 'Going or being missing' },
    { code: '11A', text: 'Child sexual exploitation' },
    { code: '24A', text: 'Child criminal exploitation' },
    { code: '12A', text: 'Trafficking' },
    { code: '13A', text: 'Gangs' },
  ] },
  { heading: 'Alcohol and drugs', factors: [
    { code: '1A', text: 'Alcohol misuse by the child' },
    { code: '1B', text: 'Alcohol misuse by a parent or carer' },
    { code: '1C', text: 'Alcohol misuse by another person in the household' },
    { code: '2A', text: 'Drug misuse by the child' },
    { code: '2B', text: 'Drug misuse by a parent or carer' },
    { code: '2C', text: 'Drug misuse by another person in the household' },
  ] },
  { heading: 'Domestic abuse', factors: [
    { code: '3A', text: 'The child is subject to domestic abuse' },
    { code: '3B', text: 'A parent or carer is subject to domestic abuse' },
    { code: '3C', text: 'Another person in the household is subject to domestic abuse' },
  ] },
  { heading: 'Health and disability', factors: [
    { code: '4A', text: 'Mental health of the child' },
    { code: '4B', text: 'Mental health of a parent or carer' },
    { code: '4C', text: 'Mental health of another person in the family or household' },
    { code: '5A', text: 'The child’s learning disability' },
    { code: '5B', text: 'A parent’s or carer’s learning disability' },
    { code: '5C', text: 'Learning disability of another person in the family or household' },
    { code: '6A', text: 'Physical disability or illness of the child' },
    { code: '6B', text: 'Physical disability or illness of a parent or carer' },
    { code: '6C', text: 'Physical disability or illness of another person in the family or household' },
    { code: '15A', text: 'Self-harm' },
  ] },
  { heading: 'The child’s circumstances', factors: [
    { code: '7A', text: 'Young carer' },
    { code: '8B', text: 'Privately fostered: overseas child who intends to return' },
    { code: '8C', text: 'Privately fostered: overseas child who intends to stay' },
    { code: '8D', text: 'Privately fostered: UK child in an educational placement' },
    { code: '8E', text: 'Privately fostered: UK child in an alternative family arrangement' },
    { code: '8F', text: 'Privately fostered: other' },
    { code: '9A', text: 'Unaccompanied asylum-seeking child' },
    { code: '14A', text: 'Socially unacceptable behaviour' },
  ] },
  { heading: 'Other', factors: [
    { code: '20', text: 'Other' },
    { code: '21', text: 'No factors identified (only with no further action)' },
  ] },
]

export const assessmentFactors: ReadonlyMap<string, string> =
  new Map(assessmentFactorGroups.flatMap((g) => g.factors.map((f) => [f.code, f.text] as const)))

/** CIN census factor 21: only when nothing else was found and no further action is taken. */
export const noFactorsIdentified = '21'

export const assessmentOutcomes: Record<AssessmentOutcome, string> = {
  no_further_action: 'No further action',
  family_help: 'Family Help',
  child_in_need_plan: 'Child in need plan',
  strategy_discussion: 'Strategy discussion: reasonable cause to suspect significant harm',
  looked_after: 'The child needs to be looked after',
}

export const assessmentStatuses = {
  in_progress: 'In progress',
  submitted: 'Waiting for a manager',
  returned: 'Returned by a manager',
  authorised: 'Authorised',
} as const

/** Who attended a strategy discussion, by agency. The first three must be there (Working Together 2023 ch.4). */
export const attendingAgencies: Record<AttendingAgency, { label: string; required: boolean }> = {
  social_care: { label: 'Children’s social care', required: true },
  police: { label: 'Police', required: true },
  health: { label: 'Health', required: true },
  education: { label: 'Education or the child’s school', required: false },
  other: { label: 'Other agencies', required: false },
}

export const strategyDecisions: Record<StrategyDecision, string> = {
  section_47: 'Start a section 47 enquiry',
  no_section_47: 'No section 47 enquiry',
  other: 'Other',
}

export const section47Outcomes: Record<Section47Outcome, string> = {
  conference: 'Concerns substantiated: an initial child protection conference is needed',
  no_conference: 'Concerns substantiated, but an initial child protection conference is not required',
  not_substantiated: 'Concerns not substantiated',
}

/** CP-06 categories of abuse (CIN census NEG, PHY, SAB, EMO; the legacy MUL is not recorded on new plans). */
export const categoriesOfAbuse: Record<CategoryOfAbuse, string> = {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  SAB: 'Sexual abuse',
  EMO: 'Emotional abuse',
}

/** CP-11: the only reasons a child protection plan ends (Working Together 2023 ch.4). */
export const planEndReasons: Record<PlanEndReason, string> = {
  no_continuing_risk: 'A review conference decided the child is no longer at continuing risk of significant harm',
  transferred: 'The child moved permanently to another authority, which held a transfer-in conference',
  reached_18: 'The child reached 18',
  died: 'The child died',
  left_uk: 'The child permanently left the UK',
}

/** Reasons a worker records on the end-of-plan page; no continuing risk is decided only at a review conference. */
export const reasonsEndedOutsideConference = ['transferred', 'reached_18', 'died', 'left_uk'] as const

export function isCode<T extends string>(codes: Record<T, unknown>, value: string): value is T {
  return Object.hasOwn(codes, value)
}
