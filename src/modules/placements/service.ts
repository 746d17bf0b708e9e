// The placements module's service: placement codes, Ofsted URNs, the distance from home and prospective adopters.
// The looked-after module records placements as 903 episodes through these; other modules import from here only.
export {
  isCode, labelFor, normaliseUrn, placementChangeReasons, placementProviders, placementTypes, placementsWithoutProvider,
  placementsWithoutUrn, urnNotApplicable, type Code,
} from './codes.js'
export { distantPlacementMiles, haversineMiles, placementDistances, type PlacementDistance } from './distance.js'
export { replaceCentroids, type DistrictCentroid } from './postcode-import.js'
export { authoritiesOfPostcodes } from './postcode-authority.js'
export { withMilesFromHome } from './distance-sql.js'
export { allCentroids, fittedPlacementType, PlacementSites, type PlacementSite } from './seed-sites.js'
export { adopterItemsOf, householdsByIds, householdsInProcess, type Adopter, type Household } from './adoption/read.js'
export { addHousehold, updateProgress, type HouseholdAnswers, type ProgressAnswers } from './adoption/households.js'
export { seededAdopterHouseholdId } from './adoption/seed-ids.js'
