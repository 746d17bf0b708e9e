// The family-network module's service: pre-proceedings and family group decision making (CWSA 2026 s1,
// new CA 1989 s31ZA), the application they gate, kinship (possible carers, viability assessments,
// arrangements) and the authority's kinship local offer. Other modules import from here only.
export {
  offerFgdm, proceedingsHref, proceedingsState, recordApplication, recordExemption, recordFgdmMeeting, recordFgdmResponse, recordLetter,
  recordOutcome, recordPreProceedingsMeeting, startPreProceedings, type ProceedingsState,
} from './proceedings.js'
export { fgdmRequirement, type Requirement, type RequirementFacts } from './requirement.js'
export {
  completeViabilityAssessment, endKinshipArrangement, kinshipHref, kinshipState, markPossibleCarer, startArrangement, startViability,
  type KinshipState,
} from './kinship.js'
export { getLocalOffer, publishedLocalOffers, updateLocalOffer, type LocalOffer, type LocalOfferAnswers } from './local-offer.js'
/** For the CIN census: the PreProceedingsandFGDM facts of each CIN episode. */
export { preProceedingsAndFgdmFor, type PreProceedingsAndFgdm, type YesNo } from './returns.js'
export type { Actor } from './submissions.js'

/** Who works a child's pre-proceedings and kinship: social workers and team managers linked to the child. */
export const practitionerRoles = ['social_worker', 'team_manager'] as const
