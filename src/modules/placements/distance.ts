// Straight-line distance between two postcodes, measured between their districts' centroids (as the DfE does for
// the 903, to one decimal place of a mile). Unknown, not zero, when either district is not in `postcode_centroids`.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { postcodeDistrict } from '../../platform/identifiers/postcode.js'

export interface Centroid { latitude: number; longitude: number }

/** Placements further than this from home are flagged. */
export const distantPlacementMiles = 20

export const earthRadiusMiles = 3958.8
const radians = (degrees: number) => (degrees * Math.PI) / 180

export function haversineMiles(a: Centroid, b: Centroid): number {
  const dLat = radians(b.latitude - a.latitude)
  const dLon = radians(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * earthRadiusMiles * Math.asin(Math.min(1, Math.sqrt(h)))
}

export interface PlacementDistance {
  /** Miles to one decimal place, or null when unknown. */
  miles: number | null
  /** Over 20 miles from home. */
  distant: boolean
}

export async function centroidsFor(db: Kysely<DB>, districts: readonly string[]): Promise<Map<string, Centroid>> {
  const wanted = [...new Set(districts)]
  if (wanted.length === 0) return new Map()
  const rows = await db.selectFrom('postcode_centroids').where('district', 'in', wanted).select(['district', 'latitude', 'longitude']).execute()
  return new Map(rows.map((r) => [r.district, { latitude: Number(r.latitude), longitude: Number(r.longitude) }]))
}

/** Distances for many home and placement postcode pairs in one query. */
export async function placementDistances(db: Kysely<DB>, pairs: ReadonlyArray<{ home: string | null; placement: string | null }>): Promise<PlacementDistance[]> {
  const districtOf = (postcode: string | null) => (postcode ? postcodeDistrict(postcode) : null)
  const centroids = await centroidsFor(db, pairs.flatMap((p) => [districtOf(p.home), districtOf(p.placement)]).filter((d): d is string => d !== null))
  return pairs.map((p) => {
    const home = centroids.get(districtOf(p.home) ?? '')
    const placement = centroids.get(districtOf(p.placement) ?? '')
    if (!home || !placement) return { miles: null, distant: false }
    const miles = Math.round(haversineMiles(home, placement) * 10) / 10
    return { miles, distant: miles > distantPlacementMiles }
  })
}
