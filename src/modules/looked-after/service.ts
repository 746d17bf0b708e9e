// The looked-after module's service: periods of care and their 903 episodes, reviews, visits, health,
// education, missing episodes, UASC, adoption and youth justice. Other modules import from here only.
export { startCare, changeLegalStatus, changePlacement, leaveCare, type StartAnswers, type MoveAnswers } from './care.js'
export {
  recordReview, recordVisit, recordHealthCheck, recordWellbeing, recordEducation, recordMissing, recordMissingReturn,
  recordUasc, recordAdoptionMilestone, type AdoptionMilestoneAnswers,
} from './records.js'
export { recordConviction } from './convictions.js'
export { recordPermanencePlan, recordIroContact, permanencePlansOf, iroContactsOf, permanencePlans, iroContactKinds } from './care-planning.js'
export { childrenAwaitingAdopters, type ChildAwaitingAdopters } from './adoption-matching.js'
export {
  periodsOfCare, episodesFor, reviewsFor, missingFor, uascFor, adoptionFor, adoptionsMatchedWith, healthFor,
  type Episode903, type PeriodOfCare, type Missing903, type Adoption903,
} from './returns.js'
export { childIdsLookedAfterBetween } from './repository.js'
export { careNow, type CareNow, type DueItem } from './due.js'
export { lookedAfterHref, type Actor, type Outcome } from './outcomes.js'
export { claimFormToken, newFormToken, postedFormToken, type Submission } from './submissions.js'
export { childrenInCareBy, socialWorkVisitsOf, sdqScoresOf } from './returns-facts.js'
export { adoptionMilestoneRows, carePeriodRows, careEpisodeRows, schoolMoveRows, sdqRows, uascRows } from './figures.js'
export { seededCare, type SeededCare, type SeededPeriod } from './seed-care.js'
export { importCarePeriod, importReview, importMissing, importUasc, type ImportedEpisode, type ImportedPeriod } from './imported-care.js'
export { importHealth, type ImportedHealth } from './imported-health.js'
export { importAdoptionMilestone, type ImportedMilestone } from './imported-adoption.js'
