// What the one search box understands: dates in the usual formats, NHS numbers with or without spaces,
// whole and partial postcodes, LA child IDs, years and names.
import { describe, expect, it } from 'vitest'
import { parseSearchQuery, searchCriteria } from './search-query.js'

const today = '2026-06-01'

describe('reading the search box', () => {
  it('reads a date of birth in every common format', () => {
    for (const typed of ['12/03/2015', '12-3-2015', '2015-03-12', '12 March 2015', '12th Mar 2015', '12.03.2015', '12/03/15']) {
      expect(parseSearchQuery(`Smith ${typed}`, today), typed).toMatchObject({ dates: ['2015-03-12'], names: ['smith'] })
    }
  })

  it('reads a two-digit year as the most recent such year not in the future', () => {
    expect(parseSearchQuery('1/1/26', today).dates).toEqual(['2026-01-01'])
    expect(parseSearchQuery('1/1/27', today).dates).toEqual(['1927-01-01'])
  })

  it('ignores impossible dates instead of guessing', () => {
    expect(parseSearchQuery('31/02/2015', today).dates).toEqual([])
  })

  it('reads an NHS number with or without spaces or hyphens', () => {
    for (const typed of ['9990000018', '999 000 0018', '999-000-0018']) expect(parseSearchQuery(typed, today).nhsNumber).toBe('9990000018')
  })

  it('reads whole and partial postcodes', () => {
    expect(parseSearchQuery('me14 5ab', today).postcode).toBe('ME14 5AB')
    expect(parseSearchQuery('ME145AB', today).postcode).toBe('ME14 5AB')
    expect(parseSearchQuery('Jones ME14', today)).toMatchObject({ postcode: 'ME14', names: ['jones'] })
    expect(parseSearchQuery('ME14 5', today).postcode).toBe('ME14 5')
  })

  it('keeps words with digits as identifiers, a lone year as a year, and the rest as names', () => {
    const query = parseSearchQuery("C0001234 O'Brien-Kelly, Amy 2014", today)
    expect(query.identifiers).toEqual(['C0001234'])
    expect(query.years).toEqual([2014])
    expect(query.names).toEqual(["o'brien-kelly", 'amy'])
  })

  it('names the kinds of thing searched for, never the terms', () => {
    const criteria = searchCriteria(parseSearchQuery('Bill Smith 12/03/2015 ME14', today))
    expect(criteria).toEqual(['name', 'date of birth', 'postcode', 'identifier'])
    expect(JSON.stringify(criteria)).not.toMatch(/smith|2015|ME14/i)
  })
})
