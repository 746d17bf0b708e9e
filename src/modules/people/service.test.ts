// The service functions other modules call: findOrCreatePerson and getChildSummary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.js'
import { allocate, createChild, userId } from '../../../test/support/records.js'
import type { Database } from '../../platform/db/database.js'
import { findOrCreatePerson, getChildSummary, type PersonDetails } from './service.js'

let database: Database
let actor: { id: string; laCode: string }
beforeAll(async () => {
  database = await createTestDatabase()
  actor = { id: await userId(database.db, 'front.door'), laCode: '886' }
})
afterAll(async () => { await database?.close() })

const details = (overrides: Partial<PersonDetails> = {}): PersonDetails => ({
  firstName: 'Carla', lastName: 'Mendes', otherNames: [], dateOfBirth: '1990-04-01', sex: 'F', nhsNumber: null, occupation: null, ...overrides,
})

describe('findOrCreatePerson', () => {
  it('creates a person once, then finds them by exact name and date of birth, or by NHS number', async () => {
    const first = await findOrCreatePerson(database.db, actor, { token: crypto.randomUUID(), details: details({ nhsNumber: '9990000077' }), address: null })
    expect(first.created).toBe(true)
    const byName = await findOrCreatePerson(database.db, actor, { token: crypto.randomUUID(), details: details({ firstName: 'CARLA' }), address: null })
    expect(byName).toEqual({ personId: first.personId, created: false })
    const byNhs = await findOrCreatePerson(database.db, actor, { token: crypto.randomUUID(), details: details({ firstName: 'Karla', dateOfBirth: null, nhsNumber: '9990000077' }), address: null })
    expect(byNhs).toEqual({ personId: first.personId, created: false })
  })

  it('makes a new record when neither the NHS number nor the exact name and date of birth match', async () => {
    const other = await findOrCreatePerson(database.db, actor, { token: crypto.randomUUID(), details: details({ dateOfBirth: '1991-04-01' }), address: { line1: '2 Bay Road', town: null, postcode: 'CT9 1AA', movedIn: null } })
    expect(other.created).toBe(true)
    const address = await database.db.selectFrom('addresses').select('postcode').where('person_id', '=', other.personId).executeTakeFirstOrThrow()
    expect(address.postcode).toBe('CT9 1AA')
  })
})

describe('getChildSummary', () => {
  it('gives what tells one child from another, and nothing for another authority or a random id', async () => {
    const childId = await createChild(database.db, { firstName: 'Nia', lastName: 'Brook', dateOfBirth: '2018-05-04', postcode: 'TN1 1AA', laChildId: 'S-1' })
    await allocate(database.db, childId, 'social.worker')
    const summary = await getChildSummary(database.db, '886', childId)
    expect(summary).toMatchObject({ name: 'Nia Brook', unborn: false, addressArea: 'TN1', laChildId: 'S-1', allocatedWorker: { workerName: 'Sam Okafor' } })
    expect(summary!.age).toMatch(/^\d+ years$/)
    expect(await getChildSummary(database.db, '887', childId)).toBeNull()
    expect(await getChildSummary(database.db, '886', 'not-a-uuid')).toBeNull()
  })
})
