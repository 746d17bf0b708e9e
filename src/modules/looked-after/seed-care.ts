// A seeded child's periods of care as SSDA903 episodes, from the facts' care episodes: the legal status as it
// would change (police protection or an emergency order giving way to an interim care order within days, an
// interim order to a full care order as proceedings end, a placement order on the adoption path), the placements
// fitted to the child's age and legal status, and for an adopted child the adoption milestones and the placement
// for adoption that comes before the order. Pure and drawn from the child's own stream, so the care leavers part
// reads the same history the looked-after part writes.
import type { Day, Episode, SeedChild } from '../../platform/seed/facts.js'
import { Random, Weighted } from '../../platform/seed/random.js'
import { addYears, fromDayNumber, toDayNumber } from '../../platform/working-days/local-date.js'
import { fittedPlacementType } from '../placements/service.js'

export interface SeededPlacement {
  start: Day
  type: string
  /** More than 20 miles from home (the facts' flag). */
  far: boolean
  /** With the carer of the placement before (a placement for adoption with the current foster carer). */
  sameCarer: boolean
}

export interface SeededEpisode {
  start: Day
  end: Day | null
  reasonNewEpisode: string
  legalStatus: string
  /** Index into the period's placements. */
  placement: number
  reasonCeased: string | null
  reasonPlaceChange: string | null
}

export interface SeededPeriod {
  start: Day
  end: Day | null
  reasonEnded: string | null
  categoryOfNeed: string
  previousPermanence: { code: string; date: Day | null }
  placements: SeededPlacement[]
  episodes: SeededEpisode[]
  /** Adoption milestones in the order they happened; a reversal has its reason (RD1-RD4). */
  adoption: Array<{ milestone: string; day: Day; reason?: string }>
}

export interface SeededCare {
  periods: SeededPeriod[]
  /** An unaccompanied asylum-seeking child, and the day that ended (the 18th birthday) once it has. */
  uasc: { ceasedOn: Day | null } | null
}

