import { describe, expect, it } from 'vitest'
import { estimateParameters } from './estimate.js'
import { FIELDS, MISSING, defaultParameters, type Field } from './model.js'
import { Random } from './prng.js'

describe('estimateParameters', () => {
  it('recovers m and the match rate from pairs drawn from a known model', () => {
    const truth: Partial<Record<Field, { m: number[]; u: number[] }>> = {
      firstName: { m: [0.9, 0.08, 0.02], u: [0.2, 0.1, 0.7] },
      lastName: { m: [0.85, 0.05, 0.1], u: [0.7, 0.05, 0.25] },
      dateOfBirth: { m: [0.95, 0.04, 0.01], u: [0.1, 0.05, 0.85] },
      postcode: { m: [0.8, 0.1, 0.1], u: [0.5, 0.1, 0.4] },
    }
    const random = new Random(3)
    const pairs = 40_000
    const levels = new Uint8Array(pairs * FIELDS.length).fill(MISSING)
    for (let p = 0; p < pairs; p++) {
      const match = random.chance(0.3)
      FIELDS.forEach((field, f) => {
        const probabilities = truth[field]?.[match ? 'm' : 'u']
        if (!probabilities) return
        const roll = random.next()
        levels[p * FIELDS.length + f] = roll < probabilities[0]! ? 0 : roll < probabilities[0]! + probabilities[1]! ? 1 : 2
      })
    }
    const { parameters } = estimateParameters({ levels, pairs }, defaultParameters(1000, 1000))
    expect(parameters.prior).toBeCloseTo(0.3, 1)
    for (const [field, { m }] of Object.entries(truth) as [Field, { m: number[] }][]) {
      parameters.fields[field].m.forEach((value, level) => expect(value).toBeCloseTo(m[level]!, 1))
    }
  })
})
