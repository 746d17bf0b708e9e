// The distance from home in SQL, for figures over many placements at once: the same rule as distance.ts
// (district centroids, haversine, miles to one decimal place; null when either district is unknown).
import { sql, type RawBuilder } from 'kysely'
import { earthRadiusMiles } from './distance.js'

/** The outward code of a postcode as stored (with or without its space): all but the last three characters. */
const districtOf = (postcode: RawBuilder<unknown>) =>
  sql`left(upper(replace(${postcode}, ' ', '')), greatest(length(replace(${postcode}, ' ', '')) - 3, 0))`

/** Miles between two postcode expressions, or null when either district has no centroid. */
export function milesBetweenSql(home: RawBuilder<unknown>, placement: RawBuilder<unknown>): RawBuilder<number | null> {
  return sql<number | null>`(select round((2 * ${sql.lit(earthRadiusMiles)} * asin(least(1, sqrt(
      power(sin(radians(p.latitude - h.latitude) / 2), 2) + cos(radians(h.latitude)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - h.longitude) / 2), 2)
    ))))::numeric, 1)::float8
    from postcode_centroids h, postcode_centroids p where h.district = ${districtOf(home)} and p.district = ${districtOf(placement)})`
}
