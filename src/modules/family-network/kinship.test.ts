// Kinship through the real app: marking possible carers (through the people module), viability assessments of
// them, kinship arrangements, the child page's section, and the authority's kinship local offer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { addRelative, createChild, createOtherAuthority } from '../../../test/support/records.js'
import { dateParts, daysAgo, eventTypes, family, formToken, send, type Family } from './test-kit.js'

let t: TestApp
let worker: Agent
const db = () => t.database.db

beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
})
afterAll(async () => { await t?.close() })

const href = (childId: string) => `/children/${childId}/kinship`
const possibleCarer = async (relationshipId: string) =>
  (await db().selectFrom('relationships').select('possible_carer').where('id', '=', relationshipId).executeTakeFirstOrThrow()).possible_carer

async function mark(f: Family, relationshipId: string, on: boolean) {
  await worker.get(href(f.childId))
  return worker.post(`${href(f.childId)}/possible-carers`, { relationshipId, possibleCarer: on ? 'yes' : 'no' })
}

const startViability = (f: Family, personId: string, on = daysAgo(30)) =>
  send(worker, `${href(f.childId)}/viability/new`, { personId, ...dateParts(on, 'startedOn') })

async function assessmentId(f: Family, personId: string): Promise<string> {
  return (await db().selectFrom('viability_assessments').select('id').where('child_id', '=', f.childId).where('person_id', '=', personId).executeTakeFirstOrThrow()).id
}

describe('possible carers', () => {
  it('are marked and unmarked through the family network, appending network.relationship_changed', async () => {
    const f = await family(db())
    const grandad = await addRelative(db(), f.childId, { firstName: 'Ron', lastName: 'Hollins', type: 'grandparent' })
    const page = await worker.get(href(f.childId))
    expect(page.body).toContain('Mark as possible carer<span class="govuk-visually-hidden"> for Ron Hollins')
    const marked = await mark(f, grandad.relationshipId, true)
    expect(marked.statusCode).toBe(303)
    expect(marked.headers.location).toBe(`${href(f.childId)}?recorded=carer-marked#possible-carers`)
    expect(await possibleCarer(grandad.relationshipId)).toBe(true)
    expect((await mark(f, grandad.relationshipId, true)).statusCode).toBe(303)
    expect((await mark(f, f.auntRelationship, false)).statusCode).toBe(303)
    expect(await possibleCarer(f.auntRelationship)).toBe(false)
    expect(await eventTypes(db(), f.childId, 'network.relationship_changed')).toHaveLength(2)
    const relationship = await db().selectFrom('relationships').selectAll().where('id', '=', grandad.relationshipId).executeTakeFirstOrThrow()
    expect(relationship).toMatchObject({ type: 'grandparent', parental_responsibility: false, lives_with: false })
  })

  it('are only people in this child’s network', async () => {
    const f = await family(db())
    const stranger = await family(db(), { first: 'Other', last: 'Family' })
    expect((await mark(f, stranger.auntRelationship, false)).statusCode).toBe(404)
    expect(await possibleCarer(stranger.auntRelationship)).toBe(true)
    await worker.get(href(f.childId))
    expect((await worker.post(`${href(f.childId)}/possible-carers`, { relationshipId: 'nonsense', possibleCarer: 'yes' })).statusCode).toBe(400)
  })
})

