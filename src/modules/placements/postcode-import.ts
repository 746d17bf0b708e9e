// Loading postcode district centroids from the ONS Postcode Directory (ONSPD) CSV: every live postcode's
// latitude and longitude averaged per district, with the children's services authority most of the district's
// postcodes lie in, then the table replaced in one transaction.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { authorityByGssCode } from '../../platform/identifiers/local-authorities.js'
import { postcodeDistrict } from '../../platform/identifiers/postcode.js'

/** `laCode`: the DfE code of the authority most of the district's postcodes lie in; null when none is in England. */
export interface DistrictCentroid { district: string; latitude: number; longitude: number; postcodes: number; laCode: string | null }

/** A county's code (oscty) where there is one, since a county runs two-tier areas' children's services; else the district's (oslaua). */
const authorityOf = (county: string, district: string): string | null =>
  (authorityByGssCode(county) ?? authorityByGssCode(district))?.dfeCode ?? null

function mostCommon(counts: ReadonlyMap<string, number>): string | null {
  let best: [string, number] | null = null
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry
  return best?.[0] ?? null
}

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
  const sums = new Map<string, { lat: number; long: number; n: number; authorities: Map<string, number> }>()
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
    const sum = sums.get(district) ?? { lat: 0, long: 0, n: 0, authorities: new Map<string, number>() }
    sum.lat += lat
    sum.long += long
    sum.n++
    const laCode = authorityOf(at('oscty'), at('oslaua'))
    if (laCode) sum.authorities.set(laCode, (sum.authorities.get(laCode) ?? 0) + 1)
    sums.set(district, sum)
  }
  if (!header) throw new PostcodeFileError('the file is empty')
  const centroids = [...sums].map(([district, s]) => ({
    district, latitude: s.lat / s.n, longitude: s.long / s.n, postcodes: s.n, laCode: mostCommon(s.authorities),
  }))
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
        .values(centroids.slice(i, i + 500).map(({ laCode, ...c }) => ({ ...c, la_code: laCode, source })))
        .execute()
    }
  })
}
