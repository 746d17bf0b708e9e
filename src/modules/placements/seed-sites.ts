// Where a seeded child is placed, as the 903 records it: the placement postcode (near home, or more than 20 miles
// away when the facts say so, in districts whose centroids Kindred holds so that the distance from home works),
// the provider and the Ofsted URN. The codes follow the 903 rules: a provider that fits the type (rules 527-531,
// 550), a URN only for registered placements (218, 222), own provision only inside the authority (1015), and a
// type that fits the child's age and legal status (371, 373, 378).
import type { Executor } from '../../platform/audit/audit.js'
import { postcodeDistrict } from '../../platform/identifiers/postcode.js'
import { Random, Weighted } from '../../platform/seed/random.js'
import { placementsWithoutProvider, placementsWithoutUrn } from './codes.js'
import { distantPlacementMiles, haversineMiles, type Centroid } from './distance.js'

export interface PlacementSite {
  provider: string | null
  urn: string | null
  postcode: string
}

/** Every district centroid Kindred holds: the seed measures distances the way the 903 does, between districts. */
export async function allCentroids(db: Executor): Promise<ReadonlyMap<string, Centroid>> {
  const rows = await db.selectFrom('postcode_centroids').select(['district', 'latitude', 'longitude']).orderBy('district').execute()
  return new Map(rows.map((r) => [r.district, { latitude: Number(r.latitude), longitude: Number(r.longitude) }]))
}

/**
 * The 903 placement type for a placement the facts give in broad terms, fitted to the child's age and legal status:
 * supported accommodation from 16, children's homes from 8, fostering for adoption for the under-5s, a placement
 * with parents only under a care order, and placements for adoption only on the adoption path (made elsewhere).
 */
export function fittedPlacementType(type: string, age: number, legalStatus: string): string {
  switch (type) {
    case 'H5': case 'Z1': return age >= 16 ? 'K3' : 'U6'
    case 'A4': return 'U6'
    case 'K2': return age >= 8 ? 'K2' : 'U6'
    case 'R1': return age >= 12 ? 'R1' : 'U6'
    case 'U2': return age < 5 ? 'U2' : 'U3'
    case 'U5': return age < 5 ? 'U5' : 'U6'
    case 'P1': return legalStatus === 'C1' || legalStatus === 'C2' ? 'P1' : 'U3'
    default: return type
  }
}

const providers: Record<string, Weighted<string>> = {
  relative: new Weighted([['PR1', 90], ['PR4', 10]]),
  foster: new Weighted([['PR1', 60], ['PR4', 35], ['PR5', 5]]),
  adoption: new Weighted([['PR1', 50], ['PR2', 30], ['PR5', 20]]),
  home: new Weighted([['PR1', 20], ['PR4', 75], ['PR5', 5]]),
  supported: new Weighted([['PR1', 15], ['PR4', 60], ['PR5', 25]]),
  care: new Weighted([['PR3', 40], ['PR4', 60]]),
}
const kindOf = (type: string): keyof typeof providers =>
  /^U[1-3]$/.test(type) ? 'relative' : /^U/.test(type) ? 'foster' : /^A/.test(type) ? 'adoption'
    : type === 'K3' ? 'supported' : /^[KS]/.test(type) ? 'home' : 'care'

/** Letters an inward code may use. */
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'
/** Kept clear of 20 miles, so rounding to a tenth of a mile never flips a placement across it. */
const nearMiles = distantPlacementMiles - 0.5
const farMiles = distantPlacementMiles + 1
/** Rule 454 questions anything further. */
const furthestMiles = 300

export class PlacementSites {
  private readonly own: ReadonlySet<string>
  private readonly districts: readonly string[]
  private readonly nearby = new Map<string, { near: string[]; far: string[] }>()
  private readonly urns: Record<'fostering' | 'agencies' | 'homes' | 'supported' | 'adoption', string[]>

  constructor(private readonly centroids: ReadonlyMap<string, Centroid>, authority: { postcodeDistricts: readonly string[] }, seedLabel: string) {
    this.own = new Set(authority.postcodeDistricts)
    this.districts = [...centroids.keys()]
    const random = new Random(`${seedLabel}/placement-providers`)
    const urns = (count: number, prefix: () => string) => Array.from({ length: count }, () => `${prefix()}${String(random.below(1_000_000)).padStart(6, '0')}`)
    this.urns = {
      fostering: urns(1, () => 'SC'), agencies: urns(8, () => 'SC'), adoption: urns(4, () => 'SC'),
      homes: urns(12, () => (random.chance(0.5) ? 'SC' : '1')), supported: urns(6, () => '2'),
    }
  }

  /** A site for a placement of this (903) type: near home, or more than 20 miles from it when `far`. */
  site(random: Random, type: string, homePostcode: string, far: boolean): PlacementSite {
    const postcode = type === 'P1' && !far ? homePostcode : this.postcode(random, homePostcode, far)
    if (placementsWithoutProvider.has(type)) return { provider: null, urn: null, postcode }
    if (type === 'P1') return { provider: 'PR0', urn: null, postcode }
    const kind = kindOf(type)
    let provider = providers[kind]!.pick(random)
    if (provider === 'PR1' && !this.own.has(postcodeDistrict(postcode) ?? '')) provider = kind === 'adoption' ? 'PR2' : 'PR4'
    if (placementsWithoutUrn.has(type)) return { provider, urn: null, postcode }
    const pool = kind === 'adoption' ? this.urns.adoption : kind === 'home' ? this.urns.homes : kind === 'supported' ? this.urns.supported
      : provider === 'PR1' ? this.urns.fostering : this.urns.agencies
    return { provider, urn: random.pick(pool), postcode }
  }

  private postcode(random: Random, home: string, far: boolean): string {
    const homeDistrict = postcodeDistrict(home) ?? ''
    const { near, far: away } = this.around(homeDistrict)
    const district = random.pick(far ? (away.length > 0 ? away : near) : near)
    for (;;) {
      const postcode = `${district} ${1 + random.below(9)}${UNIT_LETTERS[random.below(20)]}${UNIT_LETTERS[random.below(20)]}`
      if (postcode !== home) return postcode
    }
  }

  /** Districts within 20 miles of home and those further (up to 300 miles); the authority's own when home's centroid is unknown. */
  private around(home: string): { near: string[]; far: string[] } {
    let found = this.nearby.get(home)
    if (found) return found
    const centre = this.centroids.get(home)
    if (!centre) {
      const own = [...this.own]
      found = { near: own, far: this.districts.filter((d) => !this.own.has(d)) }
    } else {
      const near: string[] = []
      const far: string[] = []
      for (const [district, c] of this.centroids) {
        const miles = haversineMiles(centre, c)
        if (miles <= nearMiles) near.push(district)
        else if (miles >= farMiles && miles <= furthestMiles) far.push(district)
      }
      found = { near, far }
    }
    this.nearby.set(home, found)
    return found
  }
}
