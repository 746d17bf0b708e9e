// The national figures synthetic authorities are sized from (docs: /work/shared/domain/national_stats_sizing.md,
// England, year ending 31 March 2025), per 10,000 children aged 0-17, and the probabilities and durations
// derived from them. One place, so a change to the published figures is a change here.

export const per10k = {
  referrals: 519,
  childrenInNeedAt31March: 330,
  section47s: 189,
  initialConferences: 59,
  protectionPlanStarts: 51,
  protectionPlansAt31March: 41,
  lookedAfterAt31March: 67,
  lookedAfterStarts: 26,
  /** Care leavers aged 18-21 (38,440 aged 19-21 and half the 14,800 aged 17-18), per 10,000 aged 0-17. */
  careLeavers18to21: 37,
  /** Child and family social workers, FTE (36,186). */
  socialWorkers: 29.7,
} as const

export const pathway = {
  /** Referrals within 12 months of a previous referral. */
  reReferral: 0.226,
  noFurtherAction: 0.065,
  /** Assessed children with no section 47 who turn out not to be in need (30.8% of all assessments). */
  notInNeedWithoutSection47: 0.5,
  section47GivenAssessed: 0.389,
  // 0.312 published; a little more because conferences after the reporting date are not counted.
  conferenceGivenSection47: 0.35,
  planGivenConference: 0.864,
  /** Second or subsequent plans among plan starts. */
  repeatPlan: 0.245,
  careGivenPlan: 0.2,
  careGivenInNeed: 0.064,
  /** Referrals per child referred in a year (632,830 / 557,810). */
  referralsPerChild: 1.134,
  /** Children referred before, more than 12 months earlier. */
  previouslyKnown: 0.25,
  /** Placement moves per year in care: about 10% of children have 3+ placements in a year. */
  placementMovesPerYear: 0.6,
  placementOver20Miles: 0.21,
  careLeaverInEducationOrWork: 0.54,
  careLeaverSuitablyHoused: 0.89,
  disability: 0.06,
  noNhsNumber: 0.03,
} as const

/** Mean days an in-need episode without a plan or care stays open (steady state: 222 open per 10k). */
export const inNeedMeanDays = 305
/** Mean days in care for those who stay beyond the first six months (exit hazard 0.237 a year). */
export const longCareMeanDays = 1540
export const shortCareShare = 0.3
export const protectionPlanMeanDays = 293

/** Assessment length in working days: median 33, quartiles 17 and 43, 85.7% within 45. */
export const assessmentWorkingDays: ReadonlyArray<readonly [number, number]> = [[0, 2], [0.25, 17], [0.5, 33], [0.75, 43], [0.857, 45], [0.95, 62], [1, 110]]
/** Section 47 start to initial conference, working days: median 14. */
export const conferenceWorkingDays: ReadonlyArray<readonly [number, number]> = [[0, 3], [0.087, 10], [0.5, 14], [0.814, 15], [0.903, 20], [1, 40]]
/** Protection plan length in days: median about 8 months, 2.3% two years or more. */
export const planDays: ReadonlyArray<readonly [number, number]> = [[0, 40], [0.1, 95], [0.25, 170], [0.5, 255], [0.75, 360], [0.9, 500], [0.977, 730], [1, 1000]]

/** Age at referral, years (CIN census shape). */
export const referralAge: ReadonlyArray<readonly [readonly [number, number], number]> = [[[0, 1], 9], [[1, 5], 19], [[5, 10], 25], [[10, 16], 35], [[16, 18], 12]]
/** Age of children looked after at 31 March. */
export const lookedAfterAge: ReadonlyArray<readonly [readonly [number, number], number]> = [[[0, 1], 5], [[1, 5], 13], [[5, 10], 17], [[10, 16], 38], [[16, 18], 27]]

/** DfE ethnicity codes in roughly the proportions of children in need nationally, and in London. */
export const ethnicityShares: Record<'england' | 'london', ReadonlyArray<readonly [string, number]>> = {
  england: [['WBRI', 66], ['WIRI', 0.4], ['WIRT', 0.3], ['WROM', 0.9], ['WOTH', 5.5], ['MWBC', 2.6], ['MWBA', 1.2], ['MWAS', 1.4],
    ['MOTH', 3.0], ['AIND', 1.2], ['APKN', 3.0], ['ABAN', 1.0], ['AOTH', 1.3], ['BCRB', 1.0], ['BAFR', 3.0], ['BOTH', 0.8], ['CHNE', 0.2],
    ['OOTH', 2.4], ['REFU', 0.3], ['NOBT', 1.5]],
  london: [['WBRI', 26], ['WIRI', 0.8], ['WIRT', 0.4], ['WROM', 1.5], ['WOTH', 10], ['MWBC', 5], ['MWBA', 2.5], ['MWAS', 2],
    ['MOTH', 6], ['AIND', 2.5], ['APKN', 2.5], ['ABAN', 5], ['AOTH', 3], ['BCRB', 6], ['BAFR', 12], ['BOTH', 4], ['CHNE', 0.4],
    ['OOTH', 6], ['REFU', 0.4], ['NOBT', 2]],
}

export const disabilityShares: ReadonlyArray<readonly [string, number]> = [['LD', 25], ['AUT', 25], ['COMM', 15], ['BEH', 12], ['MOB', 6],
  ['HEAR', 4], ['VIS', 4], ['PC', 3], ['HAND', 2], ['INC', 2], ['CON', 2], ['DDA', 5]]

/** CIN census primary need codes. */
export const primaryNeedShares: ReadonlyArray<readonly [string, number]> = [['N1', 57], ['N2', 3], ['N3', 2], ['N4', 11], ['N5', 1],
  ['N6', 3], ['N7', 1], ['N8', 4], ['N9', 10], ['N0', 8]]

export const referralSourceShares: ReadonlyArray<readonly [string, number]> = [['police', 29], ['school', 21], ['health', 14],
  ['local_authority', 10], ['individual', 8], ['other', 18]]

export const planCategoryShares: ReadonlyArray<readonly [string, number]> = [['NEG', 52], ['EMO', 37], ['PHY', 6], ['SAB', 3], ['MUL', 2]]

/** SSDA903 legal status on entry. */
export const legalStatusShares: ReadonlyArray<readonly [string, number]> = [['C2', 40], ['C1', 24], ['V2', 22], ['E1', 4], ['L1', 3], ['J2', 2], ['L2', 5]]

/** SSDA903 placement types. */
export const placementTypeShares: ReadonlyArray<readonly [string, number]> = [['U1', 5], ['U2', 4], ['U3', 9], ['U4', 27], ['U5', 8],
  ['U6', 17], ['K2', 11], ['P1', 7], ['H5', 5], ['R1', 2], ['A4', 2], ['Z1', 3]]
