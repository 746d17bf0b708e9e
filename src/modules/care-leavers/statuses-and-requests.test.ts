// Through the real app: the care leaver status comes from the periods of care (relevant, qualifying), a former
// relevant young person of 21 asks for a personal adviser to 25, and a form sent twice writes once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Agent, createTestApp, formToken, signedIn, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, lookedAfterBetween } from '../../../test/support/records.js'
import { deadlinesFor } from '../../platform/casework/deadlines.js'
import { addDays, addMonths, addYears, todayInEngland } from '../../platform/working-days/local-date.js'
import { postForm } from '../looked-after/test-forms.js'

let t: TestApp
let sw: Agent
const today = todayInEngland()
const date = (name: string, iso: string) => ({ [`${name}-day`]: iso.slice(8), [`${name}-month`]: iso.slice(5, 7), [`${name}-year`]: iso.slice(0, 4) })

/** A young person `age` years and 30 days old, looked after between the ages given (in days from the birthday). */
async function youngPerson(firstName: string, age: number, inCare: (dob: string) => [string, string]): Promise<{ id: string; dob: string }> {
  const dob = addDays(addYears(today, -age), -30)
  const id = await createChild(t.database.db, { firstName, lastName: 'Test', dateOfBirth: dob })
  await lookedAfterBetween(t.database.db, id, ...inCare(dob), { reasonLeft: 'E13' })
  await allocate(t.database.db, id, 'social.worker')
  return { id, dob }
}

beforeAll(async () => {
  t = await createTestApp()
  sw = await signedIn(t.app, 'social.worker')
})
afterAll(async () => { await t?.close() })

describe('status derived, not typed', () => {
  it('left care at 16 after 13 weeks since 14: a relevant child, owed the needs assessment', async () => {
    const { id, dob } = await youngPerson('Rhys', 17, (d) => [addYears(d, 15), addDays(addYears(d, 16), 60)])
    const page = await sw.get(`/children/${id}/care-leaver`)
    expect(page.body).toContain('Relevant child')
    expect((await deadlinesFor(t.database.db, [id], today)).find((d) => d.ruleId === 'CL-01')?.due).toBe(addMonths(addYears(dob, 16), 3))
  })

  it('looked after for only a few weeks after 16: a qualifying care leaver, with no pathway plan owed', async () => {
    const { id } = await youngPerson('Tia', 17, (d) => [addDays(addYears(d, 16), 10), addDays(addYears(d, 16), 40)])
    expect((await sw.get(`/children/${id}/care-leaver`)).body).toContain('Qualifying care leaver')
    expect((await deadlinesFor(t.database.db, [id], today)).filter((d) => /^CL-0[12]/.test(d.ruleId))).toEqual([])
  })
})

describe('a personal adviser to 25', () => {
  it('is recorded on request from 21, once however often the form is sent, and the adviser may then go beyond 21', async () => {
    const { id, dob } = await youngPerson('Cal', 21, (d) => [addYears(d, 15), addYears(d, 18)])
    const url = `/children/${id}/care-leaver/adviser-request`
    const answers = { formToken: await formToken(sw, url), ...date('date', addDays(today, -3)) }
    const clicks = await Promise.all([sw.post(url, answers), sw.post(url, answers)])
    expect(clicks.map((c) => c.statusCode)).toEqual([303, 303])
    expect(await t.database.db.selectFrom('personal_adviser_requests').select('id').where('child_id', '=', id).execute()).toHaveLength(1)
    const adviser = await postForm(sw, `/children/${id}/care-leaver/personal-adviser`, { name: 'Sam Ford', ...date('from', addDays(today, -2)), ...date('to', addYears(dob, 24)) })
    expect(adviser.statusCode).toBe(303)
    const chronology = (await sw.get(`/children/${id}/chronology`)).body
    expect(chronology).toContain('for a personal adviser to 25')
    expect(chronology).toContain('Care leaver')
  })
})
