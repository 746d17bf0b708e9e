// The distance from home in SQL, for figures over many placements at once: the same rule as distance.ts
// (district centroids, haversine, miles to one decimal place; null when either district is unknown). The
// centroids are joined once per row query rather than looked up per row, so the planner can hash them.
import { sql, type RawBuilder } from 'kysely'
import { earthRadiusMiles } from './distance.js'

/** The outward code of a postcode as stored (with or without its space): all but the last three characters. */
const districtOf = (postcode: RawBuilder<unknown>) =>
  sql`left(upper(replace(${postcode}, ' ', '')), greatest(length(replace(${postcode}, ' ', '')) - 3, 0))`

/**
 * `rows` with one more column, `miles`: the distance between the postcodes in its columns `home` and `placement`,
 * or null when either district has no centroid.
 */
export function withMilesFromHome(rows: RawBuilder<unknown>, home: string, placement: string): RawBuilder<unknown> {
  return sql`select r.*, round((2 * ${sql.lit(earthRadiusMiles)} * asin(least(1, sqrt(
      power(sin(radians(p.latitude - h.latitude) / 2), 2) + cos(radians(h.latitude)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - h.longitude) / 2), 2)
    ))))::numeric, 1)::float8 as miles
    from (${rows}) r
    left join postcode_centroids h on h.district = ${districtOf(sql.ref(`r.${home}`))}
    left join postcode_centroids p on p.district = ${districtOf(sql.ref(`r.${placement}`))}`
}
