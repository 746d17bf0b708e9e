// How many families of each kind an authority gets, from its population and the national rates per 10,000.
import type { AuthorityRecord } from './authorities.js'
import type { FamilyKind } from './facts.js'
import { pathway, per10k } from './rates.js'

export interface AuthorityPlan {
  authority: AuthorityRecord
  /** Children aged 0-17 the generated casework stands for (the demo authority uses a small sample). */
  population: number
  /** Local variation: 1 is the national rate of referrals (and in-need and protection work) per 10,000. */
  referralRate: number
  /** Local variation in children looked after and care leavers. */
  careRate: number
}

/** Mean children per family in each kind (see families.ts for the sizes). */
export const childrenPerFamily: Record<FamilyKind, number> = {
  referred: 1.69, open_in_need: 1.69, open_protection: 1.69, open_in_care: 1.45, care_leaver: 1,
}

/** Families of each kind, in the order they are generated. */
export function familyCounts(plan: AuthorityPlan): Array<[FamilyKind, number]> {
  const s = plan.population / 10_000
  const children: Record<FamilyKind, number> = {
    referred: (per10k.referrals * plan.referralRate * s) / pathway.referralsPerChild,
    // Tuned down a little: some children referred in the year are still in need on 31 March too.
    open_in_need: 0.8 * (per10k.childrenInNeedAt31March - per10k.protectionPlansAt31March - per10k.lookedAfterAt31March) * plan.referralRate * s,
    open_protection: per10k.protectionPlansAt31March * plan.referralRate * s,
    open_in_care: per10k.lookedAfterAt31March * plan.careRate * s,
    // Three of the four years of leavers: the fourth comes from children in care turning 18 during the year.
    care_leaver: 0.75 * per10k.careLeavers18to21 * plan.careRate * s,
  }
  return (Object.keys(children) as FamilyKind[]).map((kind) => [kind, Math.round(children[kind] / childrenPerFamily[kind])])
}

export function familyTotal(plan: AuthorityPlan): number {
  return familyCounts(plan).reduce((sum, [, n]) => sum + n, 0)
}

/** Children the plan's families are expected to hold. */
export function expectedChildren(plan: AuthorityPlan): number {
  return familyCounts(plan).reduce((sum, [kind, n]) => sum + n * childrenPerFamily[kind], 0)
}
