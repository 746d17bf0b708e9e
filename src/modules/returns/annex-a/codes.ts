// Kindred's codes (the DfE's CIN census and SSDA903 codes) in Annex A's categories, as the specification's
// code lists group them. An unknown code gives zzCodeError where the list has one, otherwise blank.
import { authorityByDfeCode } from '../../../platform/identifiers/local-authorities.js'

const byPrefix = (code: string | null, groups: Record<string, readonly string[]>): string | null => {
  if (!code) return null
  return Object.entries(groups).find(([, codes]) => codes.includes(code))?.[0] ?? null
}

export function gender(sex: string | null): string {
  return sex === 'M' ? 'a) Male' : sex === 'F' ? 'b) Female' : 'c) Not stated/recorded'
}

export function ethnicity(code: string | null): string {
  const letter = code?.charAt(0)
  if (code === 'CHNE' || code === 'OOTH') return 'e) Other ethnic group'
  if (!code || code === 'REFU' || code === 'NOBT') return 'f) Not stated'
  return { W: 'a) White', M: 'b) Mixed', A: 'c) Asian or Asian British', B: 'd) Black or black British' }[letter!] ?? 'f) Not stated'
}

export const yesNo = (value: boolean | null | undefined): string | null => (value === null || value === undefined ? null : value ? 'True' : 'False')
export const yesNoUnknown = (value: boolean | null | undefined): string => yesNo(value) ?? 'Unknown'

/** CIN disability codes: NONE says no; nothing recorded is unknown. */
export const disability = (codes: readonly string[]): string =>
  codes.length === 0 ? 'Unknown' : codes.some((c) => c !== 'NONE') ? 'True' : 'False'

export function source(code: string): string {
  const group = code.replace(/[A-Z]$/, '')
  return {
    '1': 'a) Individual', '2': code === '2A' ? 'b) Schools' : 'c) Education services', '3': 'd) Health services', '4': 'e) Housing',
    '5': 'f) LA services', '6': 'g) Police', '7': 'h) Other legal agency', '8': 'i) Other', '9': 'j) Anonymous', '10': 'k) Unknown',
  }[group] ?? 'k) Unknown'
}

export const primaryNeed = (code: string | null): string => byPrefix(code, {
  'a) Abuse or neglect': ['N1'], "b) Child's disability": ['N2'], 'c) Parents illness or disability': ['N3'], 'd) Family in acute stress': ['N4'],
  'e) Family dysfunction': ['N5'], 'f) Socially unacceptable behaviour': ['N6'], 'g) Low income': ['N7'], 'h) Absent parenting': ['N8'],
  'i) Not CIN': ['N9'], 'j) Not stated': ['N0'],
}) ?? 'zzCodeError'

export const reasonForClosure = (code: string | null): string | null => code === null ? null : byPrefix(code, {
  'a) Adopted': ['RC1'], 'b) Died': ['RC2'], 'c) Residence Order': ['RC3'], 'd) Special Guardianship Order': ['RC4'],
  'e) Transfer to another LA': ['RC5'], 'f) Transfer to Adult Social Services': ['RC6'], "g) 'Other' incl. Child no longer in need": ['RC7'],
  'h) Child not in need after assessment': ['RC8', 'RC9'],
}) ?? 'i) Not Stated'

export const abuseCategory = (code: string): string =>
  ({ NEG: 'a) Neglect', PHY: 'b) Physical Abuse', SAB: 'c) Sexual Abuse', EMO: 'd) Emotional Abuse', MUL: 'e) Multiple' })[code] ?? 'e) Multiple'

export const legalStatus = (code: string): string => byPrefix(code, {
  'a) Interim care orders': ['C1'], 'b) Full care orders': ['C2'], 'c) Freed for  Adoption': ['D1'], 'd) Placement order granted': ['E1'],
  'e) Accommodated under S20': ['V2'], 'f) Detained on child protection grounds in LA accommodation': ['L1', 'L2', 'L3'],
  'g) Youth justice legal Statuses': ['J1', 'J2', 'J3', 'J4'],
}) ?? 'zzCodeError'

export const reasonCeased = (code: string | null): string | null => code === null ? null : byPrefix(code, {
  'a) Adopted': ['E11', 'E12'], 'b) Died': ['E2'], 'c) Care taken by another LA': ['E3'],
  'd) Returned home to live with parents or relatives': ['E4A', 'E4B'],
  'e) Left care to live with parents, relatives or other person with no parental responsibility': ['E13', 'E17'],
  'f) Residence order granted': ['E41'], 'g) Special Guardianship Orders': ['E43', 'E44', 'E45', 'E46', 'E47', 'E48'],
  'h) Moved into independent living': ['E5', 'E6'], 'i) Transferred to residential care funded by adult social services': ['E7'],
  'j) Sentenced to custody': ['E9'], 'k) Accommodation on remand ended': ['E14'], 'l) Age assessment determined child was 18 or over': ['E15'],
  'm) Child moved abroad': ['E16'], 'n) Care ceased for any other reason': ['E8'],
}) ?? 'zzCodeError'

