// Care planning through the real app: the social worker records the permanence plan and its changes, the
// independent reviewing officer records their contacts with the child; both show on the child's record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Agent, createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, lookedAfterBetween } from '../../../test/support/records.js'
import { postForm } from './test-forms.js'

let t: TestApp
let sw: Agent
let iro: Agent
let childId: string
const base = () => `/children/${childId}/looked-after`
const date = (name: string, iso: string) => ({ [`${name}-day`]: iso.slice(8), [`${name}-month`]: iso.slice(5, 7), [`${name}-year`]: iso.slice(0, 4) })
const types = async () => (await t.database.db.selectFrom('child_events').where('child_id', '=', childId).select('type').orderBy('id').execute())
  .map((e) => e.type).filter((type) => type === 'looked_after.permanence_plan_set' || type === 'looked_after.iro_contact')

beforeAll(async () => {
  t = await createTestApp()
  childId = await createChild(t.database.db, { firstName: 'Ava', lastName: 'Stone', dateOfBirth: '2015-06-01' })
  await allocate(t.database.db, childId, 'social.worker')
  await lookedAfterBetween(t.database.db, childId, '2025-06-01', null)
  sw = await signedIn(t.app, 'social.worker')
  iro = await signedIn(t.app, 'iro')
})
afterAll(async () => { await t?.close() })

describe('the permanence plan', () => {
  it('keeps the answers and says what is wrong: no plan chosen, a date before care began, a day already holding a plan', async () => {
    const none = await postForm(sw, `${base()}/permanence-plan/new`, date('date', '2025-05-01'))
    expect(none.statusCode).toBe(400)
    expect(none.body).toContain('Select the permanence plan')
    expect(none.body).toContain('The child was not looked after on this date')
    expect(none.body).toMatch(/name="date-year"[^>]*value="2025"/)
    expect((await postForm(sw, `${base()}/permanence-plan/new`, { plan: 'return_to_family', ...date('date', '2025-07-01') })).statusCode).toBe(303)
    const twice = await postForm(sw, `${base()}/permanence-plan/new`, { plan: 'adoption', ...date('date', '2025-07-01') })
    expect(twice.statusCode).toBe(400)
    expect(twice.body).toContain('A permanence plan set on 1 July 2025 is already recorded')
    expect(twice.body).toMatch(/value="adoption" checked/)
  })

  it('shows the current plan with the history on the looked-after record and the child’s page', async () => {
    expect((await postForm(sw, `${base()}/permanence-plan/new`, { plan: 'long_term_fostering', ...date('date', '2025-12-01') })).statusCode).toBe(303)
    const record = await sw.get(base())
    expect(record.body).toContain('Long-term fostering, since 1 December 2025.')
    expect(record.body).toMatch(/1 July 2025\s*<\/td>\s*<td[^>]*>\s*Return to family/)
    expect((await sw.get(`/children/${childId}`)).body).toMatch(/Permanence plan\s*<\/dt>\s*<dd[^>]*>\s*Long-term fostering, since 1 December 2025/)
    expect(await types()).toEqual(['looked_after.permanence_plan_set', 'looked_after.permanence_plan_set'])
  })
})

describe('the independent reviewing officer’s contacts', () => {
  it('are recorded by the reviewing officer, not the social worker, and a bad answer is kept with its error', async () => {
    const url = `/reviewing/children/${childId}/iro-contacts/new`
    expect((await sw.get(url)).statusCode).toBe(403)
    const future = await postForm(iro, url, { kind: 'visit', ...date('date', '2099-01-05') })
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('The date must be today or in the past')
    expect(future.body).toMatch(/value="visit" checked/)
    const noKind = await postForm(iro, url, date('date', '2025-09-10'))
    expect(noKind.body).toContain('Select how you were in contact with the child')
    const done = await postForm(iro, url, { kind: 'visit', ...date('date', '2025-09-10') })
    expect(done.headers.location).toBe(`${url}?recorded=iro-contact`)
    expect((await sw.get(base())).body).toMatch(/10 September 2025\s*<\/td>\s*<td[^>]*>\s*Visit in person/)
    expect(await types()).toEqual(['looked_after.permanence_plan_set', 'looked_after.permanence_plan_set', 'looked_after.iro_contact'])
  })
})
