// What happens to a family's children, as dated facts: referrals, assessments, section 47 enquiries,
// conferences, protection plans, care episodes and placements, and leaving care. The probabilities and
// durations come from rates.ts; each kind of family starts from a different point (referred during the
// reporting year, or already open on its first day), so the year's flows and the 31 March stocks both
// come out near the national rates per 10,000 children.
import type { CareEpisode, Day, Episode, FamilyKind, Placement, SeedPeriod } from './facts.js'
import { fromQuantiles, Weighted, type Random } from './random.js'
import { isoWeekday } from '../working-days/local-date.js'
import {
  assessmentWorkingDays, conferenceWorkingDays, inNeedMeanDays, legalStatusShares, longCareMeanDays, pathway, placementTypeShares,
  planCategoryShares, planDays, primaryNeedShares, protectionPlanMeanDays, referralSourceShares, shortCareShare,
} from './rates.js'

const YEAR = 365
/** Working days to calendar days, near enough for synthetic dates. */
const calendarDays = (workingDays: number) => Math.round(workingDays * 7 / 5)
/** The day itself, or the Monday after a weekend: conferences are held on working days (CIN census rule 8875). */
const onWeekday = (day: Day) => day + (isoWeekday(day) > 5 ? 8 - isoWeekday(day) : 0)

const sources = new Weighted(referralSourceShares)
const needs = new Weighted(primaryNeedShares)
const categories = new Weighted(planCategoryShares)
const legalStatuses = new Weighted(legalStatusShares)
const placementTypes = new Weighted(placementTypeShares)

/** Chance of another referral after an episode closes within the year, tuned to 1.134 referrals per child. */
const anotherReferral = 0.32
/** Chance a child's first referral in the year follows one within 12 months before it, tuned to 22.6% overall. */
const recentPrior = 0.12

interface PathwayOptions {
  /** Earlier history: closed before `closeBy`, never in care. */
  closeBy?: Day
  plan?: boolean
}

function placementsFrom(random: Random, start: Day, end: Day | null, asOf: Day): Placement[] {
  const placements: Placement[] = []
  const until = Math.min(end ?? asOf, asOf)
  let from = start
  for (;;) {
    const move = from + 1 + Math.round(random.exponential(YEAR / pathway.placementMovesPerYear))
    const last = move >= until
    placements.push({ start: from, end: last ? end : move, type: placementTypes.pick(random), over20Miles: random.chance(pathway.placementOver20Miles) })
    if (last) return placements
    from = move
  }
}

function careFrom(random: Random, start: Day, asOf: Day, legacy = false): CareEpisode {
  const days = !legacy && random.chance(shortCareShare) ? random.between(7, 180) : Math.round(random.exponential(longCareMeanDays))
  const end = start + days
  return { start, end, legalStatus: legalStatuses.pick(random), reasonEnded: null, placements: placementsFrom(random, start, end, asOf) }
}

function planFrom(random: Random, start: Day): { start: Day; end: Day; category: string } {
  return { start, end: start + Math.round(fromQuantiles(random, planDays)), category: categories.pick(random) }
}

