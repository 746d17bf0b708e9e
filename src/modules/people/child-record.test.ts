// Recording a child through the real app: the form's rules, the duplicate warning, double submissions,
// changing details, and who may see the child's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { createChild, createOtherAuthority } from '../../../test/support/records.js'
import { addDays, addMonths, todayInEngland } from '../../platform/working-days/local-date.js'

let t: TestApp
let worker: Agent
beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
})
afterAll(async () => { await t?.close() })

const today = todayInEngland()
const parts = (date: string, name: string) => ({ [`${name}-day`]: String(Number(date.slice(8))), [`${name}-month`]: String(Number(date.slice(5, 7))), [`${name}-year`]: date.slice(0, 4) })

/** A valid create-child form; the token comes from the page, like a browser's. */
async function childForm(overrides: Record<string, string | string[]> = {}): Promise<Record<string, string | string[]>> {
  const page = await worker.get('/children/new')
  const token = /name="formToken" value="([^"]+)"/.exec(page.body)![1]!
  return {
    formToken: token, firstName: 'Ava', lastName: 'Testington', born: 'yes', ...parts('2015-03-12', 'dateOfBirth'),
    sex: 'F', ethnicity: 'WBRI', disabilities: 'NONE', upnUnknownReason: 'UN3', nhsNumber: '999 000 0018',
    addressLine1: '12 Oak Road', addressTown: 'Maidstone', addressPostcode: 'me14 1xq', ...overrides,
  }
}

async function countPeople(lastName: string): Promise<number> {
  const rows = await t.database.db.selectFrom('people').where('last_name', '=', lastName).select('id').execute()
  return rows.length
}

describe('recording a new child', () => {
  it('creates the child with an address, an involvement for the recorder and a child.registered event', async () => {
    const response = await worker.post('/children/new', await childForm())
    expect(response.statusCode).toBe(303)
    const childId = /\/children\/([0-9a-f-]{36})/.exec(response.headers.location as string)![1]!
    const page = await worker.get(response.headers.location as string)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Ava Testington')
    expect(page.body).toContain('The child’s record has been created')
    expect(page.body).toContain('ME14')
    const child = await t.database.db.selectFrom('people').selectAll().where('id', '=', childId).executeTakeFirstOrThrow()
    expect(child.nhs_number).toBe('9990000018')
    expect(child.la_child_id).toMatch(/^C\d{7}$/)
    const events = await t.database.db.selectFrom('child_events').select(['type']).where('child_id', '=', childId).execute()
    expect(events.map((e) => e.type)).toEqual(['child.registered'])
    const address = await t.database.db.selectFrom('addresses').selectAll().where('person_id', '=', childId).executeTakeFirstOrThrow()
    expect(address.postcode).toBe('ME14 1XQ')
  })
})
