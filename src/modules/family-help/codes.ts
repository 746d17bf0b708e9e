// The code lists and words this module's pages use. Reasons for closure are the DfE's (CIN census
// reasonforclosuretype), so the return reads them without translation.
import type { CinReviewOutcome, GoalProgress } from './tables.js'

export interface Code<T extends string = string> { code: T; label: string }

/** CIN census reasons for closing a CIN episode, RC1-RC9, in plain English. */
export const closureReasons: readonly Code[] = [
  { code: 'RC1', label: 'Adopted' },
  { code: 'RC2', label: 'Died' },
  { code: 'RC3', label: 'A child arrangements order was made' },
  { code: 'RC4', label: 'A special guardianship order was made' },
  { code: 'RC5', label: 'Moved to another local authority’s services' },
  { code: 'RC6', label: 'Moved to adult social care' },
  { code: 'RC7', label: 'Services ended for another reason, including the child no longer being in need' },
  { code: 'RC8', label: 'Closed after assessment with no further action' },
  { code: 'RC9', label: 'Closed after assessment and referred to early help (Family Help)' },
]

/**
 * Stepping down to Family Help: a child who had a child in need plan no longer needs social care services
 * (RC7); one closed straight after assessment was "referred to early help" (RC9).
 */
export function stepDownClosureReason(hadChildInNeedPlan: boolean): 'RC7' | 'RC9' {
  return hadChildInNeedPlan ? 'RC7' : 'RC9'
}

export const goalProgress: readonly Code<GoalProgress>[] = [
  { code: 'not_started', label: 'Not started' },
  { code: 'in_progress', label: 'In progress' },
  { code: 'achieved', label: 'Achieved' },
  { code: 'stopped', label: 'Stopped' },
]

/** Goals still being worked on: the ones a step between plans carries over. */
export const unfinishedProgress: readonly GoalProgress[] = ['not_started', 'in_progress']

export const cinReviewOutcomes: readonly Code<CinReviewOutcome>[] = [
  { code: 'continue', label: 'The plan continues as it is' },
  { code: 'change', label: 'The plan continues with changes' },
  { code: 'end', label: 'The plan should end' },
  { code: 'step_down', label: 'Step down to Family Help' },
]

export function labelFor(codes: readonly Code[], code: string | null | undefined): string {
  return codes.find((c) => c.code === code)?.label ?? ''
}

export function isCode<T extends string>(codes: readonly Code<T>[], value: string): value is T {
  return codes.some((c) => c.code === value)
}
