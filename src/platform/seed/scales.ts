// The authorities each --scale generates, and their local rates. England's authorities vary around the
// national rates (as real ones do, from about half to about twice); the variation is normalised so the
// 152 together give England's referrals and children looked after. Kent, Birmingham, Lancashire and Leeds
// use their published 2025 figures.
import { authorityByCode, englishAuthorities, type AuthorityRecord } from './authorities.js'
import { demoLaCode } from './demo-authority.js'
import type { AuthorityPlan } from './plan.js'
import { Random } from './random.js'
import { per10k } from './rates.js'

export const scales = ['demo', 'la', 'large-la', 'england'] as const
export type Scale = (typeof scales)[number]

/** Children the demo authority's casework stands for: a few hundred children with records. */
export const demoPopulation = 4_000
/** An average-sized authority for --scale la. */
export const averageAuthorityCode = '877'
export const largeAuthorityCode = '886'

function localVariation(authority: AuthorityRecord): { referral: number; care: number } {
  if (authority.published) {
    const s = authority.population / 10_000
    return { referral: authority.published.referrals / (per10k.referrals * s), care: authority.published.childrenLookedAfter / (per10k.lookedAfterAt31March * s) }
  }
  const random = new Random(`local-variation/${authority.code}`)
  const shared = random.normal(0, 0.25)
  return { referral: Math.exp(shared + random.normal(0, 0.12)), care: Math.exp(shared + random.normal(0, 0.15)) }
}

/** England's authorities with their rates, normalised so the national totals hold. */
export function englandPlans(): AuthorityPlan[] {
  const raw = englishAuthorities.map((authority) => ({ authority, ...localVariation(authority) }))
  const normalise = (key: 'referral' | 'care') => {
    const fixed = raw.filter((r) => r.authority.published).reduce((sum, r) => sum + r[key] * r.authority.population, 0)
    const free = raw.filter((r) => !r.authority.published)
    const wanted = englishAuthorities.reduce((sum, a) => sum + a.population, 0) - fixed
    return wanted / free.reduce((sum, r) => sum + r[key] * r.authority.population, 0)
  }
  const referralScale = normalise('referral')
  const careScale = normalise('care')
  return raw.map((r) => ({
    authority: r.authority,
    population: r.authority.population,
    referralRate: r.authority.published ? r.referral : r.referral * referralScale,
    careRate: r.authority.published ? r.care : r.care * careScale,
  }))
}

export function plansFor(scale: Scale, laCode?: string): AuthorityPlan[] {
  if (laCode) {
    const plan = englandPlans().find((p) => p.authority.code === laCode)
    if (!plan) throw new RangeError(`${laCode} is not an English authority's DfE code`)
    return [plan]
  }
  switch (scale) {
    case 'demo':
      return [{ authority: authorityByCode(demoLaCode)!, population: demoPopulation, referralRate: 1, careRate: 1 }]
    case 'la': {
      const authority = authorityByCode(averageAuthorityCode)!
      return [{ authority, population: authority.population, referralRate: 1, careRate: 1 }]
    }
    case 'large-la':
      return englandPlans().filter((p) => p.authority.code === largeAuthorityCode)
    case 'england':
      return englandPlans()
  }
}
