import { describe, expect, it } from 'vitest'
import {
  compareDateOfBirth, compareFirstName, compareNhsNumber, comparePostcode, compareSchool, compareSex, compareSurname,
} from './compare.js'
import { parsePostcode } from './postcode.js'

describe('first names', () => {
  it('treats nicknames and single slips as close and plausibly the same child', () => {
    expect(compareFirstName('BILL', 'WILLIAM')).toEqual({ level: 'close', note: 'first name: nickname of', plausiblySame: true })
    expect(compareFirstName('LIZ', 'ELIZABETH').level).toBe('close')
    expect(compareFirstName('JACK', 'JOHN').level).toBe('close')
    expect(compareFirstName('OLIVAI', 'OLIVIA')).toMatchObject({ level: 'close', plausiblySame: true })
  })

  it('keeps similar spellings close but not plausibly one child, and other names different', () => {
    expect(compareFirstName('LILLIAN', 'LILIANA')).toMatchObject({ level: 'close', note: 'first name: similar spelling', plausiblySame: false })
    expect(compareFirstName('AMELIA', 'AVA')).toMatchObject({ level: 'different', plausiblySame: false })
  })

  it('is exact for the same name and missing when either is blank', () => {
    expect(compareFirstName('AVA', 'AVA').level).toBe('exact')
    expect(compareFirstName('', 'AVA')).toMatchObject({ level: 'missing', plausiblySame: true })
  })
})

describe('surnames', () => {
  it('counts a shared part of a double-barrelled surname, and a misspelling, as close', () => {
    expect(compareSurname('SMITH', 'SMITH-JONES').level).toBe('close')
    expect(compareSurname('JONES SMITH', 'SMITH').level).toBe('close')
    expect(compareSurname('THOMPSON', 'THOMSON')).toEqual({ level: 'close', note: 'surname: similar spelling' })
  })

  it('lets a changed surname be different, not missing', () => {
    expect(compareSurname('SMITH', 'OKAFOR')).toEqual({ level: 'different', note: 'different surname' })
    expect(compareSurname('SMITH', '').level).toBe('missing')
  })
})

describe('dates of birth', () => {
  it('sees a swapped day and month, and a single mistyped digit, as close', () => {
    expect(compareDateOfBirth(20150304, 20150403)).toEqual({ level: 'close', note: 'date of birth: day and month swapped' })
    expect(compareDateOfBirth(20150304, 20150314)).toEqual({ level: 'close', note: 'date of birth: one digit differs' })
    expect(compareDateOfBirth(20150304, 20170304).level).toBe('close')
  })

  it('is exact, different or missing otherwise', () => {
    expect(compareDateOfBirth(20150304, 20150304)).toEqual({ level: 'exact', note: 'same date of birth' })
    expect(compareDateOfBirth(20150304, 20121120).level).toBe('different')
    expect(compareDateOfBirth(0, 20121120).level).toBe('missing')
  })
})

describe('postcodes', () => {
  const postcode = (text: string) => parsePostcode(text)

  it('compares the full postcode, then the sector, then the district', () => {
    expect(comparePostcode(postcode('ls6 2ab'), postcode('LS6 2AB')).level).toBe('exact')
    expect(comparePostcode(postcode('LS6 2AB'), postcode('LS6 2XY'))).toEqual({ level: 'close', note: 'postcode sector matches' })
    expect(comparePostcode(postcode('LS6 2AB'), postcode('LS6 9XY'))).toEqual({ level: 'close', note: 'postcode district matches' })
    expect(comparePostcode(postcode('LS6 2AB'), postcode('LS16 2AB')).level).toBe('different')
  })

  it('treats a malformed postcode as missing', () => {
    expect(postcode('not known')).toBeNull()
    expect(comparePostcode(postcode('not known'), postcode('LS6 2AB')).level).toBe('missing')
  })
})

describe('other fields', () => {
  it('compares sex, school and NHS number', () => {
    expect(compareSex('F', 'F').level).toBe('exact')
    expect(compareSex('F', 'M').level).toBe('different')
    expect(compareSex('', 'M').level).toBe('missing')
    expect(compareSchool('ST MARYS PRIMARY', 'ST MARY PRIMARY').level).toBe('close')
    expect(compareSchool('ST MARYS PRIMARY', 'PARKSIDE ACADEMY').level).toBe('different')
    expect(compareNhsNumber('9434765919', '9434765919').level).toBe('exact')
    expect(compareNhsNumber('9434765919', '4010232137').level).toBe('different')
    expect(compareNhsNumber('', '4010232137').level).toBe('missing')
  })
})
