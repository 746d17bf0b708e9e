// The family-help module's service: Family Help (episodes with a lead practitioner, the plan's goals and
// reviews, stepping up to and down from children's social care) and children in need (CIN plans, their
// reviews, closing the CIN episode). Every write is one transaction that appends to the child's event
// stream, and every form is safe to send twice. Other modules import from here only.
export type { Actor, Done } from './submissions.js'
export type { FieldErrors, Invalid, Outcome } from './outcomes.js'
export { familyHelpHref, childInNeedHref } from './outcomes.js'
export { closureReasons, goalProgress, cinReviewOutcomes } from './codes.js'
export { leadPractitionerOptions, leadRoles, socialWorkerRoles, type LeadAnswer } from './lead-practitioners.js'
export {
  startFamilyHelp, openFamilyHelpFromContact, endFamilyHelp, recordFamilyHelpReview,
  type NewFamilyHelp, type ReviewAnswer, type AlreadyOpen, type Started,
} from './family-help.js'
export { recordAssessmentCompleted } from './assessment.js'
export { addGoal, updateGoalProgress, findGoal, type GoalPlan } from './goals.js'
export { familyHelpPlan, myFamilies, type FamilyHelpPlan, type MyFamily } from './read-models.js'
export {
  startCinPlan, endCinPlan, recordCinPlanReview, closeCinEpisode, type CinReviewAnswer, type ClosureRefused,
} from './child-in-need.js'
export { stepUp, stepDown } from './steps.js'
export { openReferralOf as getOpenCinEpisode, type OpenReferral } from './referrals.js'
export { childInNeed, type ChildInNeedView } from './read-models.js'
export { cinPlansOf, familyHelpStartedBetween } from './returns-facts.js'
export { importCinPlan, type ImportedCinPlan } from './imported-cin-plans.js'
