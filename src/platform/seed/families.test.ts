// The generated facts against the national figures they are sized from (rates.ts), and the identifiers
// every record carries. No database: these are the facts before any part writes them.
import { describe, expect, it } from 'vitest'
import { isTestRangeNhsNumber, isValidNhsNumber } from '../identifiers/nhs-number.js'
import { isValidPostcode } from '../identifiers/postcode.js'
import { isValidUpn } from '../identifiers/upn.js'
import { toDayNumber } from '../working-days/local-date.js'
import { authorityByCode } from './authorities.js'
import type { SeedFamily, SeedPeriod } from './facts.js'
import { FamilyFactory } from './families.js'
import { IdMaker } from './identifiers.js'
import { measure, per10kOf } from './measures.js'
import { Places } from './places.js'
import type { AuthorityPlan } from './plan.js'
import { pathway, per10k } from './rates.js'
import { englandPlans } from './scales.js'

const asOf = toDayNumber('2025-03-31')
const period: SeedPeriod = { asOf, yearStart: asOf - 364 }
const plan: AuthorityPlan = { authority: authorityByCode('886')!, population: 40_000, referralRate: 1, careRate: 1 }

function generate(seed: number, p: AuthorityPlan = plan): SeedFamily[] {
  const factory = new FamilyFactory({ seed, plan: p, period, ids: new IdMaker(seed, p.authority.code), places: new Places(p.authority, `${seed}`, p.population) })
  return Array.from({ length: factory.total }, (_, i) => factory.family(i))
}

const families = generate(7)
const children = families.flatMap((f) => f.children)

describe('an authority of 40,000 children at national rates', () => {
  const rates = per10kOf(measure(families, period), plan.population)
  const m = measure(families, period)

  it.each([
    ['referrals in the year', rates.referrals, per10k.referrals, 0.1],
    ['children in need on 31 March', rates.childrenInNeed, per10k.childrenInNeedAt31March, 0.15],
    ['section 47 enquiries', rates.section47s, per10k.section47s, 0.15],
    ['protection plans starting', rates.planStarts, per10k.protectionPlanStarts, 0.2],
    ['protection plans on 31 March', rates.plansOpen, per10k.protectionPlansAt31March, 0.2],
    ['children looked after on 31 March', rates.lookedAfter, per10k.lookedAfterAt31March, 0.2],
    ['children starting to be looked after', rates.lookedAfterStarts, per10k.lookedAfterStarts, 0.25],
    ['care leavers aged 18 to 21', rates.careLeavers18to21, per10k.careLeavers18to21, 0.25],
  ])('has about the national rate of %s per 10,000', (_, actual, expected, tolerance) => {
    expect(actual).toBeGreaterThan(expected * (1 - tolerance))
    expect(actual).toBeLessThan(expected * (1 + tolerance))
  })

  it('re-refers about 22.6% of referrals within 12 months, and 24.5% of plans are repeats', () => {
    expect(m.reReferrals / m.referrals).toBeCloseTo(pathway.reReferral, 1)
    expect(Math.abs(m.reReferrals / m.referrals - pathway.reReferral)).toBeLessThan(0.03)
    expect(Math.abs(m.repeatPlanStarts / m.planStarts - pathway.repeatPlan)).toBeLessThan(0.07)
  })

  it('knows about 8 to 9 in every 100 children, as England has about 1M children with a record', () => {
    expect(rates.children).toBeGreaterThan(700)
    expect(rates.children).toBeLessThan(1000)
  })
})

describe('identifiers', () => {
  it('gives children valid NHS numbers from the 999 test range, never the same twice, and leaves a few without', () => {
    const numbers = families.flatMap((f) => [...f.children, ...f.adults]).map((p) => p.nhsNumber).filter((n): n is string => n !== null)
    expect(numbers.every((n) => isValidNhsNumber(n) && isTestRangeNhsNumber(n))).toBe(true)
    expect(new Set(numbers).size).toBe(numbers.length)
    const without = children.filter((c) => c.nhsNumber === null).length / children.length
    expect(without).toBeGreaterThan(0.01)
    expect(without).toBeLessThan(0.06)
  })

  it('gives school-age children valid UPNs with the authority code, and under-fives the reason they have none', () => {
    for (const child of children) {
      const age = (asOf - child.dateOfBirth) / 365.25
      if (child.upn) {
        expect(isValidUpn(child.upn)).toBe(true)
        expect(child.upn.slice(1, 4)).toBe('886')
      } else {
        expect(child.upnUnknownReason).toMatch(/^UN[1-7]$/)
      }
      if (age < 5) expect(child.upnUnknownReason).toBe('UN1')
    }
    const upns = children.map((c) => c.upn).filter(Boolean)
    expect(new Set(upns).size).toBe(upns.length)
  })

  it('gives every address a valid postcode in one of the authority’s districts', () => {
    const districts = new Set(plan.authority.postcodeDistricts)
    for (const address of families.flatMap((f) => [...f.children, ...f.adults]).flatMap((p) => p.addresses)) {
      expect(isValidPostcode(address.postcode)).toBe(true)
      expect(districts.has(address.postcode.split(' ')[0]!)).toBe(true)
    }
  })

  it('keeps every date of a child’s casework between birth and the reporting date', () => {
    for (const child of children) {
      for (const e of child.episodes) {
        expect(e.referral).toBeGreaterThan(child.dateOfBirth)
        expect(e.referral).toBeLessThanOrEqual(asOf)
        if (e.end !== null) expect(e.end).toBeGreaterThanOrEqual(e.referral)
        if (e.end !== null) expect(e.end).toBeLessThanOrEqual(asOf)
      }
    }
  })
})

describe('one case at a time', () => {
  it('never leaves a child with two open episodes, nor one running into the next referral (Hull at England scale found one)', () => {
    const hull = englandPlans().find((p) => p.authority.code === '810')!
    for (const child of [...children, ...generate(1, hull).flatMap((f) => f.children)]) {
      expect(child.episodes.filter((e) => e.end === null).length, child.id).toBeLessThanOrEqual(1)
      child.episodes.slice(1).forEach((e, i) => {
        const previousEnd = child.episodes[i]!.end
        expect(previousEnd !== null && previousEnd < e.referral, child.id).toBe(true)
      })
    }
  })
})

describe('determinism', () => {
  it('makes the same families from the same seed, and different ones from another', () => {
    expect(JSON.stringify(generate(7).slice(0, 200))).toBe(JSON.stringify(families.slice(0, 200)))
    expect(JSON.stringify(generate(8).slice(0, 50))).not.toBe(JSON.stringify(families.slice(0, 50)))
  })
})

describe('England', () => {
  it('has 152 authorities whose rates sum to England’s referrals and children looked after', () => {
    const plans = englandPlans()
    expect(plans).toHaveLength(152)
    const referrals = plans.reduce((sum, p) => sum + (p.population / 10_000) * per10k.referrals * p.referralRate, 0)
    const lookedAfter = plans.reduce((sum, p) => sum + (p.population / 10_000) * per10k.lookedAfterAt31March * p.careRate, 0)
    expect(Math.round(referrals / 1000)).toBe(Math.round((12_183_016 / 10_000) * per10k.referrals / 1000))
    expect(Math.round(lookedAfter / 1000)).toBe(82)
    const kent = plans.find((p) => p.authority.code === '886')!
    expect(Math.round((kent.population / 10_000) * per10k.referrals * kent.referralRate)).toBe(24_035)
  })
})
