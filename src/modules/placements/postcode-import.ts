// Loading postcode district centroids from the ONS Postcode Directory (ONSPD) CSV: every live postcode's
// latitude and longitude averaged per district, then the table replaced in one transaction.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { postcodeDistrict } from '../../platform/identifiers/postcode.js'

export interface DistrictCentroid { district: string; latitude: number; longitude: number; postcodes: number }

/** One CSV record's fields (ONSPD quotes some fields; none holds a comma or a line break). */
export function csvFields(line: string): string[] {
  return line.split(',').map((field) => field.trim().replace(/^"(.*)"$/, '$1'))
}

export class PostcodeFileError extends Error {}

/**
 * Averages live postcodes' positions per district. Rows with no position (ONSPD writes 99.999999) or a
 * termination date (`doterm`) are skipped.
 */
export async function districtCentroids(lines: AsyncIterable<string>): Promise<{ centroids: DistrictCentroid[]; read: number; skipped: number }> {
  const sums = new Map<string, { lat: number; long: number; n: number }>()
  let header: string[] | null = null
  let read = 0
  let skipped = 0
  for await (const line of lines) {
    if (line.trim() === '') continue
    const fields = csvFields(line)
    if (!header) {
      header = fields.map((f) => f.toLowerCase())
      if (!header.includes('lat') || !header.includes('long') || !(header.includes('pcds') || header.includes('pcd'))) {
        throw new PostcodeFileError('the file needs a header with pcds (or pcd), lat and long columns')
      }
      continue
    }
    read++
    const at = (name: string) => fields[header!.indexOf(name)] ?? ''
    const district = postcodeDistrict(header.includes('pcds') ? at('pcds') : at('pcd'))
    const lat = Number(at('lat'))
    const long = Number(at('long'))
    const terminated = header.includes('doterm') && at('doterm') !== ''
    if (!district || terminated || !Number.isFinite(lat) || !Number.isFinite(long) || Math.abs(lat) > 90 || Math.abs(long) > 180 || at('lat') === '') {
      skipped++
      continue
    }
    const sum = sums.get(district) ?? { lat: 0, long: 0, n: 0 }
    sum.lat += lat
    sum.long += long
    sum.n++
    sums.set(district, sum)
  }
  if (!header) throw new PostcodeFileError('the file is empty')
  const centroids = [...sums].map(([district, s]) => ({ district, latitude: s.lat / s.n, longitude: s.long / s.n, postcodes: s.n }))
  return { centroids, read, skipped }
}

export function fileLines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })
}

/** Replaces every centroid with these, in one transaction. */
export async function replaceCentroids(db: Kysely<DB>, centroids: readonly DistrictCentroid[], source: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('postcode_centroids').execute()
    for (let i = 0; i < centroids.length; i += 500) {
      await trx.insertInto('postcode_centroids')
        .values(centroids.slice(i, i + 500).map((c) => ({ ...c, source })))
        .execute()
    }
  })
}
