// Postcode centroids from an ONSPD-shaped CSV, the URN format and the distance from home.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/support/app.js'
import { districtCentroids, replaceCentroids } from './postcode-import.js'
import { authoritiesOfPostcodes, normaliseUrn, placementDistances } from './service.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t?.close() })

async function* lines(text: string) { for (const line of text.split('\n')) yield line }

describe('kindred postcodes import', () => {
  it('averages live postcodes per district, skips terminated and unplaced ones, and replaces the table', async () => {
    // ME14 is Kent's (a county, E10000016, over Maidstone district) but for one Medway postcode (a unitary authority).
    const csv = 'pcd,pcds,doterm,lat,long,oscty,oslaua\n"ME141XX","ME14 1XX","",51.28,0.52,E10000016,E07000110\n' +
      '"ME141XY","ME14 1XY","",51.30,0.56,E10000016,E07000110\n"ME141XZ","ME14 1XZ","",51.29,0.54,E99999999,E06000035\n' +
      '"ME142AA","ME14 2AA","202001",10,10,E10000016,E07000110\n"ZE1 0AA","ZE1 0AA","",99.999999,0,S99999999,S12000027\n' +
      '"CT9 1AA","CT9 1AA","",51.39,1.38,E10000016,E07000114\n"CF101AA","CF10 1AA","",51.48,-3.18,W99999999,W06000015\n'
    const { centroids, read, skipped } = await districtCentroids(lines(csv))
    expect(read).toBe(7)
    expect(skipped).toBe(2)
    expect(centroids.find((c) => c.district === 'ME14')).toMatchObject({ latitude: 51.29, postcodes: 3, laCode: '886' })
    // Cardiff is in Wales, so no English children's services authority.
    expect(centroids.find((c) => c.district === 'CF10')).toMatchObject({ laCode: null })
    await replaceCentroids(t.database.db, centroids, 'test')
    const [d] = await placementDistances(t.database.db, [{ home: 'me14 1xx', placement: 'CT9 1AA' }])
    expect(d!.distant).toBe(true)
    const [gone] = await placementDistances(t.database.db, [{ home: 'ME14 1XX', placement: 'ME15 6AA' }])
    expect(gone!.miles).toBeNull()
    expect(await authoritiesOfPostcodes(t.database.db, ['ME14 1XY', 'CT9 2BB', 'ME15 6AA', 'not a postcode'])).toEqual(new Map([
      ['ME14 1XY', '886'], ['CT9 2BB', '886'], ['ME15 6AA', null], ['not a postcode', null],
    ]))
  })

  it('refuses a file without the columns it needs', async () => {
    await expect(districtCentroids(lines('postcode,x\nME14 1XX,1'))).rejects.toThrow('pcds (or pcd), lat and long')
  })
})

describe('Ofsted URN', () => {
  it('accepts 6 or 7 digits or SC and digits, nothing else', () => {
    expect(normaliseUrn('123456')).toBe('123456')
    expect(normaliseUrn('sc 123456')).toBe('SC123456')
    expect(normaliseUrn('12345')).toBeNull()
    expect(normaliseUrn('AB123456')).toBeNull()
  })
})
