// Addresses for synthetic people: streets in the authority's towns, with postcodes from its own postcode
// districts, so neighbours share a postcode sector and every address is plausible for the authority.
import type { AuthorityRecord } from './authorities.js'
import type { Address, Day } from './facts.js'
import { byPopularity, Random } from './random.js'

const stems = byPopularity(`High Station Church Park Victoria Green Manor Kings Queens Grange Mill School New London Albert Chestnut
  Oak Beech Elm Willow Meadow Springfield York Windsor Richmond Highfield North South West East Cedar Holly Ash Maple Rose Hawthorn
  Forest Alexandra Brook Bridge Castle Abbey Cromwell Nelson Wellington Gladstone Clarence Stanley Cambridge Oxford Orchard Priory
  Westfield Fairfield Woodland Hillside Riverside Valley Lime Sycamore Birch Heather Primrose Bluebell Kingsway Coronation Jubilee
  Tennyson Shakespeare Milton Byron Chaucer Churchill Darwin Nightingale Brunel Telford Stephenson Sandringham Balmoral Marlborough`
  .trim().split(/\s+/), 0.6)
const kinds = byPopularity(['Road', 'Street', 'Close', 'Avenue', 'Lane', 'Drive', 'Way', 'Gardens', 'Crescent', 'Court', 'Place',
  'Grove', 'Terrace', 'Walk', 'Rise', 'View', 'Mews', 'Square'], 0.7)
const blocks = ['House', 'Court', 'Lodge', 'Point', 'Tower']
/** Letters an inward code may use. */
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'

interface Street { name: string; town: string; sector: string; units: string[] }

export class Places {
  private readonly streets: Street[] = []

  constructor(authority: AuthorityRecord, seedLabel: string, population: number) {
    const random = new Random(`${seedLabel}/streets`)
    const count = Math.max(60, Math.min(6000, Math.round(population / 60)))
    const names = new Set<string>()
    for (let i = 0; i < count; i++) {
      const town = random.pick(authority.towns)
      let name = `${stems.pick(random)} ${kinds.pick(random)}`
      if (names.has(`${town}/${name}`)) name = `${random.pick(['Upper', 'Lower', 'Little', 'Old', 'St John’s', 'St Mary’s'])} ${name}`
      names.add(`${town}/${name}`)
      const sector = `${random.pick(authority.postcodeDistricts)} ${random.below(10)}`
      const units = Array.from({ length: 1 + random.below(4) }, () => UNIT_LETTERS[random.below(20)]! + UNIT_LETTERS[random.below(20)]!)
      this.streets.push({ name, town, sector, units })
    }
  }

  /** A home in the authority; flats in about one in five. */
  address(random: Random, movedIn: Day | null, movedOut: Day | null = null): Address {
    const street = random.pick(this.streets)
    const number = 1 + random.below(160)
    const line1 = random.chance(0.2)
      ? `Flat ${1 + random.below(24)}, ${street.name.split(' ')[0]} ${random.pick(blocks)}, ${street.name}`
      : `${number} ${street.name}`
    return { line1, town: street.town, postcode: `${street.sector}${street.units[number % street.units.length]}`, movedIn, movedOut }
  }
}
