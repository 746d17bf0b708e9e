import { describe, expect, it } from 'vitest'
import { jaroWinkler, normaliseName, oneSlipApart, soundex } from './names.js'
import { areNicknames, formalName } from './nicknames.js'

describe('jaroWinkler', () => {
  it('matches the published examples', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3)
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2)
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3)
  })

  it('is 1 for the same name and 0 with nothing in common', () => {
    expect(jaroWinkler('OLIVIA', 'OLIVIA')).toBe(1)
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0)
    expect(jaroWinkler('', 'ABC')).toBe(0)
  })
})

describe('oneSlipApart', () => {
  it('spots one changed, added, dropped or swapped letter', () => {
    expect(oneSlipApart('JAYDEN', 'JAIDEN')).toBe(true)
    expect(oneSlipApart('JAYDEN', 'JAYDN')).toBe(true)
    expect(oneSlipApart('ELA', 'ELLA')).toBe(true)
    expect(oneSlipApart('OLIVIA', 'OLIVAI')).toBe(true)
  })

  it('rejects two slips and the same name', () => {
    expect(oneSlipApart('ELLA', 'ELLIE')).toBe(false)
    expect(oneSlipApart('AMELIA', 'AMALEA')).toBe(false)
    expect(oneSlipApart('AVA', 'AVA')).toBe(false)
  })
})

describe('soundex', () => {
  const code = (text: string): number => [...text.slice(1)].reduce((value, digit) => value * 7 + Number(digit), text.charCodeAt(0) - 64)

  it('gives the standard American Soundex codes', () => {
    expect(soundex('ROBERT')).toBe(code('R163'))
    expect(soundex('RUPERT')).toBe(code('R163'))
    expect(soundex('ASHCRAFT')).toBe(code('A261'))
    expect(soundex('TYMCZAK')).toBe(code('T522'))
    expect(soundex('PFISTER')).toBe(code('P236'))
    expect(soundex('LEE')).toBe(code('L000'))
    expect(soundex('')).toBe(0)
  })
})

describe('names', () => {
  it('normalises case, accents, punctuation and spacing', () => {
    expect(normaliseName('  zoë  o\'brien ')).toBe('ZOE OBRIEN')
    expect(normaliseName('Smith - Jones')).toBe('SMITH-JONES')
  })

  it('knows common English diminutives', () => {
    expect(areNicknames('BILL', 'WILLIAM')).toBe(true)
    expect(areNicknames('LIZ', 'ELIZABETH')).toBe(true)
    expect(areNicknames('JACK', 'JOHN')).toBe(true)
    expect(areNicknames('PEGGY', 'MARGARET')).toBe(true)
    expect(areNicknames('SAM', 'SAMANTHA')).toBe(true)
    expect(areNicknames('BILL', 'BOB')).toBe(false)
    expect(formalName('BILLY')).toBe('WILLIAM')
    expect(formalName('ZEBEDEE')).toBe('ZEBEDEE')
  })
})
