// Which children's services authority a postcode lies in, by its district in the postcode directory.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { postcodeDistrict } from '../../platform/identifiers/postcode.js'

/** The DfE code of each postcode's authority, or null when the postcode or its district is unknown. */
export async function authoritiesOfPostcodes(db: Kysely<DB>, postcodes: readonly string[]): Promise<Map<string, string | null>> {
  const districts = new Map(postcodes.map((p) => [p, postcodeDistrict(p)]))
  const wanted = [...new Set([...districts.values()].filter((d): d is string => d !== null))]
  const rows = wanted.length === 0 ? [] : await db.selectFrom('postcode_centroids').where('district', 'in', wanted).select(['district', 'la_code']).execute()
  const authority = new Map(rows.map((r) => [r.district, r.la_code]))
  return new Map([...districts].map(([postcode, district]) => [postcode, district ? authority.get(district) ?? null : null]))
}
