// DfE code lists the front door records in (CIN census 2026 schema), in plain English, and the front
// door's own decisions.

/** Who made the referral (CIN census ReferralSource). */
export const referralSources: Record<string, string> = {
  '1A': "Individual – family member, relative or carer",
  '1B': "Individual – acquaintance (including neighbours and child minders)",
  '1C': "Individual – self",
  '1D': "Individual – other (including strangers)",
  '2A': "Schools",
  '2B': "Education services",
  '3A': "Health services – general practitioner (GP)",
  '3B': "Health services – health visitor",
  '3C': "Health services – school nurse",
  '3D': "Health services – other primary health services",
  '3E': "Health services – A&E (accident and emergency department)",
  '3F': "Health services – other (for example hospice)",
  '4': "Housing – local authority housing or housing association",
  '5A': "Local authority services – social care, for example adult social care",
  '5B': "Local authority services – other internal departments, for example youth offending (not housing)",
  '5C': "Local authority services – external, for example another authority’s adult social care",
  '5D': "Local authority services – early help",
  '6': "Police",
  '7': "Other legal agency – including courts, probation, immigration, CAFCASS (Children and Family Court Advisory and Support Service) or prison",
  '8': "Other – including children’s centres, independent agency providers or voluntary organisations",
  '9': "Anonymous",
  '10': "Unknown",
}

/** The referral sources a partner agency's practitioner may be, by their role. */
export const partnerReferralSources: Record<'partner_police' | 'partner_health' | 'partner_education', string[]> = {
  partner_police: ['6'],
  partner_health: ['3A', '3B', '3C', '3D', '3E', '3F'],
  partner_education: ['2A', '2B'],
}

/** The child's primary need (CIN census PrimaryNeedCode). */
export const primaryNeeds: Record<string, string> = {
  'N1': "Abuse, neglect and exploitation",
  'N2': "Child's disability",
  'N3': "Parental disability or illness",
  'N4': "Family in acute stress",
  'N5': "Family dysfunction",
  'N6': "Socially unacceptable behaviour",
  'N7': "Low income",
  'N8': "Absent parenting",
  'N9': "Cases other than children in need",
  'N0': "Not stated",
}

/** Why a CIN episode closed (CIN census ReasonForClosure). */
export const reasonsForClosure: Record<string, string> = {
  'RC1': 'Adopted',
  'RC2': 'Died',
  'RC3': 'Child arrangements order',
  'RC4': 'Special guardianship order',
  'RC5': 'Transferred to services of another local authority',
  'RC6': 'Transferred to adult social care services',
  'RC7': 'Services ceased for any other reason, including child no longer in need',
  'RC8': 'Case closed after assessment, no further action',
  'RC9': 'Case closed after assessment, referred to early help',
}

export const isCode = (list: Record<string, string>, code: string): boolean => Object.hasOwn(list, code)

export const decisions = {
  no_further_action: 'No further action',
  information_and_advice: 'Information and advice',
  family_help: 'Request for Family Help',
  referral: 'Referral to children’s social care',
  strategy_discussion: 'Strategy discussion needed (urgent)',
} as const

export type Decision = keyof typeof decisions
export const isDecision = (value: string): value is Decision => Object.hasOwn(decisions, value)
export const opensReferral = (decision: Decision): boolean => decision === 'referral' || decision === 'strategy_discussion'

export const consents = {
  given: 'Yes, the family agreed',
  refused: 'No, the family refused',
  not_sought: 'Not asked: asking would put the child at risk',
} as const

export type Consent = keyof typeof consents
export const isConsent = (value: string): value is Consent => Object.hasOwn(consents, value)