/** One referral and what followed it, before the reporting date and the children's ages are applied. */
export function referralEpisode(random: Random, referral: Day, asOf: Day, options: PathwayOptions = {}): Episode {
  const episode: Episode = {
    referral, reReferral: false, source: sources.pick(random), primaryNeed: needs.pick(random), outcome: 'no_further_action',
    assessment: null, section47: null, plan: null, care: null, end: referral + random.between(0, 2),
  }
  if (!options.plan && random.chance(pathway.noFurtherAction)) return closeBy(episode, options.closeBy)
  const start = referral + random.between(0, 3)
  const assessmentEnd = start + calendarDays(fromQuantiles(random, assessmentWorkingDays))
  episode.assessment = { start, end: assessmentEnd }
  if (options.plan || random.chance(pathway.section47GivenAssessed)) {
    const s47 = referral + random.between(0, 7)
    const conference = options.plan || random.chance(pathway.conferenceGivenSection47)
      ? onWeekday(s47 + calendarDays(fromQuantiles(random, conferenceWorkingDays))) : null
    episode.section47 = { start: s47, conference }
    if (conference !== null && (options.plan || random.chance(pathway.planGivenConference))) episode.plan = planFrom(random, conference)
  } else if (random.chance(pathway.notInNeedWithoutSection47)) {
    episode.outcome = 'not_in_need'
    episode.end = assessmentEnd
    return closeBy(episode, options.closeBy)
  }
  episode.outcome = 'in_need'
  const plan = episode.plan
  if (options.closeBy === undefined) {
    if (plan && random.chance(pathway.careGivenPlan)) {
      episode.care = careFrom(random, plan.start + random.between(30, 300), asOf)
      plan.end = Math.min(plan.end!, episode.care.start)
    } else if (!plan && random.chance(pathway.careGivenInNeed)) {
      episode.care = careFrom(random, start + random.between(0, 60), asOf)
    }
  }
  if (episode.care) episode.end = episode.care.end
  else if (plan) episode.end = plan.end! + Math.round(random.exponential(90))
  else episode.end = Math.max(lastWorkDay(episode), referral + Math.round(random.exponential(inNeedMeanDays)))
  return closeBy(episode, options.closeBy)
}

/** The day the episode's assessment and enquiry were done: a case closes after them (CIN census rule 8565). */
function lastWorkDay(e: Episode): Day {
  return Math.max(e.assessment?.end ?? e.referral, e.section47?.conference ?? e.section47?.start ?? e.referral)
}

/** Earlier history must be over before what comes next. */
function closeBy(episode: Episode, limit: Day | undefined): Episode {
  if (limit === undefined || episode.end === null || episode.end < limit) return episode
  return closeOn(episode, Math.max(episode.referral, limit - 1))
}

/** Closes the episode on `end`, with the work done within it: nothing is recorded after a case closes (CIN rule 8565). */
function closeOn(episode: Episode, end: Day): Episode {
  episode.end = end
  if (episode.assessment && episode.assessment.end! > end) episode.assessment = { start: Math.min(episode.assessment.start, end), end }
  if (episode.section47?.conference && episode.section47.conference > end) episode.section47.conference = null
  if (episode.plan) {
    if (episode.section47?.conference === null || episode.plan.start > end) episode.plan = null
    else if (episode.plan.end! > end) episode.plan.end = end
  }
  return episode
}

/** An earlier episode between `from` and `to` (inclusive), or none when the window is empty. */
function earlier(random: Random, from: Day, to: Day, asOf: Day, closeBefore: Day, plan = false): Episode | null {
  if (to < from) return null
  return referralEpisode(random, random.between(from, to), asOf, { closeBy: closeBefore, plan })
}

export interface FamilyHistory {
  /** The day the children's ages are measured at when the family is made. */
  anchor: Day
  episodes: Episode[]
}

/**
 * The family's shared history. `bornBy` is the youngest child's date of birth: nothing is dated before it.
 * Returned oldest first; children's ages, the reporting date and 18th birthdays are applied per child later.
 */
