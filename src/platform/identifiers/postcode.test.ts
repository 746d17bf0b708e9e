import { describe, expect, it } from 'vitest'
import { isValidPostcode, normalisePostcode, postcodeDistrict, postcodeSector } from './postcode.js'

describe('UK postcode format', () => {
  it('accepts every outward-code shape and normalises spacing and case', () => {
    expect(normalisePostcode('m1 1ae')).toBe('M1 1AE') // A9
    expect(normalisePostcode('B338TH')).toBe('B33 8TH') // A99
    expect(normalisePostcode(' CR2  6XH ')).toBe('CR2 6XH') // AA9
    expect(normalisePostcode('DN55 1PT')).toBe('DN55 1PT') // AA99
    expect(normalisePostcode('W1A 0AX')).toBe('W1A 0AX') // A9A
    expect(normalisePostcode('ec1a1bb')).toBe('EC1A 1BB') // AA9A
    expect(normalisePostcode('SW1A 1AA')).toBe('SW1A 1AA')
    expect(normalisePostcode('gir 0aa')).toBe('GIR 0AA')
  })

  it('rejects what cannot be a postcode', () => {
    for (const bad of ['', 'SW1A', '1AA', 'SW1A 1A', 'SW1A 11A', 'Q1 1AA', 'V1 1AA', 'X1 1AA', 'AI1 1AA',
      'SW1A 1CA', 'SW1A 1AI', 'AB1C 1AA', 'SW1AA 1AA', 'SW1A-1AA']) {
      expect(isValidPostcode(bad), bad).toBe(false)
    }
  })

  it('gives the district (outward code) and sector', () => {
    expect(postcodeDistrict('sw1a 1aa')).toBe('SW1A')
    expect(postcodeSector('sw1a 1aa')).toBe('SW1A 1')
    expect(postcodeDistrict('M11AE')).toBe('M1')
    expect(postcodeSector('B33 8TH')).toBe('B33 8')
    expect(postcodeDistrict('not a postcode')).toBeNull()
    expect(postcodeSector('not a postcode')).toBeNull()
  })
})