export const placementType = (code: string): string => byPrefix(code, {
  'a) Foster placement': ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Q1', 'Q2'], 'b) Placed for adoption': ['A3', 'A4', 'A5', 'A6'],
  'c) Placed with parents': ['P1'], 'd) Independent living': ['P2'], 'e) Residential employment': ['P3'], 'f) Residential accommodation': ['H5'],
  'g) Secure Children’s Homes': ['K1'], 'h) Children’s Homes': ['K2'], 'i) Residential Care Home': ['R1'], 'j) NHS/Health Trust': ['R2'],
  'k) Family Centre or Mother and Baby Unit': ['R3'], 'l) Young Offender Institution': ['R5'], 'm) Residential school': ['S1'],
  'n) Other placements': ['Z1'], 'o) Temporary placement': ['T0', 'T1', 'T2', 'T3', 'T4'],
}) ?? 'n) Other placements'

export const placementProvider = (code: string | null): string => (code === 'PR1' ? 'a) Own LA' : code === 'PR4' ? 'b) Private' : 'c) Other')

export const permanencePlan = (plan: string | null): string | null => (plan === null ? null : ({
  return_to_family: 'a) Return to family', adoption: 'b) Adoption', sgo_cao: 'c) SGO/CAO', supported_living: 'd) Supported living in the community',
  long_term_residential: 'e) Long-term residential placement', long_term_fostering: 'f) Long-term fostering', other: 'g) Other',
} as Record<string, string>)[plan] ?? 'g) Other')

/** The placement's authority (DfE code, from its postcode) by name; 'Not recorded' when the postcode directory does not know it. */
export const placementAuthority = (laCode: string | null): string => (laCode ? authorityByDfeCode(laCode)?.name : undefined) ?? 'Not recorded'

export const placementLocation = (placedIn: string | null, childsAuthority: string): string | null =>
  placedIn === null ? null : placedIn === childsAuthority ? 'a) In' : 'b) Out'

export const eligibility = (status: string): string =>
  ({ relevant: 'a) Relevant', former_relevant: 'b) Former relevant', qualifying: 'c) Qualifying', eligible: 'd) Eligible' })[status] ?? 'e) Other'

export function inTouch(code: string | null): string {
  if (code === null) return 'c) Not recorded'
  if (code === 'YES') return 'a) In touch'
  return code === 'DIED' || code === 'RHOM' ? 'd) Exclude' : 'b) Not in touch'
}

/** 903 ACCOM is a letter for the kind of place and 1 (suitable) or 2 (not suitable). */
export function accommodation(code: string | null): { type: string | null; suitability: string | null } {
  if (code === null || code === '0') return { type: null, suitability: code === null ? null : 'c) Not in touch or not recorded' }
  const type = {
    B: 'a) With parents or relatives', C: 'b) Community home', D: 'c) Semi-independent transitional accommodation', E: 'd) Supported lodgings',
    G: 'e) Gone abroad', H: 'f) Deported', K: 'g) Ordinary lodgings', R: 'h) Residence not known', S: 'i) No fixed abode / homeless', T: 'j) Foyers',
    U: 'k) Independent living', V: 'l) Emergency accommodation', W: 'm) Bed and breakfast', X: 'n) In custody', Y: 'p) Other accommodation',
    Z: 'o) With Former Foster Carer',
  }[code.charAt(0)] ?? 'zzCodeError'
  return { type, suitability: code.endsWith('1') ? 'a) Suitable' : code.endsWith('2') ? 'b) Not suitable' : 'c) Not in touch or not recorded' }
}

export const activity = (code: string | null): string | null => (code === null ? null : ({
  F1: 'F1: Full time in higher education', P1: 'P1: Part time in higher education', F2: 'F2: Full time in education other than higher',
  P2: 'P2: Part time in education other than higher', F3: 'F3: Full time in training or employment', P3: 'P3: Part time in training or employment',
  F4: 'F4: Young person engaged full time in an apprenticeship', P4: 'P4: Young person engaged part time in an apprenticeship',
  F5: 'F5: Young person engaged full time in training or employment (not apprenticeship)',
  P5: 'P5: Young person engaged part time in training or employment (not apprenticeship)',
  G4: 'G4: Not in education, employment or training - illness or disability', G5: 'G5: Not in education, employment or training - other',
  G6: 'G6: Not in education, employment or training - pregnancy or parenting',
} as Record<string, string>)[code] ?? null)

/** Annex A list 10's reasons a child should no longer be placed for adoption, from the 903's REASON_PLACED_CEASED. */
export const adoptionReversalReason = (code: string | null): string | null => (code === null ? null : ({
  RD1: 'a) Child’s needs changed', RD2: 'b) Court did not make a PO', RD3: 'c) Prospective adopters cannot be found', RD4: 'd) Any other reason',
} as Record<string, string>)[code] ?? null)

/** An adopter's gender as they describe it, in list 11's categories. */
export const adopterGender = (gender: string): string =>
  ({ male: 'a) Male', female: 'b) Female', neither: 'd) Neither' } as Record<string, string>)[gender] ?? 'c) Not stated/recorded'

export const adopterDisability = (answer: string): string => (answer === 'yes' ? 'True' : answer === 'no' ? 'False' : 'Unknown')

export const leftAdoptionProcess = (reason: string | null): string | null => (reason === null ? null : ({
  withdrew: 'a) Withdrew', on_hold: 'b) Process on hold', refused: 'c) Application refused',
} as Record<string, string>)[reason] ?? null)
