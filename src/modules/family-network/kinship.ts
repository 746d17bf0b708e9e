// Kinship: the family network's possible carers (the people module's `possible_carer` flag), viability
// assessments of them, and the kinship arrangements the child lives in. Every change is one transaction that
// appends its event to the child's stream; marking a possible carer goes through the people module's service.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { familyNetwork, updateRelationship, type NetworkMember } from '../people/service.js'
import { arrangementTypes, isCode, labelFor, viabilityOutcomes } from './codes.js'
import { checkDate, ukDate } from './dates.js'
import {
  arrangementsOf, completeViability, endArrangement, insertArrangement, insertViability, viabilityAssessmentsOf,
  type ArrangementRow, type ViabilityRow,
} from './repository.js'
import { hasErrors, invalid, notFound, once, refused, stepEvent, type Actor, type FieldErrors, type Outcome, type Step } from './submissions.js'

export const kinshipHref = (childId: string): string => `/children/${childId}/kinship`

export interface KinshipState {
  /** Adults in the family network (not professionals): the people who could care for the child. */
  members: NetworkMember[]
  possibleCarers: NetworkMember[]
  assessments: ViabilityRow[]
  arrangements: ArrangementRow[]
  current: ArrangementRow | null
}

const couldCare = (m: NetworkMember) => !m.isChild && m.group !== 'professional'

export async function kinshipState(db: Executor, actor: Actor, childId: string): Promise<KinshipState> {
  const [network, assessments, arrangements] = await Promise.all([
    familyNetwork(db as Kysely<DB>, actor.laCode, childId, actor.id),
    viabilityAssessmentsOf(db, actor.laCode, [childId]),
    arrangementsOf(db, actor.laCode, [childId]),
  ])
  const members = (network?.members ?? []).filter(couldCare)
  return {
    members, possibleCarers: members.filter((m) => m.possibleCarer), assessments, arrangements,
    current: arrangements.find((a) => !a.ended_on) ?? null,
  }
}

export type MarkOutcome = 'changed' | 'not-found' | 'recorded-from-child-side'

/**
 * Marks or unmarks a member of the child's network as a possible carer, through the people module (which
 * appends `network.relationship_changed`). A relationship recorded from the child's side cannot be re-recorded
 * here without choosing its type from the other side: the person's relationship page does that.
 */
export async function markPossibleCarer(db: Kysely<DB>, actor: Actor, childId: string, relationshipId: string, possibleCarer: boolean): Promise<MarkOutcome> {
  const network = await familyNetwork(db, actor.laCode, childId, actor.id)
  const member = network?.members.find((m) => m.relationshipId === relationshipId && couldCare(m))
  if (!member) return 'not-found'
  if (member.possibleCarer === possibleCarer) return 'changed'
  if (!member.fromTheirSide) return 'recorded-from-child-side'
  const changed = await updateRelationship(db, actor, childId, relationshipId, {
    type: member.type, parentalResponsibility: member.parentalResponsibility, livesWith: member.livesWith, possibleCarer,
  })
  return changed ? 'changed' : 'not-found'
}

const done = (step: Step, recorded: string): Outcome => ({ outcome: 'done', redirectTo: `${kinshipHref(step.childId)}?recorded=${recorded}` })


export async function startViability(step: Step, answer: { personId: string; startedOn: LocalDate | null }): Promise<Outcome> {
  return once(step.db, step.actor, step.childId, step.submission, async (trx) => {
    const state = await kinshipState(trx, step.actor, step.childId)
    const errors: FieldErrors = {}
    const carer = state.possibleCarers.find((m) => m.personId === answer.personId)
    if (!carer) errors.personId = 'Select a possible carer from the child’s family network'
    else if (state.assessments.some((a) => a.person_id === carer.personId && !a.completed_on)) errors.personId = `A viability assessment of ${carer.name} is already under way`
    checkDate(errors, 'startedOn', answer.startedOn, step.today, 'The date the assessment started')
    if (hasErrors(errors) || !carer || !answer.startedOn) return invalid(errors)
    const id = await insertViability(trx, {
      la_code: step.actor.laCode, child_id: step.childId, person_id: carer.personId, started_on: answer.startedOn, recorded_by: step.actor.id,
    })
    await appendChildEvent(trx, stepEvent(step, 'kinship.viability_started', `Viability assessment of ${carer.name} started on ${ukDate(answer.startedOn)}`,
      { assessmentId: id, personId: carer.personId, startedOn: answer.startedOn }))
    return done(step, 'viability-started')
  })
}

export interface ViabilityAnswer { completedOn: LocalDate | null; outcome: string; recommendation: string }