export function familyHistory(random: Random, kind: FamilyKind, period: SeedPeriod, anchor: Day, bornBy: Day): Episode[] {
  const { asOf, yearStart } = period
  const episodes: Episode[] = []
  const earliest = bornBy + 1
  const addHistory = (first: Day, wantPlan: boolean) => {
    let prior: Episode | null = null
    if (kind === 'referred' && random.chance(recentPrior)) {
      prior = earlier(random, Math.max(first - YEAR, earliest), Math.min(first - 30, yearStart - 1), asOf, first, wantPlan)
    }
    if (!prior && (wantPlan || random.chance(pathway.previouslyKnown))) {
      prior = earlier(random, Math.max(first - 6 * YEAR, earliest), Math.min(first - YEAR - 35, yearStart - 1), asOf, first - YEAR, wantPlan)
    }
    if (prior) episodes.unshift(prior)
  }
  switch (kind) {
    case 'referred': {
      let referral = anchor
      for (;;) {
        const episode = referralEpisode(random, referral, asOf)
        episodes.push(episode)
        if (episode.end === null || !random.chance(anotherReferral)) break
        referral = episode.end + random.between(7, 120)
        if (referral > asOf) break
      }
      addHistory(anchor, episodes.some((e) => e.plan) && random.chance(pathway.repeatPlan))
      break
    }
    case 'open_in_need': {
      const episode = referralEpisode(random, anchor, asOf)
      episode.outcome = 'in_need'
      episode.assessment ??= { start: anchor + 1, end: anchor + 1 + calendarDays(fromQuantiles(random, assessmentWorkingDays)) }
      episode.plan = null
      episode.care = null
      episode.end = Math.max(lastWorkDay(episode), yearStart + Math.round(random.exponential(inNeedMeanDays)))
      episodes.push(episode)
      addHistory(anchor, false)
      break
    }
    case 'open_protection': {
      const episode = referralEpisode(random, anchor, asOf, { plan: true })
      const plan = episode.plan!
      plan.end = yearStart + Math.round(random.exponential(protectionPlanMeanDays))
      episode.care = random.chance(0.1) ? careFrom(random, yearStart + random.below(YEAR), asOf) : null
      if (episode.care) plan.end = Math.min(plan.end, episode.care.start)
      episode.end = episode.care ? episode.care.end : Math.max(lastWorkDay(episode), plan.end + Math.round(random.exponential(90)))
      episodes.push(episode)
      addHistory(anchor, random.chance(pathway.repeatPlan))
      break
    }
    case 'open_in_care':
    case 'care_leaver': {
      // Anchor is the day care started.
      const referral = Math.max(earliest, anchor - random.between(0, 60))
      const withPlan = random.chance(0.4) && anchor - referral > 60
      const episode = referralEpisode(random, referral, asOf, { plan: withPlan, closeBy: anchor + 1 })
      episode.outcome = 'in_need'
      episode.care = careFrom(random, anchor, asOf, true)
      if (kind === 'open_in_care') episode.care.end = yearStart + Math.round(random.exponential(longCareMeanDays))
      else episode.care.end = null
      episode.care.placements = placementsFrom(random, anchor, episode.care.end, asOf)
      if (episode.plan) episode.plan.end = Math.min(episode.plan.end ?? anchor, anchor)
      episode.end = episode.care.end
      episodes.push(episode)
      addHistory(referral, false)
      break
    }
  }
  return episodes
}

// SSDA903 reasons a period of care ended, by age on leaving. Each is one draw, whichever table is used, so the
// draws after it stay the same. Adoption (9% of those leaving care) is of young children after 10 months in care
// at least; Staying Put (E17) needs a foster placement.
const reasonsEnded = {
  young: new Weighted([['E11', 55], ['E45', 20], ['E4A', 25]]),
  youngSoon: new Weighted([['E4A', 70], ['E45', 15], ['E41', 15]]),
  middle: new Weighted([['E4A', 60], ['E45', 15], ['E41', 10], ['E8', 15]]),
  older: new Weighted([['E5', 30], ['E4A', 45], ['E13', 15], ['E8', 10]]),
  eighteenFostered: new Weighted([['E17', 30], ['E5', 40], ['E8', 15], ['E13', 8], ['E6', 5], ['E7', 2]]),
  eighteen: new Weighted([['E5', 55], ['E8', 22], ['E13', 12], ['E6', 8], ['E7', 3]]),
}
const fostered = (type: string | undefined) => type !== undefined && /^U[1-6]$/.test(type)

