// SSDA903 placement codes (2025/26 onwards): placement type (PLACE), provider (PLACE_PROVIDER), reason for a
// placement change (REASON_PLACE_CHANGE), and the Ofsted URN's format.

export interface Code { code: string; label: string }

export const placementTypes: readonly Code[] = [
  { code: 'U1', label: 'Foster placement with relative or friend: long-term fostering' },
  { code: 'U2', label: 'Foster placement with relative or friend who is also an approved adopter (FFA or concurrent planning)' },
  { code: 'U3', label: 'Foster placement with relative or friend: not long-term, FFA or concurrent' },
  { code: 'U4', label: 'Foster placement with other foster carer: long-term fostering' },
  { code: 'U5', label: 'Foster placement with other foster carer who is also an approved adopter (FFA or concurrent planning)' },
  { code: 'U6', label: 'Foster placement with other foster carer: not long-term, FFA or concurrent' },
  { code: 'A3', label: 'Placed for adoption with consent, with current foster carer' },
  { code: 'A4', label: 'Placed for adoption with consent, not with current foster carer' },
  { code: 'A5', label: 'Placed for adoption with placement order, with current foster carer' },
  { code: 'A6', label: 'Placed for adoption with placement order, not with current foster carer' },
  { code: 'K1', label: 'Secure children’s home' },
  { code: 'K2', label: 'Children’s home subject to Children’s Homes Regulations' },
  { code: 'K3', label: 'Supported accommodation registered with Ofsted' },
  { code: 'P1', label: 'Placed with own parent or other person with parental responsibility' },
  { code: 'P3', label: 'Residential employment' },
  { code: 'R1', label: 'Residential care home' },
  { code: 'R2', label: 'NHS or health trust establishment providing medical or nursing care' },
  { code: 'R3', label: 'Family centre or mother and baby unit' },
  { code: 'R5', label: 'Young offender institution or secure training centre' },
  { code: 'S1', label: 'Residential school (not also a children’s home)' },
  { code: 'T0', label: 'Temporary move of any other kind' },
  { code: 'T1', label: 'Temporary period in hospital' },
  { code: 'T2', label: 'Temporary absence on holiday' },
  { code: 'T3', label: 'Temporary accommodation while the usual foster carer is on holiday' },
  { code: 'T4', label: 'Temporary accommodation of seven days or less, for any other reason' },
  { code: 'Z11', label: 'Other: unregistered children’s home' },
  { code: 'Z12', label: 'Other: unregistered supported accommodation' },
  { code: 'Z13', label: 'Other: unregistered placement of another kind' },
  { code: 'Z14', label: 'Other: any other placement' },
]

export const placementProviders: readonly Code[] = [
  { code: 'PR0', label: 'Parent or other person with parental responsibility' },
  { code: 'PR1', label: 'Own provision (this local authority)' },
  { code: 'PR2', label: 'Another local authority' },
  { code: 'PR3', label: 'Other public provision' },
  { code: 'PR4', label: 'Private provision' },
  { code: 'PR5', label: 'Voluntary or third sector provision' },
]

export const placementChangeReasons: readonly Code[] = [
  { code: 'CARPL', label: 'Change to, or carrying out, the care plan' },
  { code: 'CLOSE', label: 'Carer resigned or the provision closed' },
  { code: 'ALLEG', label: 'Allegation (section 47)' },
  { code: 'STAND', label: 'Concern about standards of care' },
  { code: 'APPRR', label: 'Approval or registration removed' },
  { code: 'CREQB', label: 'Carer asked for the placement to end because of the child’s behaviour' },
  { code: 'CREQO', label: 'Carer asked for the placement to end for another reason' },
  { code: 'CHILD', label: 'Child asked for the placement to end' },
  { code: 'LAREQ', label: 'The responsible or area authority asked for the placement to end' },
  { code: 'PLACE', label: 'Change in the status of the placement only' },
  { code: 'OTHER', label: 'Other' },
]

/** Temporary and "other" placements have no provider (903 rule 178 from 2025/26). */
export const placementsWithoutProvider: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4', 'Z11', 'Z12', 'Z13', 'Z14'])
/** Placements Ofsted does not register, so no URN (903 rules 218, 222): the 903 writes XXXXXXX. */
export const placementsWithoutUrn: ReadonlySet<string> = new Set(['P1', 'P3', 'R1', 'R2', 'R5', ...placementsWithoutProvider])
/** The 903's URN for a placement Ofsted does not register. */
export const urnNotApplicable = 'XXXXXXX'

export const isCode = (codes: readonly Code[], value: string): boolean => codes.some((c) => c.code === value)
export const labelFor = (codes: readonly Code[], value: string | null | undefined): string =>
  codes.find((c) => c.code === value)?.label ?? value ?? ''

/**
 * An Ofsted unique reference number as the 903 accepts it: 6 or 7 digits, or SC followed by digits (older
 * children's homes' registrations). Returns it upper-cased, or null when it is not one.
 */
export function normaliseUrn(input: string): string | null {
  const urn = input.replace(/\s/g, '').toUpperCase()
  return /^(?:\d{6,7}|SC\d{6,7})$/.test(urn) ? urn : null
}
