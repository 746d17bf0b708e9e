// The in-memory facts the generator builds for each family before any row is written: who the people are
// and what happened to each child. Parts map these facts to tables, so a casework module that adds a table
// reads what is already here instead of inventing its own history. Dates are day numbers (days since
// 1970-01-01; see working-days/local-date.ts).

export type Day = number

export type AssessmentOutcome = 'no_further_action' | 'not_in_need' | 'in_need'

export interface Placement {
  start: Day
  /** Null while it continues. */
  end: Day | null
  /** SSDA903 placement type (U1-U6 foster, K2 children's home, P1 with parents...). */
  type: string
  over20Miles: boolean
}

export interface CareEpisode {
  start: Day
  end: Day | null
  /** SSDA903 legal status on entry (C1, C2, V2...). */
  legalStatus: string
  /** SSDA903 reason ceased (E11 adopted, E13 left at 18, E4A returned home...), null while in care. */
  reasonEnded: string | null
  placements: Placement[]
}

export interface ProtectionPlan {
  start: Day
  end: Day | null
  /** NEG, EMO, PHY, SAB or MUL. */
  category: string
}

/** A referral and everything that followed it: one CIN census episode. */
export interface Episode {
  referral: Day
  /** Within 12 months of the child's previous referral. */
  reReferral: boolean
  source: string
  /** CIN census primary need code (N0-N9). */
  primaryNeed: string
  outcome: AssessmentOutcome
  /** Null for no further action. End is null while the assessment is under way. */
  assessment: { start: Day; end: Day | null } | null
  section47: { start: Day; conference: Day | null } | null
  plan: ProtectionPlan | null
  care: CareEpisode | null
  /** When the episode closed; null while it is open. */
  end: Day | null
}

export interface CareLeaving {
  /** The 18th birthday. */
  since: Day
  inEducationOrWork: boolean
  suitablyHoused: boolean
}

export interface Address {
  line1: string
  town: string
  postcode: string
  movedIn: Day | null
  movedOut: Day | null
}

export interface SeedPerson {
  id: string
  firstName: string
  lastName: string
  sex: 'F' | 'M'
  dateOfBirth: Day
  ethnicity: string
  nhsNumber: string | null
  addresses: Address[]
  /** When the record was made. */
  recordedOn: Day
}

export interface SeedChild extends SeedPerson {
  laChildId: string
  upn: string | null
  upnUnknownReason: string | null
  disabilities: string[]
  /** Oldest first. Episodes before the reporting year are the child's earlier history. */
  episodes: Episode[]
  careLeaving: CareLeaving | null
}

export type AdultRole = 'mother' | 'father' | 'step_parent' | 'grandparent'

export interface SeedAdult extends SeedPerson {
  role: AdultRole
  /** Indexes into the family's children this adult is mother, father, step-parent or grandparent of. */
  of: number[]
  livesWithChildren: boolean
  parentalResponsibility: boolean
  possibleCarer: boolean
  /** Index into the family's adults of this adult's partner, if recorded. */
  partner: number | null
}

export type FamilyKind = 'referred' | 'open_in_need' | 'open_protection' | 'open_in_care' | 'care_leaver'

export interface SeedFamily {
  /** Position in the authority's sequence of families. */
  index: number
  kind: FamilyKind
  children: SeedChild[]
  adults: SeedAdult[]
}

/** The dates every part measures against. */
export interface SeedPeriod {
  /** The last day of the reporting year (a 31 March by default). Nothing is generated after it. */
  asOf: Day
  /** The first day of the reporting year: asOf - 364. */
  yearStart: Day
}
