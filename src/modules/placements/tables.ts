// Kysely's view of the placements module's tables (its migrations are migrations/008*_placements*.sql).
import type { AdoptionTables } from './adoption/tables.js'

export interface PostcodeCentroidsTable {
  district: string
  latitude: number
  longitude: number
  postcodes: number | null
  source: string
  /** DfE code of the children's services authority the district lies in (mostly). */
  la_code: string | null
}

export interface PlacementsTables extends AdoptionTables {
  postcode_centroids: PostcodeCentroidsTable
}
