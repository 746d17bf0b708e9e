// DfE rules a return generated from Kindred's casework can still fail, each with why: Kindred does not hold the data
// the rule asks for, or the rule needs more than one return can carry. Everything else a generated return raises is a
// fault to fix at its root (in the casework, the seed or the generator), not to add here.
import type { ReturnKind } from '../rulesets.js'

export interface GeneratedException {
  kind: ReturnKind
  code: string
  reason: string
}

export const generatedExceptions: readonly GeneratedException[] = [
  {
    kind: '903', code: '543',
    reason: 'OC2 CONVICTED: Kindred does not record convictions, youth cautions or youth conditional cautions of a child in '
      + 'care yet, so the item is left blank for children aged 10 or over rather than claimed',
  },
  {
    kind: '903', code: '192',
    reason: 'OC2 INTERVENTION_RECEIVED: the wellbeing record says whether a child has a substance misuse problem, not whether '
      + 'an intervention was offered or received',
  },
  {
    kind: '903', code: '601',
    reason: 'AD1 FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR: Kindred records the adoption milestones, not the adopters',
  },
  {
    kind: '903', code: '151',
    reason: 'AD1: the same adopter details as rule 601, with the milestone dates filled in, are "some but not all" of the items',
  },
  {
    kind: '903', code: 'SW12STG2',
    reason: 'a child looked after on 31 March who first came to children\'s social care during the year had no social worker on '
      + '1 April; the rule expects social worker episodes from then',
  },
  {
    kind: '903', code: 'EPI',
    reason: 'a care leaver in the OC3 table who was not looked after this year has no episodes in this year\'s return; the DfE '
      + 'portal finds them in earlier years\' returns',
  },
  {
    kind: '903', code: '1001',
    reason: 'a care leaver who left care before last year: the rule reads only last year\'s episodes (Episodes_last), while the DfE '
      + 'portal checks every earlier return',
  },
  {
    kind: '903', code: '1002',
    reason: 'as rule 1001: the young person\'s episodes of care are in returns before last year\'s',
  },
]

/** Whether a rule failure in a generated return is one of the documented exceptions. */
export const isGeneratedException = (kind: ReturnKind, code: string): boolean =>
  generatedExceptions.some((e) => e.kind === kind && e.code === code)
