// Ids for a child's casework records, made from the child's own id so that parts in different modules agree
// on them without sharing state: the child protection part knows the id of the referral the front door part
// wrote for the same episode. Records no other part points at take ids from the part's own IdMaker counter.
import type { SeedChild } from './facts.js'

/** Table numbers for casework ids (IdMaker's platform tables are 1-7; these keep well clear of them). */
export const caseworkTables = {
  contact: 0x101, referral: 0x102, assessment: 0x103, strategyDiscussion: 0x104, section47: 0x105, initialConference: 0x106,
  protectionPlan: 0x107, reviewConference: 0x108, coreGroup: 0x109, caseNote: 0x10a,
  cinPlan: 0x111, cinPlanReview: 0x112, familyHelpEpisode: 0x113, familyHelpReview: 0x114, familyHelpAllocation: 0x115, involvement: 0x116,
  planGoal: 0x117,
  preProceedings: 0x121, preProceedingsMeeting: 0x122, fgdmOffer: 0x123, fgdmMeeting: 0x124, fgdmExemption: 0x125, application: 0x126,
  kinshipArrangement: 0x127, viabilityAssessment: 0x128,
  adopterHousehold: 0x181,
} as const

/**
 * The `n`th record of a kind for one child: the child's id with the record's table number in place of the
 * people table's, and `n` in the counter's top six hex digits (the child's own counter never reaches them).
 */
export function childRecordId(child: Pick<SeedChild, 'id'>, table: number, n: number): string {
  const [seed, authority, tableField, counterHigh, counterLow] = child.id.split('-') as [string, string, string, string, string]
  const counter = counterHigh.slice(1) + counterLow
  return `${seed}-${authority}-${tableField[0]}${table.toString(16).padStart(3, '0')}-8${n.toString(16).padStart(6, '0').slice(0, 3)}-${n.toString(16).padStart(6, '0').slice(3)}${counter.slice(6)}`
}
