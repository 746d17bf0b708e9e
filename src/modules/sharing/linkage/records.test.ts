import { describe, expect, it } from 'vitest'
import { FEMALE, MALE, SEX_UNKNOWN, Vocabulary, buildRecordSet } from './records.js'

describe('buildRecordSet', () => {
  it('normalises and interns values, counting the ones it cannot use', () => {
    const vocabulary = new Vocabulary()
    const set = buildRecordSet(vocabulary, [
      { id: '1', firstName: 'Zoë', lastName: 'Smith', dateOfBirth: '04/03/2015', sex: 'Female', postcode: 'ls62ab', nhsNumber: '943 476 5919' },
      { id: '2', firstName: 'ZOE', lastName: '', dateOfBirth: '31/02/2015', sex: '1', postcode: 'nowhere', nhsNumber: '9434765918' },
      { id: '3', sex: 'U' },
    ], 10)
    expect(set.size).toBe(3)
    expect(set.firstName).toHaveLength(3)
    expect(set.firstName[0]).toBe(set.firstName[1])
    expect(vocabulary.names.strings[set.firstName[0]!]).toBe('ZOE')
    expect(Array.from(set.lastName)).toEqual([vocabulary.names.strings.indexOf('SMITH'), -1, -1])
    expect(Array.from(set.dob)).toEqual([20150304, 0, 0])
    expect(Array.from(set.sex)).toEqual([FEMALE, MALE, SEX_UNKNOWN])
    expect(vocabulary.postcodes.strings[set.postcode[0]!]).toBe('LS6 2AB')
    expect(set.postcode[1]).toBe(-1)
    expect(Array.from(set.nhs)).toEqual([9434765919, 0, 0])
    expect(set.unusable).toEqual({ dateOfBirth: 1, nhsNumber: 1 })
  })
})
