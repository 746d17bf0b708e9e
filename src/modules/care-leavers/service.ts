// The care-leavers module's service: leaving care status derived from the periods of care, each step of leaving
// care, and the 903 OC3 rows. Other modules import from here only.
export { careLeaverStatus, statusNames, type CareLeaverStatus, type Eligibility } from './eligibility.js'
export { careLeaversFor, careLeaverHref, type CareLeaver, type DueItem } from './care-leaver.js'
export {
  recordNeedsAssessment, recordPathwayPlan, recordPathwayPlanReview, recordPersonalAdviser, recordAdviserRequest, recordBirthdayContact,
  recordStayingPut, recordStayingClose, type AdviserAnswers, type ContactAnswers, type StayingPutAnswers,
} from './records.js'
export { oc3Rows, type Oc3Row } from './returns.js'
export { inTouchCodes, activityCodes, accommodationCodes } from './codes.js'
export type { Actor, Outcome } from './outcomes.js'
export { birthdayContactRows } from './figures.js'
export { importBirthdayContact, type ImportedBirthdayContact } from './imported-contacts.js'
