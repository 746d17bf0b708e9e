// The answers an information sharing decision can take, in plain English.
export const directions = {
  request_received: 'Another organisation asked us for information',
  request_made: 'We asked another organisation for information',
  offer_received: 'Another organisation offered us information',
  offer_made: 'We offered information to another organisation',
} as const

export const decisions = {
  shared: 'Shared',
  shared_in_part: 'Shared in part',
  not_shared: 'Not shared',
} as const

export const lawfulBases = {
  cwsa_s4: 'Children’s Wellbeing and Schools Act 2026, section 4 (duty to share for safeguarding)',
  ca_s47: 'Children Act 1989, section 47 (enquiry into significant harm)',
  ca_s17: 'Children Act 1989, section 17 (child in need)',
  ca_s11: 'Children Act 2004, section 11 (safeguarding duties of partners)',
  dpa_safeguarding: 'Data Protection Act 2018, Schedule 8 paragraph 4 (safeguarding of children)',
  consent: 'Consent of the family or young person',
  court_order: 'Court order',
} as const

export type Direction = keyof typeof directions
export type Decision = keyof typeof decisions
export type LawfulBasis = keyof typeof lawfulBases

export const isDirection = (v: string): v is Direction => Object.hasOwn(directions, v)
export const isDecision = (v: string): v is Decision => Object.hasOwn(decisions, v)
export const isLawfulBasis = (v: string): v is LawfulBasis => Object.hasOwn(lawfulBases, v)