export async function completeViabilityAssessment(step: Step, assessmentId: string, answer: ViabilityAnswer): Promise<Outcome> {
  return once(step.db, step.actor, step.childId, step.submission, async (trx) => {
    const assessment = (await viabilityAssessmentsOf(trx, step.actor.laCode, [step.childId])).find((a) => a.id === assessmentId)
    if (!assessment) return notFound
    if (assessment.completed_on) return refused(`This assessment is already complete (${labelFor(viabilityOutcomes, assessment.outcome).toLowerCase()}, ${ukDate(assessment.completed_on)})`)
    const errors: FieldErrors = {}
    if (!isCode(viabilityOutcomes, answer.outcome)) errors.outcome = 'Select the outcome of the assessment'
    if (!answer.recommendation) errors.recommendation = 'Enter the assessment’s recommendation'
    else if (answer.recommendation.length > 10000) errors.recommendation = 'The recommendation must be 10,000 characters or fewer'
    checkDate(errors, 'completedOn', answer.completedOn, step.today, 'The date the assessment finished', { date: assessment.started_on, words: 'the day it started' })
    if (hasErrors(errors) || !answer.completedOn || !isCode(viabilityOutcomes, answer.outcome)) return invalid(errors)
    await completeViability(trx, assessment.id, { completed_on: answer.completedOn, outcome: answer.outcome, recommendation: answer.recommendation })
    await appendChildEvent(trx, stepEvent(step, 'kinship.viability_completed',
      `Viability assessment of ${assessment.person_name} finished on ${ukDate(answer.completedOn)}: ${labelFor(viabilityOutcomes, answer.outcome).toLowerCase()}`,
      { assessmentId: assessment.id, personId: assessment.person_id, completedOn: answer.completedOn, outcome: answer.outcome }, true))
    return done(step, 'viability-completed')
  })
}

export interface ArrangementAnswer { carerId: string; arrangementType: string; startedOn: LocalDate | null }

export async function startArrangement(step: Step, answer: ArrangementAnswer): Promise<Outcome> {
  return once(step.db, step.actor, step.childId, step.submission, async (trx) => {
    const state = await kinshipState(trx, step.actor, step.childId)
    if (state.current) return refused(`The child already lives with ${state.current.carer_name} in a kinship arrangement. End it before starting another`)
    const errors: FieldErrors = {}
    const carer = state.members.find((m) => m.personId === answer.carerId)
    if (!carer) errors.carerId = 'Select the carer from the child’s family network'
    if (!isCode(arrangementTypes, answer.arrangementType)) errors.arrangementType = 'Select the kind of arrangement'
    const latestEnd = state.arrangements.map((a) => a.ended_on ?? '').sort().at(-1)
    checkDate(errors, 'startedOn', answer.startedOn, step.today, 'The start date', latestEnd ? { date: latestEnd, words: 'the day the last arrangement ended' } : undefined)
    if (hasErrors(errors) || !carer || !answer.startedOn || !isCode(arrangementTypes, answer.arrangementType)) return invalid(errors)
    const id = await insertArrangement(trx, {
      la_code: step.actor.laCode, child_id: step.childId, carer_id: carer.personId, arrangement_type: answer.arrangementType,
      started_on: answer.startedOn, recorded_by: step.actor.id,
    })
    await appendChildEvent(trx, stepEvent(step, 'kinship.arrangement_started',
      `${labelFor(arrangementTypes, answer.arrangementType)} with ${carer.name} from ${ukDate(answer.startedOn)}`,
      { arrangementId: id, carerId: carer.personId, arrangementType: answer.arrangementType, startedOn: answer.startedOn }, true))
    return done(step, 'arrangement-started')
  })
}

export async function endKinshipArrangement(step: Step, arrangementId: string, endedOn: LocalDate | null): Promise<Outcome> {
  return once(step.db, step.actor, step.childId, step.submission, async (trx) => {
    const arrangement = (await arrangementsOf(trx, step.actor.laCode, [step.childId])).find((a) => a.id === arrangementId)
    if (!arrangement) return notFound
    if (arrangement.ended_on) return refused(`This arrangement already ended on ${ukDate(arrangement.ended_on)}`)
    const errors: FieldErrors = {}
    if (!checkDate(errors, 'endedOn', endedOn, step.today, 'The end date', { date: arrangement.started_on, words: 'the day it started' })) return invalid(errors)
    await endArrangement(trx, arrangement.id, endedOn)
    await appendChildEvent(trx, stepEvent(step, 'kinship.arrangement_ended',
      `${labelFor(arrangementTypes, arrangement.arrangement_type)} with ${arrangement.carer_name} ended on ${ukDate(endedOn)}`,
      { arrangementId: arrangement.id, carerId: arrangement.carer_id, endedOn }, true))
    return done(step, 'arrangement-ended')
  })
}
