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
    kind: '903', code: 'SW12STG2',
    reason: 'read as the DfE tool reads it (see the rule), it expects a social worker episode starting on or after the child\'s '
      + 'latest episode of care, though a worker does not change when a placement does, and it counts children who left care '
      + 'in the year, whose return has no social worker episodes',
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
