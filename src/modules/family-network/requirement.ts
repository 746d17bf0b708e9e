// The family group decision-making requirement before an application for a care or supervision order
// (CWSA 2026 s1, new CA 1989 s31ZA; FG-01): it is met when (a) every parent and holder of parental
// responsibility was offered a meeting and all declined, (b) someone accepted and the meeting was held,
// or (c) a team manager recorded that a meeting is not in the child's best interests.
import type { FgdmResponse } from './tables.js'

export interface RequirementFacts {
  /** Everyone in the child's network with parental responsibility now. */
  responsibilityHolders: ReadonlyArray<{ personId: string; name: string }>
  offers: ReadonlyArray<{ personId: string; name: string; response: FgdmResponse | null }>
  meetingHeld: boolean
  exemption: boolean
}

export type Requirement =
  | { met: true; via: 'exemption' | 'all-declined' | 'meeting-held' }
  | { met: false; missing: string[] }

const list = (names: readonly string[]) => names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`

export function fgdmRequirement(facts: RequirementFacts): Requirement {
  if (facts.exemption) return { met: true, via: 'exemption' }
  if (facts.offers.length === 0) {
    return { met: false, missing: ['an offer of a family group decision-making meeting to the parents and everyone with parental responsibility, or a best-interests exemption authorised by a team manager'] }
  }
  const missing: string[] = []
  const offered = new Set(facts.offers.map((o) => o.personId))
  const notOffered = facts.responsibilityHolders.filter((p) => !offered.has(p.personId)).map((p) => p.name)
  if (notOffered.length) missing.push(`an offer of the meeting to ${list(notOffered)} (parental responsibility)`)
  const unanswered = facts.offers.filter((o) => o.response === null).map((o) => o.name)
  if (unanswered.length) missing.push(`an answer to the offer from ${list(unanswered)}`)
  const accepted = facts.offers.filter((o) => o.response === 'accepted').map((o) => o.name)
  if (accepted.length && !facts.meetingHeld) missing.push(`the family group decision-making meeting (${list(accepted)} accepted the offer)`)
  if (missing.length) return { met: false, missing }
  return { met: true, via: accepted.length ? 'meeting-held' : 'all-declined' }
}

/** The refusal's words: "You cannot record the application yet. Still needed: ...". */
export function requirementMessage(requirement: Extract<Requirement, { met: false }>): string {
  return `You cannot record the application until the family group decision-making requirement is met. Still needed: ${requirement.missing.join('; ')}`
}
