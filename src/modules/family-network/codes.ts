// The module's answers and their words on screen.
import type { ArrangementType, FgdmResponse, OrderType, PreProceedingsOutcome, ViabilityOutcome } from './tables.js'

export interface Choice<C extends string = string> { code: C; label: string; hint?: string }

export const orderTypes: readonly Choice<OrderType>[] = [
  { code: 'care', label: 'Care order' },
  { code: 'supervision', label: 'Supervision order' },
]

export const preProceedingsOutcomes: readonly Choice<PreProceedingsOutcome>[] = [
  { code: 'issue', label: 'Issue care proceedings' },
  { code: 'step_down', label: 'Step down from pre-proceedings' },
]

export const fgdmResponses: readonly Choice<FgdmResponse>[] = [
  { code: 'accepted', label: 'Accepted' },
  { code: 'declined', label: 'Declined' },
]

export const viabilityOutcomes: readonly Choice<ViabilityOutcome>[] = [
  { code: 'positive', label: 'Positive', hint: 'A full assessment of them as a carer should follow' },
  { code: 'negative', label: 'Negative', hint: 'They should not be assessed further as a carer' },
  { code: 'withdrawn', label: 'Withdrawn', hint: 'They withdrew, or the assessment stopped before it finished' },
]

export const arrangementTypes: readonly Choice<ArrangementType>[] = [
  { code: 'informal', label: 'Informal kinship care', hint: 'Agreed within the family, with no order and the child not looked after' },
  { code: 'connected_person_foster_care', label: 'Connected person foster care', hint: 'The child is looked after and the carer is approved as a foster carer for them' },
  { code: 'special_guardianship_order', label: 'Special guardianship order' },
  { code: 'child_arrangements_order', label: 'Child arrangements order', hint: 'The order says the child lives with the carer' },
]

export function isCode<C extends string>(choices: readonly Choice<C>[], value: string): value is C {
  return choices.some((c) => c.code === value)
}

export function labelFor(choices: readonly Choice[], code: string | null): string {
  return choices.find((c) => c.code === code)?.label ?? ''
}

/** The kinship local offer's sections, in the order the page shows them. */
export const localOfferSections = [
  { field: 'financialSupport', column: 'financial_support', heading: 'Financial support', hint: 'Allowances, one-off payments and help with legal costs, and who can get them' },
  { field: 'practicalSupport', column: 'practical_support', heading: 'Practical support', hint: 'Help with housing, school, childcare, short breaks and support groups' },
  { field: 'training', column: 'training', heading: 'Training', hint: 'Courses and advice for kinship carers, and how to book them' },
  { field: 'contact', column: 'contact', heading: 'Contact us', hint: 'Who kinship carers can speak to, with phone numbers, email addresses and opening hours' },
  { field: 'howToApply', column: 'how_to_apply', heading: 'How to apply', hint: 'What to do to ask for support, and what happens next' },
] as const

export type LocalOfferField = (typeof localOfferSections)[number]['field']
