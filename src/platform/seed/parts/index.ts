// The parts the generator runs, in the order their tables are written. A casework module plugs in here.
import type { SeedPart } from '../part.js'
import { allocationsPart } from './allocations.js'
import { chronologyPart } from './chronology.js'
import { organisationPart } from './organisation.js'
import { peoplePart } from './people.js'

export const seedParts: readonly SeedPart[] = [organisationPart, peoplePart, allocationsPart, chronologyPart]
