// The 903 OC3 code lists (care leavers around their 17th to 21st birthdays) in plain English, as collected from
// 2022-23 (ACTIV F4/P4 apprenticeships and F5/P5 training or employment replaced F3/P3).
import type { Code } from '../placements/service.js'

export const inTouchCodes: readonly Code[] = [
  { code: 'YES', label: 'Yes, the authority is in touch with the young person' },
  { code: 'NO', label: 'No, the authority is not in touch' },
  { code: 'DIED', label: 'The young person has died' },
  { code: 'REFU', label: 'The young person refuses contact or support' },
  { code: 'NREQ', label: 'The young person no longer needs services' },
  { code: 'RHOM', label: 'Returned home to parents or someone with parental responsibility for 6 months or more' },
]

export const activityCodes: readonly Code[] = [
  { code: 'F1', label: 'Full-time in higher education' },
  { code: 'P1', label: 'Part-time in higher education' },
  { code: 'F2', label: 'Full-time in education other than higher education' },
  { code: 'P2', label: 'Part-time in education other than higher education' },
  { code: 'F4', label: 'Full-time apprenticeship' },
  { code: 'P4', label: 'Part-time apprenticeship' },
  { code: 'F5', label: 'Full-time training or employment (not an apprenticeship)' },
  { code: 'P5', label: 'Part-time training or employment (not an apprenticeship)' },
  { code: 'G4', label: 'Not in education, employment or training: illness or disability' },
  { code: 'G5', label: 'Not in education, employment or training: other reasons' },
  { code: 'G6', label: 'Not in education, employment or training: pregnancy or parenting' },
  { code: '0', label: 'Not known, or does not apply' },
]

const places: ReadonlyArray<[string, string]> = [
  ['B', 'With parents or relatives'], ['C', 'Community home or other residential care'], ['D', 'Semi-independent, transitional accommodation'],
  ['E', 'Supported lodgings'], ['G', 'Gone abroad'], ['H', 'Deported'], ['K', 'Ordinary lodgings, without formal support'],
  ['R', 'Residence not known'], ['S', 'No fixed abode or homeless'], ['T', 'Foyer or similar supported accommodation'],
  ['U', 'Independent living'], ['V', 'Emergency accommodation'], ['W', 'Bed and breakfast'], ['X', 'In custody'],
  ['Y', 'Other accommodation'], ['Z', 'With former foster carers (Staying Put)'],
]

/** ACCOM: where the young person lives, each as suitable (1) or not suitable (2). */
export const accommodationCodes: readonly Code[] = [
  ...places.flatMap(([letter, label]) => [
    { code: `${letter}1`, label: `${label}: suitable` },
    { code: `${letter}2`, label: `${label}: not suitable` },
  ]),
  { code: '0', label: 'Not known, or does not apply' },
]

/** 903 PLACE codes of foster placements: a young person in one at 18 may Stay Put. */
export const fosterPlacements: ReadonlySet<string> = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6'])
