// How "what happened" becomes SSDA903 episodes. A change of legal status or placement ends the open episode
// with REC X1 (and, for a move, the reason for the change on the episode that ends) and starts a new one whose
// RNE says what changed: L legal status, P placement and carer, T placement with the same carer, B or U both
// on the same day. A second change on the day an episode started amends that episode, so no episode lasts
// no time at all. Pure: the service reads the open episode, asks here, and writes what comes back.
import type { LocalDate } from '../../platform/working-days/local-date.js'
import {
  normaliseUrn, placementsWithoutProvider, placementsWithoutUrn, placementTypes, placementProviders, isCode,
} from '../placements/service.js'
import { normalisePostcode } from '../../platform/identifiers/postcode.js'
import { shortBreakStatuses } from './codes.js'

export interface Placement {
  placementType: string
  provider: string | null
  urn: string | null
  homePostcode: string | null
  placementPostcode: string | null
  visitRegime: string
}

export interface OpenEpisode extends Placement {
  startDate: LocalDate
  reasonNewEpisode: string
  legalStatus: string
}

export type Change =
  | { kind: 'legal-status'; date: LocalDate; legalStatus: string }
  | { kind: 'placement'; date: LocalDate; placement: Placement; sameCarer: boolean; reason: string | null }

export interface EpisodeWrite {
  /** `amend`: change the open episode in place (same day); `follow`: end it with X1 and start a new one. */
  mode: 'amend' | 'follow'
  reasonNewEpisode: string
  legalStatus: string
  placement: Placement
  /** REASON_PLACE_CHANGE on the episode that ends (follow), or on the one that ended the same day (amend). */
  reasonPlaceChange: string | null
}

const temporary = (type: string) => /^T[0-4]$/.test(type)

/** Both changed the same day: B with a new carer, U with the same one. */
const combined = (sameCarer: boolean) => (sameCarer ? 'U' : 'B')

function rneOnAmend(current: string, change: Change): string {
  if (current === 'S') return 'S'
  if (change.kind === 'legal-status') return current === 'P' ? 'B' : current === 'T' ? 'U' : current
  if (current === 'L') return combined(change.sameCarer)
  if (current === 'B' || current === 'U') return current === 'B' || !change.sameCarer ? 'B' : 'U'
  return change.sameCarer && current === 'T' ? 'T' : 'P'
}

export function nextEpisode(open: OpenEpisode, change: Change): EpisodeWrite {
  const mode = change.date === open.startDate ? 'amend' : 'follow'
  const placement = change.kind === 'placement' ? change.placement : pick(open)
  const legalStatus = change.kind === 'legal-status' ? change.legalStatus : open.legalStatus
  const reasonPlaceChange = change.kind === 'placement' && !temporary(open.placementType) && !temporary(change.placement.placementType)
    ? change.reason : null
  const reasonNewEpisode = mode === 'amend' ? rneOnAmend(open.reasonNewEpisode, change)
    : change.kind === 'legal-status' ? 'L' : change.sameCarer ? 'T' : 'P'
  return { mode, reasonNewEpisode, legalStatus, placement, reasonPlaceChange }
}

function pick(e: Placement): Placement {
  return {
    placementType: e.placementType, provider: e.provider, urn: e.urn, homePostcode: e.homePostcode,
    placementPostcode: e.placementPostcode, visitRegime: e.visitRegime,
  }
}

/** Whether anything the 903 sees about the placement differs (rule 435 wants a P or T episode to show a change). */
export function placementDiffers(a: Placement, b: Placement): boolean {
  return a.placementType !== b.placementType || a.provider !== b.provider || a.urn !== b.urn || a.placementPostcode !== b.placementPostcode
}

export interface PlacementAnswers {
  placementType: string
  provider: string
  urn: string
  homePostcode: string
  placementPostcode: string
  visitRegime: string
}

/**
 * Checks a placement's answers against the 903 rules for this legal status and returns it normalised, or the
 * errors by field. Each message names the rule it applies.
 */
export function checkPlacement(answers: PlacementAnswers, legalStatus: string, errors: Record<string, string>): Placement | null {
  const type = answers.placementType
  const shortBreak = shortBreakStatuses.has(legalStatus)
  if (!isCode(placementTypes, type)) errors.placementType = 'Select the type of placement'
  if (type === 'P1' && legalStatus === 'V2') errors.placementType = 'A child placed with parents cannot be accommodated under section 20 alone (903 rule 378). Check the legal status'
  if (shortBreak && temporary(type)) errors.placementType = 'A child on short breaks cannot be in a temporary placement (903 rule 382)'
  if (shortBreak && (type === 'U1' || type === 'U4')) errors.placementType = 'A child on short breaks cannot be in long-term fostering (903 rule 384)'
  let provider: string | null = answers.provider || null
  if (placementsWithoutProvider.has(type)) {
    if (provider) errors.provider = 'Temporary and other placements have no placement provider (903 rule 178). Leave the provider blank'
    provider = null
  } else if (!provider || !isCode(placementProviders, provider)) {
    errors.provider = 'Select who provides the placement'
  } else if (type === 'P1' && provider !== 'PR0') {
    errors.provider = 'A child placed with their own parents has the provider “Parent or other person with parental responsibility” (PR0)'
  }
  let urn: string | null = null
  if (answers.urn) {
    urn = normaliseUrn(answers.urn)
    if (placementsWithoutUrn.has(type)) errors.urn = 'This type of placement is not registered with Ofsted: leave the URN blank (903 rule 222)'
    else if (!urn) errors.urn = 'Enter the Ofsted URN as 6 or 7 digits, or SC and the digits, like 1234567 or SC123456'
  } else if (type && !placementsWithoutUrn.has(type) && isCode(placementTypes, type)) {
    errors.urn = 'Enter the Ofsted URN of the placement (903 rule 218)'
  }
  const home = postcodeAnswer('homePostcode', answers.homePostcode, 'the child’s home postcode', shortBreak, errors)
  const placed = postcodeAnswer('placementPostcode', answers.placementPostcode, 'the placement postcode', shortBreak, errors)
  if (home && placed && home === placed && type !== 'P1') {
    errors.placementPostcode = 'The placement postcode is the same as the home postcode, which only a placement with parents may have (903 rule 392d)'
  }
  const regime = answers.visitRegime || 'ordinary'
  if (regime === 'placed_with_parent' && type !== 'P1') errors.visitRegime = 'Only a child placed with a parent (P1) can be visited under regulation 19. Check the placement type'
  else if (regime === 'temporary_approval' && !['U1', 'U2', 'U3'].includes(type)) errors.visitRegime = 'Temporary approval (regulation 24) is for fostering with a relative or friend (U1, U2 or U3)'
  else if (!['ordinary', 'placed_with_parent', 'temporary_approval'].includes(regime)) errors.visitRegime = 'Select how visits are counted'
  if (Object.keys(errors).length > 0) return null
  return { placementType: type, provider, urn, homePostcode: home, placementPostcode: placed, visitRegime: regime }
}

function postcodeAnswer(field: string, value: string, label: string, shortBreak: boolean, errors: Record<string, string>): string | null {
  if (shortBreak) {
    if (value) errors[field] = 'Postcodes are not recorded for short breaks (903 rule 398). Leave it blank'
    return null
  }
  if (!value) {
    errors[field] = `Enter ${label} (903 rule 392b)`
    return null
  }
  const postcode = normalisePostcode(value)
  if (!postcode) errors[field] = `Enter ${label} as a full UK postcode, like ME14 1XX`
  return postcode
}