function reasonEnded(random: Random, care: CareEpisode, dateOfBirth: Day, atEighteen: boolean): string {
  const lastType = care.placements[care.placements.length - 1]?.type
  if (atEighteen) return reasonsEnded[fostered(lastType) ? 'eighteenFostered' : 'eighteen'].pick(random)
  const age = (care.end! - dateOfBirth) / 365.25
  const table = age < 8 && care.end! - care.start >= 300 ? 'young' : age < 5 ? 'youngSoon' : age < 16 ? 'middle' : 'older'
  const reason = reasonsEnded[table].pick(random)
  // A special guardianship order is made to the carers the child lived with, or to other relatives.
  if (reason !== 'E45') return reason
  return /^U[1-3]$/.test(lastType ?? '') ? 'E45' : fostered(lastType) ? 'E46' : 'E47'
}

function copyEpisode(e: Episode): Episode {
  return {
    ...e,
    assessment: e.assessment && { ...e.assessment },
    section47: e.section47 && { ...e.section47 },
    plan: e.plan && { ...e.plan },
    care: e.care && { ...e.care, placements: e.care.placements.map((p) => ({ ...p })) },
  }
}

const after = (day: Day | null, limit: Day) => day !== null && day > limit

/**
 * One child's copy of the family history: nothing before birth, childhood casework ending at 18 (care
 * leaving then), nothing after the reporting date, and re-referrals marked.
 */
export function childHistory(random: Random, shared: readonly Episode[], dateOfBirth: Day, eighteenth: Day, asOf: Day): Episode[] {
  const episodes = shared.filter((e) => e.referral > dateOfBirth && e.referral < eighteenth).map(copyEpisode)
  for (const e of episodes) {
    if (e.care) {
      const atEighteen = e.care.end === null || e.care.end >= eighteenth
      if (atEighteen) e.care.end = eighteenth
      // A short stay in care can end before the assessment does: the case stays open until it is done.
      e.end = Math.max(e.care.end!, lastWorkDay(e))
      e.care.placements = e.care.placements.filter((p) => p.start < e.care!.end!)
      const last = e.care.placements[e.care.placements.length - 1]
      if (last) last.end = e.care.end
      e.care.reasonEnded = reasonEnded(random, e.care, dateOfBirth, atEighteen)
    }
    if (e.plan && (e.plan.end === null || e.plan.end > eighteenth)) e.plan.end = eighteenth
    if (e.end === null || e.end >= eighteenth) closeOn(e, eighteenth)
  }
  // Keeping a case open until its work is done must not run it into the next referral: a child has one
  // open episode at a time.
  for (let i = 0; i + 1 < episodes.length; i++) {
    const e = episodes[i]!
    const bound = episodes[i + 1]!.referral - 1
    const careEnded = !e.care || (e.care.end !== null && e.care.end <= bound)
    if ((e.end === null || e.end > bound) && careEnded) closeOn(e, Math.max(bound, e.referral))
  }
  for (const e of episodes) clipTo(e, asOf)
  for (let i = 0; i < episodes.length; i++) {
    const previous = episodes[i - 1]
    episodes[i]!.reReferral = previous !== undefined && episodes[i]!.referral - previous.referral <= YEAR
  }
  return episodes
}

/** Removes what had not happened by `last`, and leaves open what had not ended. */
function clipTo(e: Episode, last: Day): void {
  if (after(e.end, last)) e.end = null
  if (e.assessment && after(e.assessment.end, last)) e.assessment.end = null
  if (e.section47) {
    if (e.section47.start > last) e.section47 = null
    else if (after(e.section47.conference, last)) e.section47.conference = null
  }
  if (e.plan) {
    if (e.plan.start > last) e.plan = null
    else if (after(e.plan.end, last)) e.plan.end = null
  }
  if (e.care) {
    if (e.care.start > last) e.care = null
    else {
      if (after(e.care.end, last)) { e.care.end = null; e.care.reasonEnded = null }
      e.care.placements = e.care.placements.filter((p) => p.start <= last)
      for (const p of e.care.placements) if (after(p.end, last)) p.end = null
    }
  }
}
