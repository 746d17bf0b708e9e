// How each of a child's CIN episodes closed (the DfE reason for closure) and whether Family Help followed it
// (a step-down). Both the front door part (which closes the referral) and the family help part (which opens
// the help) need the same answer, so it is a pure function of the seed and the child, drawn from a stream of
// its own: the other facts' random draws stay as they were.
import type { Day, Episode, SeedChild } from './facts.js'
import { Random } from './random.js'
import { addYears, fromDayNumber, toDayNumber } from '../working-days/local-date.js'

export interface EpisodeEnding {
  /** RC1-RC9; null while the episode is open. */
  reasonForClosure: string | null
  /** Family Help that started the day the episode closed; `end` null while it continues. */
  familyHelp: { start: Day; end: Day | null } | null
}

/** Mean days Family Help lasts after a step-down. */
const familyHelpMeanDays = 200
/** Not in need after assessment, and offered Family Help instead (RC9). */
const earlyHelpAfterAssessment = 0.35
/** In need, and stepped down to Family Help when the episode closed (more often after a protection plan). */
const stepDownAfterPlan = 0.45
const stepDownInNeed = 0.3
const transferredAway = 0.03

/** SSDA903 reasons ceased that close the CIN episode with their own reason. */
const closedByCareEnding: Record<string, string> = {
  E11: 'RC1', E12: 'RC1', E41: 'RC3', E43: 'RC3', E44: 'RC3', E45: 'RC4', E46: 'RC4', E47: 'RC4', E48: 'RC4',
}

function ending(random: Random, e: Episode, next: Episode | undefined, eighteenth: Day, asOf: Day): EpisodeEnding {
  if (e.end === null) return { reasonForClosure: null, familyHelp: null }
  if (e.outcome === 'no_further_action') return { reasonForClosure: 'RC8', familyHelp: null }
  const helpUntil = (start: Day) => {
    const end = Math.min(start + 14 + Math.round(random.exponential(familyHelpMeanDays)), eighteenth, (next?.referral ?? Infinity) - 1)
    return { start, end: end > asOf ? null : Math.max(start, end) }
  }
  if (e.outcome === 'not_in_need') {
    return random.chance(earlyHelpAfterAssessment) && e.end < eighteenth ? { reasonForClosure: 'RC9', familyHelp: helpUntil(e.end) } : { reasonForClosure: 'RC8', familyHelp: null }
  }
  if (e.care?.end === e.end && e.care.reasonEnded) {
    return { reasonForClosure: closedByCareEnding[e.care.reasonEnded] ?? 'RC7', familyHelp: null }
  }
  if (random.chance(transferredAway)) return { reasonForClosure: 'RC5', familyHelp: null }
  const stepDown = !e.care && e.end < eighteenth && random.chance(e.plan ? stepDownAfterPlan : stepDownInNeed)
  return { reasonForClosure: 'RC7', familyHelp: stepDown ? helpUntil(e.end) : null }
}

const cache = new WeakMap<SeedChild, EpisodeEnding[]>()

/** One ending per episode of the child, in the same order. */
export function episodeEndings(seed: number, child: SeedChild, asOf: Day): EpisodeEnding[] {
  let endings = cache.get(child)
  if (!endings) {
    const eighteenth = eighteenthBirthday(child)
    const random = new Random(`${seed}/episode-endings/${child.id}`)
    endings = child.episodes.map((e, i) => ending(random, e, child.episodes[i + 1], eighteenth, asOf))
    cache.set(child, endings)
  }
  return endings
}

export const eighteenthBirthday = (child: Pick<SeedChild, 'dateOfBirth'>): Day => toDayNumber(addYears(fromDayNumber(child.dateOfBirth), 18))
