// The parts the generator runs, in the order their tables are written. A casework module plugs in here.
import type { SeedPart } from '../part.js'
import { careLeaversSeedPart } from '../../../modules/care-leavers/seed-part.js'
import { childProtectionSeedPart } from '../../../modules/child-protection/seed-part.js'
import { familyHelpSeedPart } from '../../../modules/family-help/seed-part.js'
import { familyNetworkSeedPart } from '../../../modules/family-network/seed-part.js'
import { frontDoorSeedPart } from '../../../modules/front-door/seed-part.js'
import { lookedAfterSeedPart } from '../../../modules/looked-after/seed-part.js'
import { workforceSeedPart } from '../../../modules/workforce/seed-part.js'
import { adoptersSeedPart } from '../../../modules/placements/adoption/seed-part.js'
import { allocationsPart } from './allocations.js'
import { chronologyPart } from './chronology.js'
import { organisationPart } from './organisation.js'
import { peoplePart } from './people.js'

export const seedParts: readonly SeedPart[] = [
  organisationPart, peoplePart, allocationsPart, workforceSeedPart,
  frontDoorSeedPart, childProtectionSeedPart, familyHelpSeedPart, familyNetworkSeedPart, adoptersSeedPart, lookedAfterSeedPart, careLeaversSeedPart,
  chronologyPart,
]