const YEAR = 365.25
const moveReasons = new Weighted([['CARPL', 40], ['CREQB', 12], ['CREQO', 10], ['LAREQ', 7], ['CHILD', 6], ['CLOSE', 5], ['STAND', 3], ['ALLEG', 2], ['OTHER', 15]])
const permanence = new Weighted([['Z1', 94], ['P1', 2], ['P2', 3], ['P4', 1]])
/** Ethnicities among which unaccompanied asylum seekers are drawn (most come from Afghanistan, Eritrea, Sudan, Iran, Albania). */
const asylumEthnicities = new Set(['AOTH', 'BAFR', 'OOTH', 'WOTH', 'BOTH'])
const categories903 = new Set(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'])
/** Why plans for adoption are reversed: mostly the child's needs changed or no adopters could be found. */
const reversalReasons = new Weighted([['RD1', 40], ['RD2', 15], ['RD3', 25], ['RD4', 20]])

const cache = new WeakMap<SeedChild, SeededCare>()

/** The child's periods of care as the looked-after service would have written them, oldest first. */
export function seededCare(seed: number, child: SeedChild, asOf: Day): SeededCare {
  let care = cache.get(child)
  if (!care) {
    const random = new Random(`${seed}/looked-after/${child.id}`)
    const periods: SeededPeriod[] = []
    for (const e of child.episodes) {
      const previous = periods[periods.length - 1]
      // A period needs a night in care, and starts after the last one ended (903 rules 355, 431).
      if (!e.care || e.care.placements.length === 0 || (e.care.end !== null && e.care.end <= e.care.start)) continue
      if (previous && (previous.end === null || previous.end >= e.care.start)) continue
      periods.push(periodFrom(random, child, e, asOf))
    }
    care = { periods, uasc: uascOf(random, child, periods, asOf) }
    cache.set(child, care)
  }
  return care
}

type Change = [day: Day, legalStatus: string]

function periodFrom(random: Random, child: SeedChild, e: Episode, asOf: Day): SeededPeriod {
  const c = e.care!
  const ageOn = (day: Day) => (day - child.dateOfBirth) / YEAR
  const stop = Math.min(c.end ?? asOf + 1, asOf + 1)
  let placements: SeededPlacement[] = c.placements.map((p) => ({ start: p.start, type: p.type, far: p.over20Miles, sameCarer: false }))
  const changes = legalStatuses(random, c.legalStatus, c.start, ageOn(c.start))
  const adoption: SeededPeriod['adoption'] = []
  if ((c.reasonEnded === 'E11' || c.reasonEnded === 'E12') && c.end !== null) {
    placements = adoptionPath(random, c.start, c.end, placements, changes, adoption)
  } else if (c.end === null && ageOn(asOf) < 5 && asOf - c.start >= 200 && random.chance(0.3)) {
    plannedAdoption(random, c.start, asOf, changes, adoption)
  }
  const inTime = changes.filter(([day], i) => i === 0 || (day > c.start && day < stop))
  const statusOn = (day: Day) => inTime.filter(([d]) => d <= day).at(-1)![1]
  for (const p of placements) if (!/^A[56]$/.test(p.type)) p.type = fittedPlacementType(p.type, ageOn(p.start), statusOn(p.start))
  const reasonEnded = c.end === null ? null : c.reasonEnded === 'E11' && random.chance(0.1) ? 'E12' : c.reasonEnded
  return {
    start: c.start, end: c.end, reasonEnded, categoryOfNeed: categories903.has(e.primaryNeed) ? e.primaryNeed : 'N1',
    previousPermanence: previousPermanence(random, child.dateOfBirth, c.start),
    placements, episodes: episodesOf(random, c.end, reasonEnded, placements, inTime), adoption,
  }
}

/** The legal status on entry and how it changes while proceedings run their course. */
function legalStatuses(random: Random, entry: string, start: Day, age: number): Change[] {
  // PACE is for 10 and over (903 rule 358); a placement order on entry would need an adoption decision before care began.
  const first = entry === 'J2' && age < 10 ? 'V2' : entry === 'E1' ? 'C2' : entry
  const changes: Change[] = [[start, first]]
  const then = (days: number, status: string) => changes.push([changes[changes.length - 1]![0] + days, status])
  // Police protection lasts 72 hours at most, an emergency protection order 8 days (903 rules 361, 362); PACE a night.
  if (first === 'L1') then(random.between(1, 3), random.chance(0.6) ? 'C1' : 'V2')
  if (first === 'L2') then(random.between(3, 8), 'C1')
  if (first === 'J2') then(1, 'V2')
  if (changes.at(-1)![1] === 'V2' && random.chance(0.12)) then(random.between(60, 240), 'C1')
  if (changes.at(-1)![1] === 'C1') then(random.between(150, 330), 'C2')
  return changes
}

/**
 * Decision, placement order, match, placement for adoption from the foster placement before it (903 rule 336) and
 * the adoption order on the day care ends; the placement order changes the legal status to E1 (rule 408).
 */
function adoptionPath(random: Random, start: Day, end: Day, placements: SeededPlacement[], changes: Change[], adoption: SeededPeriod['adoption']): SeededPlacement[] {
  const length = end - start
  const placed = end - random.between(70, Math.max(70, Math.min(300, Math.floor(length * 0.35))))
  const decision = Math.min(start + random.between(Math.floor(length * 0.15), Math.floor(length * 0.4)), placed - 60)
  const order = Math.min(decision + random.between(20, 90), placed - 1)
  const matched = Math.max(decision, placed - random.between(7, 40))
  setPlacementOrder(changes, order)
  const before = placements.filter((p) => p.start < placed)
  const last = before[before.length - 1]!
  if (!/^U[1-6]$/.test(last.type)) last.type = 'U6'
  const withFosterCarer = random.chance(0.3)
  before.push({ start: placed, type: withFosterCarer ? 'A5' : 'A6', far: withFosterCarer ? last.far : random.chance(0.3), sameCarer: withFosterCarer })
  adoption.push({ milestone: 'decision', day: decision }, { milestone: 'placement_order', day: order }, { milestone: 'matched', day: matched },
    { milestone: 'placed', day: placed }, { milestone: 'adoption_order', day: end })
  return before
}

/**
 * A young child still in care whose plan is adoption: the decision, and the placement order once made. For a few the
 * plan is reversed instead, drawn from a stream of their own so every other record stays as it was.
 */
function plannedAdoption(random: Random, start: Day, asOf: Day, changes: Change[], adoption: SeededPeriod['adoption']): void {
  const decision = start + random.between(60, asOf - start - 30)
  adoption.push({ milestone: 'decision', day: decision })
  const order = decision + random.between(20, 120)
  const reversal = random.derive('reversal', start)
  const reversed = decision + reversal.between(30, 240)
  if (reversal.chance(0.2) && reversed < asOf) {
    adoption.push({ milestone: 'no_longer_placed', day: reversed, reason: reversalReasons.pick(reversal) })
    return
  }
  if (order >= asOf) return
  setPlacementOrder(changes, order)
  adoption.push({ milestone: 'placement_order', day: order })
}

function setPlacementOrder(changes: Change[], day: Day): void {
  while (changes.length > 1 && changes[changes.length - 1]![0] >= day) changes.pop()
  if (changes[changes.length - 1]![1] !== 'E1') changes.push([day, 'E1'])
}

/**
 * One episode per stretch with the same legal status and placement. Each change ends the episode before with X1;
 * the new one says what changed (RNE L, P, T, B or U) and a move gives its reason on the episode it ends.
 */
function episodesOf(random: Random, end: Day | null, reasonEnded: string | null, placements: readonly SeededPlacement[], changes: readonly Change[]): SeededEpisode[] {
  const days = [...new Set([...placements.map((p) => p.start), ...changes.map(([d]) => d)])].sort((a, b) => a - b)
  const episodes: SeededEpisode[] = []
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!
    const placement = placements.findLastIndex((p) => p.start <= day)
    const legalStatus = changes.filter(([d]) => d <= day).at(-1)![1]
    const previous = episodes[episodes.length - 1]
    let reasonNewEpisode = 'S'
    if (previous) {
      const moved = previous.placement !== placement
      const sameCarer = moved && placements[placement]!.sameCarer
      const legal = previous.legalStatus !== legalStatus
      reasonNewEpisode = moved && legal ? (sameCarer ? 'U' : 'B') : moved ? (sameCarer ? 'T' : 'P') : 'L'
      previous.end = day
      previous.reasonCeased = 'X1'
      if (moved) previous.reasonPlaceChange = sameCarer ? 'PLACE' : moveReasons.pick(random)
    }
    episodes.push({ start: day, end: null, reasonNewEpisode, legalStatus, placement, reasonCeased: null, reasonPlaceChange: null })
  }
  const last = episodes[episodes.length - 1]!
  last.end = end
  last.reasonCeased = reasonEnded
  return episodes
}

function previousPermanence(random: Random, dateOfBirth: Day, start: Day): SeededPeriod['previousPermanence'] {
  const code = permanence.pick(random)
  if (code === 'Z1' || start - dateOfBirth < 400) return { code: 'Z1', date: null }
  return { code, date: random.between(dateOfBirth + 180, start - 90) }
}

function uascOf(random: Random, child: SeedChild, periods: readonly SeededPeriod[], asOf: Day): SeededCare['uasc'] {
  const first = periods[0]
  if (!first || !asylumEthnicities.has(child.ethnicity) || (first.start - child.dateOfBirth) / YEAR < 14) return null
  if (first.episodes[0]!.legalStatus !== 'V2' || !random.chance(0.5)) return null
  const eighteenth = toDayNumber(addYears(fromDayNumber(child.dateOfBirth), 18))
  return { ceasedOn: eighteenth <= asOf ? eighteenth : null }
}