describe('viability assessments', () => {
  it('are of a possible carer in this child’s network', async () => {
    const f = await family(db())
    const stranger = await family(db(), { first: 'Other', last: 'Family' })
    const other = await createOtherAuthority(db(), '890')
    const elsewhere = await addRelative(db(), await createChild(db(), { laCode: other.laCode }), { firstName: 'Far', possibleCarer: true, laCode: other.laCode })
    for (const personId of [f.mother, stranger.aunt, elsewhere.personId, '']) {
      const response = await startViability(f, personId)
      expect(response.statusCode).toBe(400)
      expect(response.body).toContain('Select a possible carer from the child’s family network')
    }
    expect(await db().selectFrom('viability_assessments').select('id').where('child_id', '=', f.childId).execute()).toEqual([])
  })

  it('start once, finish on or after they started, and append their events', async () => {
    const f = await family(db())
    const url = `${href(f.childId)}/viability/new`
    const form = { formToken: await formToken(worker, url), personId: f.aunt, ...dateParts(daysAgo(30), 'startedOn') }
    const [first, second] = [await worker.post(url, form), await worker.post(url, form)]
    expect([first.statusCode, second.statusCode]).toEqual([303, 303])
    expect((await startViability(f, f.aunt)).body).toContain('A viability assessment of Jo Hollins is already under way')
    const id = await assessmentId(f, f.aunt)
    const done = `${href(f.childId)}/viability/${id}`
    const early = await send(worker, done, { outcome: 'positive', recommendation: 'Full assessment', ...dateParts(daysAgo(31), 'completedOn') })
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('The date the assessment finished must be on or after the day it started')
    expect(early.body).toContain('Full assessment')
    const blank = await send(worker, done, dateParts(daysAgo(5), 'completedOn'))
    expect(blank.body).toContain('Select the outcome of the assessment')
    expect(blank.body).toContain('Enter the assessment’s recommendation')
    expect((await send(worker, done, { outcome: 'positive', recommendation: 'Full connected person assessment', ...dateParts(daysAgo(5), 'completedOn') })).statusCode).toBe(303)
    const again = await send(worker, done, { outcome: 'negative', recommendation: 'No', ...dateParts(daysAgo(5), 'completedOn') })
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('already complete')
    expect(await eventTypes(db(), f.childId, 'kinship')).toEqual(['kinship.viability_started', 'kinship.viability_completed'])
    const row = await db().selectFrom('viability_assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ started_on: daysAgo(30), completed_on: daysAgo(5), outcome: 'positive' })
    expect((await worker.get(href(f.childId))).body).toContain('Positive, ')
  })

  it('of another child are not found', async () => {
    const f = await family(db())
    const other = await family(db(), { first: 'Other', last: 'Family' })
    await startViability(other, other.aunt)
    const url = `${href(f.childId)}/viability/${await assessmentId(other, other.aunt)}`
    expect((await worker.get(url)).statusCode).toBe(404)
    expect((await worker.post(url, { formToken: crypto.randomUUID(), outcome: 'negative', recommendation: 'x', ...dateParts(daysAgo(1), 'completedOn') })).statusCode).toBe(404)
  })
})

describe('kinship arrangements', () => {
  const start = (f: Family, carerId: string, type = 'special_guardianship_order', on = daysAgo(20)) =>
    send(worker, `${href(f.childId)}/arrangements/new`, { carerId, arrangementType: type, ...dateParts(on, 'startedOn') })

  it('are with someone in the child’s network, one at a time, and end on or after they start', async () => {
    const f = await family(db())
    const stranger = await family(db(), { first: 'Other', last: 'Family' })
    const wrong = await start(f, stranger.aunt, 'nonsense')
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('Select the carer from the child’s family network')
    expect(wrong.body).toContain('Select the kind of arrangement')
    expect((await start(f, f.aunt)).statusCode).toBe(303)
    const second = await start(f, f.mother, 'informal')
    expect(second.statusCode).toBe(409)
    expect(second.body).toContain('already lives with Jo Hollins in a kinship arrangement')
    const arrangement = await db().selectFrom('kinship_arrangements').selectAll().where('child_id', '=', f.childId).executeTakeFirstOrThrow()
    expect(arrangement).toMatchObject({ carer_id: f.aunt, arrangement_type: 'special_guardianship_order', started_on: daysAgo(20), ended_on: null })
    const end = `${href(f.childId)}/arrangements/${arrangement.id}/end`
    const early = await send(worker, end, dateParts(daysAgo(21), 'endedOn'))
    expect(early.body).toContain('The end date must be on or after the day it started')
    expect((await send(worker, end, dateParts(daysAgo(2), 'endedOn'))).statusCode).toBe(303)
    expect((await send(worker, end, dateParts(daysAgo(1), 'endedOn'))).statusCode).toBe(409)
    const beforeEnd = await start(f, f.mother, 'informal', daysAgo(3))
    expect(beforeEnd.body).toContain('The start date must be on or after the day the last arrangement ended')
    expect((await start(f, f.mother, 'child_arrangements_order', daysAgo(1))).statusCode).toBe(303)
    expect(await eventTypes(db(), f.childId, 'kinship')).toEqual(['kinship.arrangement_started', 'kinship.arrangement_ended', 'kinship.arrangement_started'])
  })

  it('show on the child’s page', async () => {
    const f = await family(db())
    await start(f, f.aunt, 'connected_person_foster_care')
    const page = await worker.get(`/children/${f.childId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Family network decisions and kinship')
    expect(page.body).toContain('Living with Jo Hollins (connected person foster care)')
    expect(page.body).toContain(`href="${href(f.childId)}"`)
  })
})

describe('the kinship local offer', () => {
  const sections = {
    financialSupport: 'Kinship carers can get an allowance.\n\nAsk us about help with legal costs.',
    practicalSupport: 'Help with school places <and> childcare.',
    training: 'Free courses every month.', contact: 'Call 01234 567890, Monday to Friday, 9am to 5pm.', howToApply: 'Ask your social worker.',
  }

  it('is written by the administrator and published to anyone, as plain text', async () => {
    const admin = await signedIn(t.app, 'admin')
    expect((await worker.get('/admin/kinship-local-offer')).statusCode).toBe(403)
    const empty = await admin.get('/kinship-local-offer')
    expect(empty.body).toContain('has not published its kinship local offer yet')
    expect((await admin.get('/admin/kinship-local-offer')).statusCode).toBe(200)
    const missing = await admin.post('/admin/kinship-local-offer', { ...sections, training: '' })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('Enter the training section')
    expect(missing.body).toContain('Call 01234 567890')
    const saved = await admin.post('/admin/kinship-local-offer', sections)
    expect(saved.statusCode).toBe(303)
    expect((await admin.post('/admin/kinship-local-offer', sections)).statusCode).toBe(303)
    expect(await db().selectFrom('kinship_local_offers').select('la_code').execute()).toEqual([{ la_code: '886' }])

    const visitor = new Agent(t.app)
    const list = await visitor.get('/kinship-local-offer')
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain('href="/kinship-local-offer/886"')
    const published = await visitor.get('/kinship-local-offer/886')
    expect(published.statusCode).toBe(200)
    expect(published.body).toContain('<p class="govuk-body">Ask us about help with legal costs.</p>')
    expect(published.body).toContain('school places &lt;and&gt; childcare')
    expect(published.body).not.toContain('Change the kinship local offer')
    expect((await worker.get('/kinship-local-offer')).body).toContain('Free courses every month.')
    expect((await visitor.get('/kinship-local-offer/999')).statusCode).toBe(404)
    expect((await visitor.get('/kinship-local-offer/abc')).statusCode).toBe(404)
    expect((await visitor.get('/admin/kinship-local-offer')).statusCode).toBe(302)
  })
})
