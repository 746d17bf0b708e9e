// The codes prospective adopters are recorded in: the 903's legal status of adopters (LS_ADOPTR) and, from the
// adopters' sexes, SEX_ADOPTR; Annex A list 11's reasons for leaving the adoption process.
import type { Code } from '../codes.js'

export const adopterLegalStatuses: readonly Code[] = [
  { code: 'L0', label: 'Single adopter' },
  { code: 'L11', label: 'Different gender married couple' },
  { code: 'L12', label: 'Same gender married couple' },
  { code: 'L2', label: 'Civil partnership couple' },
  { code: 'L3', label: 'Different gender unmarried couple' },
  { code: 'L4', label: 'Same gender couple not married or in a civil partnership' },
]

/** What each legal status says about the adopters' sexes (903 rules 511, 519, 520, 524). */
export const sexesFor: Record<string, 'one' | 'different' | 'same' | 'two'> = { L0: 'one', L11: 'different', L12: 'same', L2: 'two', L3: 'different', L4: 'same' }

export const leavingReasons: readonly Code[] = [
  { code: 'withdrew', label: 'Withdrew' },
  { code: 'on_hold', label: 'Process on hold' },
  { code: 'refused', label: 'Application refused' },
]

export const adopterSexes: readonly Code[] = [{ code: 'F', label: 'Female' }, { code: 'M', label: 'Male' }]

export const adopterGenders: readonly Code[] = [
  { code: 'female', label: 'Female' }, { code: 'male', label: 'Male' }, { code: 'neither', label: 'Neither' }, { code: 'not_stated', label: 'Not stated' },
]

export const adopterDisabilities: readonly Code[] = [
  { code: 'no', label: 'No' }, { code: 'yes', label: 'Yes' }, { code: 'unknown', label: 'Not known' },
]

/** 903 SEX_ADOPTR: M1 or F1 for one adopter; MM, FF or MF for a couple. */
export function sexAdoptr(sexes: readonly string[]): string | null {
  if (sexes.length === 1) return `${sexes[0]}1`
  if (sexes.length !== 2) return null
  return sexes[0] === sexes[1] ? `${sexes[0]}${sexes[1]}` : 'MF'
}

/** The recruitment stages in the order they happen, each with the form field its date is asked in. */
export const recruitmentStages = [
  { field: 'enquiryReceived', column: 'enquiry_received', label: 'Enquiry received' },
  { field: 'stage1Started', column: 'stage1_started', label: 'Stage 1 started' },
  { field: 'stage1Ended', column: 'stage1_ended', label: 'Stage 1 ended' },
  { field: 'applicationSubmitted', column: 'application_submitted', label: 'Application submitted' },
  { field: 'stage2Started', column: 'stage2_started', label: 'Stage 2 started' },
  { field: 'stage2Ended', column: 'stage2_ended', label: 'Stage 2 ended' },
  { field: 'approved', column: 'approved', label: 'Approved as adopters' },
] as const

export type StageColumn = (typeof recruitmentStages)[number]['column']
