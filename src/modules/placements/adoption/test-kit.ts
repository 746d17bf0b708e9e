// Shared by the adopters' tests: a household's form answers and a child whose plan is adoption.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import { createChild, lookedAfterBetween, userId } from '../../../../test/support/records.js'
import { recordAdoptionMilestone } from '../../looked-after/service.js'

/** A GOV.UK date input's three boxes for a yyyy-mm-dd date. */
export const dateParts = (date: string, name: string) =>
  ({ [`${name}-day`]: String(Number(date.slice(8))), [`${name}-month`]: String(Number(date.slice(5, 7))), [`${name}-year`]: date.slice(0, 4) })

export const adopterAnswers = (n: number, a: { firstName: string; lastName: string; sex: 'F' | 'M'; gender?: string; ethnicity?: string; disability?: string }) => ({
  [`adopter${n}-firstName`]: a.firstName, [`adopter${n}-lastName`]: a.lastName, [`adopter${n}-sex`]: a.sex,
  [`adopter${n}-gender`]: a.gender ?? (a.sex === 'F' ? 'female' : 'male'), [`adopter${n}-ethnicity`]: a.ethnicity ?? 'WBRI', [`adopter${n}-disability`]: a.disability ?? 'no',
})

export const marriedCouple = {
  legalStatus: 'L11', fosteringForAdoption: 'no', ...dateParts('2025-01-06', 'enquiryReceived'),
  ...adopterAnswers(1, { firstName: 'Priya', lastName: 'Marsh', sex: 'F', ethnicity: 'AIND' }), ...adopterAnswers(2, { firstName: 'Owen', lastName: 'Marsh', sex: 'M', disability: 'yes' }),
}

/** A child in care since `since` with a decision that they should be placed for adoption on `decided`. */
export async function childToBeAdopted(db: Kysely<DB>, name: { firstName: string; lastName: string }, since: string, decided: string): Promise<string> {
  const childId = await createChild(db, { ...name, dateOfBirth: '2023-02-10' })
  await lookedAfterBetween(db, childId, since, null)
  const actor = { id: await userId(db, 'social.worker'), laCode: '886' }
  const outcome = await recordAdoptionMilestone(db, actor, childId, { milestone: 'decision', date: decided }, new Date().toISOString().slice(0, 10))
  if (outcome.outcome !== 'done') throw new Error(`Could not record the decision: ${JSON.stringify(outcome)}`)
  return childId
}
