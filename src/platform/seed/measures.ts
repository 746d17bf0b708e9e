// The national measures, counted from generated facts: what the tests check the generator against and
// what `kindred seed` reports. Counted the way the DfE publications count them.
import type { Episode, SeedFamily, SeedPeriod } from './facts.js'

export interface Measures {
  children: number
  referrals: number
  reReferrals: number
  childrenInNeed: number
  section47s: number
  planStarts: number
  repeatPlanStarts: number
  plansOpen: number
  lookedAfter: number
  lookedAfterStarts: number
  careLeavers18to21: number
  placementsStarted: number
}

const open = (start: number | null | undefined, end: number | null, day: number) => start != null && start <= day && (end === null || end > day)

export function measure(families: Iterable<SeedFamily>, { asOf, yearStart }: SeedPeriod): Measures {
  const m: Measures = {
    children: 0, referrals: 0, reReferrals: 0, childrenInNeed: 0, section47s: 0, planStarts: 0, repeatPlanStarts: 0, plansOpen: 0,
    lookedAfter: 0, lookedAfterStarts: 0, careLeavers18to21: 0, placementsStarted: 0,
  }
  const inYear = (day: number | null | undefined) => day != null && day >= yearStart && day <= asOf
  for (const family of families) {
    for (const child of family.children) {
      m.children++
      const plans: Episode[] = []
      for (const e of child.episodes) {
        if (inYear(e.referral)) { m.referrals++; if (e.reReferral) m.reReferrals++ }
        if (inYear(e.section47?.start)) m.section47s++
        if (e.plan && inYear(e.plan.start)) { m.planStarts++; if (plans.length > 0) m.repeatPlanStarts++ }
        if (e.plan) plans.push(e)
        if (e.plan && open(e.plan.start, e.plan.end, asOf)) m.plansOpen++
        if (e.care && open(e.care.start, e.care.end, asOf)) m.lookedAfter++
        if (e.care && inYear(e.care.start)) m.lookedAfterStarts++
        for (const p of e.care?.placements ?? []) if (inYear(p.start)) m.placementsStarted++
      }
      if (child.episodes.some((e) => e.outcome !== 'no_further_action' && open(e.referral, e.end, asOf))) m.childrenInNeed++
      if (child.careLeaving && child.careLeaving.since <= asOf && asOf - child.careLeaving.since < 4 * 365.25) m.careLeavers18to21++
    }
  }
  return m
}

/** Measures per 10,000 children aged 0-17. */
export function per10kOf(m: Measures, population: number): Record<keyof Measures, number> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round((v / population) * 100_000) / 10])) as Record<keyof Measures, number>
}
