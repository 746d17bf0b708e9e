// Recording a child through the real app: the form's rules, the duplicate warning, double submissions,
// changing details, and who may see the child's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, createOtherAuthority, userId } from '../../../test/support/records.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { addDeadlineProvider } from '../../platform/casework/deadlines.js'
import { addDays, addMonths, todayInEngland } from '../../platform/working-days/local-date.js'

let t: TestApp
let worker: Agent
beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
})
afterAll(async () => { await t?.close() })

const today = todayInEngland()
/** A random surname: nothing alike in spelling or sound, so test children are not each other's likely duplicates. */
const unique = () => Array.from({ length: 9 }, (_, i) => 'bcdfghjklmnprstvwz'[Math.floor(Math.random() * 18)]! + (i % 2 ? 'a' : '')).join('').replace(/^./, (c) => c.toUpperCase())
const parts = (date: string, name: string) => ({ [`${name}-day`]: String(Number(date.slice(8))), [`${name}-month`]: String(Number(date.slice(5, 7))), [`${name}-year`]: date.slice(0, 4) })

/** A valid create-child form; the token comes from the page, like a browser's. */
let house = 0

async function childForm(overrides: Record<string, string | string[]> = {}): Promise<Record<string, string | string[]>> {
  const page = await worker.get('/children/new')
  const token = /name="formToken" value="([^"]+)"/.exec(page.body)![1]!
  // A different name and house each time, so one test's child is not another's likely duplicate.
  return {
    formToken: token, firstName: 'Ava', lastName: unique(), born: 'yes', ...parts('2015-03-12', 'dateOfBirth'),
    sex: 'F', ethnicity: 'WBRI', disabilities: 'NONE', upnUnknownReason: 'UN3', nhsNumber: '',
    addressLine1: `${++house} Oak Road`, addressTown: 'Maidstone', addressPostcode: 'me14 1xq', ...overrides,
  }
}

async function countPeople(lastName: string): Promise<number> {
  const rows = await t.database.db.selectFrom('people').where('last_name', '=', lastName).select('id').execute()
  return rows.length
}

describe('recording a new child', () => {
  it('creates the child with an address, an involvement for the recorder and a child.registered event', async () => {
    const response = await worker.post('/children/new', await childForm({ lastName: 'Testington', nhsNumber: '999 000 0018' }))
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

const childIdFrom = (location: unknown) => /\/children\/([0-9a-f-]{36})/.exec(String(location))![1]!

describe('the child form’s rules', () => {
  it('reports every missing answer next to its field, keeps what was typed, and writes nothing', async () => {
    const lastName = unique()
    const response = await worker.post('/children/new', await childForm({ firstName: '', lastName, 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', sex: '', ethnicity: '', upnUnknownReason: '', otherNames: 'Jo Jo' }))
    expect(response.statusCode).toBe(400)
    for (const message of ['Enter the child’s first name', 'Enter the child’s date of birth, or the expected date of birth for an unborn baby', 'Select the child’s sex, or ‘Not known’',
      'Select the child’s ethnicity, or ‘Information not yet obtained’', 'Enter the child’s UPN, or select why it is not known']) {
      expect(response.body).toContain(`href="#`)
      expect(response.body).toContain(message)
    }
    expect(response.body).toMatch(/<title>Error: /)
    expect(response.body).toContain(`value="${lastName}"`)
    expect(response.body).toContain('value="Jo Jo"')
    expect(await countPeople(lastName)).toBe(0)
  })

  it('rejects an NHS number that fails its check digit, or has the wrong number of digits', async () => {
    const bad = await worker.post('/children/new', await childForm({ nhsNumber: '999 000 0019' }))
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Enter a valid NHS number – check you have typed it correctly')
    expect(bad.body).toContain('value="999 000 0019"')
    const short = await worker.post('/children/new', await childForm({ nhsNumber: '99900' }))
    expect(short.body).toContain('NHS number must be 10 digits')
  })

  it('rejects a date of birth in the future, and an impossible date', async () => {
    const future = await worker.post('/children/new', await childForm(parts(addDays(today, 1), 'dateOfBirth')))
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('Date of birth must be today or in the past')
    const impossible = await worker.post('/children/new', await childForm({ 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2016' }))
    expect(impossible.body).toContain('Date of birth must be a real date')
    expect(impossible.body).toContain('href="#dateOfBirth-day"')
  })

  it('accepts an unborn baby due within 9 months, but not further off', async () => {
    const lastName = unique()
    const far = await worker.post('/children/new', await childForm({ 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', lastName, ...parts(addDays(addMonths(today, 9), 1), 'expectedDateOfBirth'), upnUnknownReason: '', nhsNumber: '' }))
    expect(far.statusCode).toBe(400)
    expect(far.body).toContain('Expected date of birth must be no more than 9 months from today')
    const ok = await worker.post('/children/new', await childForm({ 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', firstName: 'Baby', lastName, ...parts(addMonths(today, 3), 'expectedDateOfBirth'), upnUnknownReason: '', nhsNumber: '', addressLine1: '', addressTown: '', addressPostcode: '' }))
    expect(ok.statusCode).toBe(303)
    const page = await worker.get(String(ok.headers.location))
    expect(page.body).toContain('Unborn baby, due')
    expect(page.body).toContain('>Unborn<')
    expect(page.body).toContain('No NHS number')
  })

  it('refuses both a date of birth and an expected date of birth', async () => {
    const response = await worker.post('/children/new', await childForm(parts(addMonths(today, 2), 'expectedDateOfBirth')))
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Leave the expected date of birth blank when you enter a date of birth')
  })

  it('checks the UPN’s check letter and the postcode', async () => {
    const response = await worker.post('/children/new', await childForm({ upn: 'R247962919251', addressPostcode: 'ME14' }))
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('the first letter does not match the rest')
    expect(response.body).toContain('Enter a real postcode, like ME14 1XQ')
  })

  it('does not make a second record when the form is sent twice, even at the same moment', async () => {
    const lastName = unique()
    const form = await childForm({ lastName, nhsNumber: '' })
    const first = await worker.post('/children/new', form)
    const second = await worker.post('/children/new', form)
    expect(first.statusCode).toBe(303)
    expect(second.statusCode).toBe(303)
    expect(childIdFrom(second.headers.location)).toBe(childIdFrom(first.headers.location))
    const racingName = unique()
    const racing = await childForm({ lastName: racingName })
    const both = await Promise.all([worker.post('/children/new', racing), worker.post('/children/new', racing)])
    expect(both.map((r) => r.statusCode)).toEqual([303, 303])
    expect(await countPeople(lastName)).toBe(1)
    expect(await countPeople(racingName)).toBe(1)
  })

  it('refuses a form without its token rather than risk a duplicate', async () => {
    const form = await childForm()
    delete form.formToken
    expect((await worker.post('/children/new', form)).statusCode).toBe(400)
  })
})

describe('the duplicate warning', () => {
  it('shows a child with the same NHS number, with the reason, before making a new record', async () => {
    const lastName = unique()
    const existing = await createChild(t.database.db, { firstName: 'Maisie', lastName, nhsNumber: '9990000026' })
    const response = await worker.post('/children/new', await childForm({ lastName: unique(), nhsNumber: '9990000026' }))
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('There is already a record that may be this child')
    expect(response.body).toContain(`data-match="${existing}"`)
    expect(response.body).toContain('Same NHS number')
    expect(await countPeople(lastName)).toBe(1)
  })

  it('finds a similar name with the same date of birth, and the same address', async () => {
    const lastName = unique()
    const sameBirth = await createChild(t.database.db, { firstName: 'Isabelle', lastName, dateOfBirth: '2016-07-01' })
    const sameHome = await createChild(t.database.db, { firstName: 'Quentin', lastName: unique(), postcode: 'TN23 1AB' })
    const response = await worker.post('/children/new', await childForm({
      firstName: 'Isabel', lastName, ...parts('2016-07-01', 'dateOfBirth'), nhsNumber: '', addressLine1: '1 test street', addressPostcode: 'tn231ab',
    }))
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain(`data-match="${sameBirth}"`)
    expect(response.body).toContain('Similar name and same date of birth')
    expect(response.body).toContain(`data-match="${sameHome}"`)
    expect(response.body).toContain('Same address')
  })

  it('makes the new record when the user confirms none of them is the child, keeping every answer', async () => {
    const lastName = unique()
    await createChild(t.database.db, { firstName: 'Ava', lastName, dateOfBirth: '2015-03-12' })
    const warning = await worker.post('/children/new', await childForm({ lastName, nhsNumber: '', languages: 'English, Polish', disabilities: ['HEAR', 'VIS'] }))
    expect(warning.statusCode).toBe(200)
    const hidden = Object.fromEntries([...warning.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
      .filter(([, name]) => name !== '_csrf').reduce((all, [, name, value]) => {
        const existing = all.find(([n]) => n === name)
        if (existing) existing[1] = [existing[1]].flat().concat(value!)
        else all.push([name!, value!])
        return all
      }, [] as Array<[string, string | string[]]>))
    expect(hidden.confirmedNew).toBe('yes')
    const created = await worker.post('/children/new', hidden)
    expect(created.statusCode).toBe(303)
    const child = await t.database.db.selectFrom('people').selectAll().where('id', '=', childIdFrom(created.headers.location)).executeTakeFirstOrThrow()
    expect(child.languages).toEqual(['English', 'Polish'])
    expect(child.disabilities).toEqual(['HEAR', 'VIS'])
    expect(await countPeople(lastName)).toBe(2)
  })

  it('does not show a restricted record to someone not named on it, but says one may match', async () => {
    const lastName = unique()
    await createChild(t.database.db, { firstName: 'Hidden', lastName, nhsNumber: '9990000034', restricted: true })
    const response = await worker.post('/children/new', await childForm({ nhsNumber: '9990000034' }))
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('A restricted record may also match')
    expect(response.body).not.toContain(lastName)
  })
})

describe('changing a child’s details', () => {
  it('saves the change and appends child.details_changed naming the fields', async () => {
    const created = await worker.post('/children/new', await childForm({ lastName: unique(), nhsNumber: '' }))
    const childId = childIdFrom(created.headers.location)
    const form = await worker.get(`/children/${childId}/edit`)
    expect(form.body).toContain('value="Ava"')
    const values = { firstName: 'Ava', lastName: 'Renamed', otherNames: 'Evie', born: 'yes', ...parts('2015-03-12', 'dateOfBirth'), sex: 'F', ethnicity: 'WIRI', disabilities: 'NONE', upnUnknownReason: 'UN3' }
    const saved = await worker.post(`/children/${childId}/edit`, values)
    expect(saved.statusCode).toBe(303)
    const events = await t.database.db.selectFrom('child_events').select(['type', 'data']).where('child_id', '=', childId).orderBy('id').execute()
    expect(events.map((e) => e.type)).toEqual(['child.registered', 'child.details_changed'])
    expect(events[1]!.data).toEqual({ fields: ['last_name', 'other_names', 'ethnicity'] })
    const page = await worker.get(String(saved.headers.location))
    expect(page.body).toContain('Ava Renamed')
    expect(page.body).toContain('Evie')
  })

  it('keeps the answers and writes nothing when a change is invalid, or takes another child’s LA child ID', async () => {
    const childId = childIdFrom((await worker.post('/children/new', await childForm({ lastName: unique(), nhsNumber: '' }))).headers.location)
    await createChild(t.database.db, { laChildId: 'TAKEN-1' })
    const base = { firstName: 'Ava', lastName: 'Kept', born: 'yes', ...parts('2015-03-12', 'dateOfBirth'), sex: 'F', ethnicity: 'WBRI', upnUnknownReason: 'UN3' }
    const invalid = await worker.post(`/children/${childId}/edit`, { ...base, nhsNumber: '1234567890' })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.body).toContain('value="Kept"')
    const taken = await worker.post(`/children/${childId}/edit`, { ...base, laChildId: 'taken-1' })
    expect(taken.statusCode).toBe(400)
    expect(taken.body).toContain('Another child already has this LA child ID')
    const row = await t.database.db.selectFrom('people').select('last_name').where('id', '=', childId).executeTakeFirstOrThrow()
    expect(row.last_name).not.toBe('Kept')
    const events = await t.database.db.selectFrom('child_events').select('type').where('child_id', '=', childId).execute()
    expect(events).toHaveLength(1)
  })

  it('records a move and keeps the old address as history', async () => {
    const childId = childIdFrom((await worker.post('/children/new', await childForm({ lastName: unique(), nhsNumber: '' }))).headers.location)
    const missing = await worker.post(`/children/${childId}/address/new`, { addressLine1: '', addressPostcode: '' })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('Enter the first line of the address')
    const moved = await worker.post(`/children/${childId}/address/new`, { addressLine1: '3 Elm Close', addressPostcode: 'CT1 2AB', ...parts('2025-06-01', 'movedIn') })
    expect(moved.statusCode).toBe(303)
    const addresses = await t.database.db.selectFrom('addresses').selectAll().where('person_id', '=', childId).orderBy('moved_out').execute()
    expect(addresses.map((a) => [a.postcode, a.moved_out])).toEqual([['ME14 1XQ', '2025-06-01'], ['CT1 2AB', null]])
    const page = await worker.get(`/children/${childId}`)
    expect(page.body).toContain('Address history')
    expect(page.body).toContain('lives in CT1')
    const events = await t.database.db.selectFrom('child_events').select('type').where('child_id', '=', childId).execute()
    expect(events.map((e) => e.type)).toContain('child.moved')
  })
})

describe('the child’s page', () => {
  it('answers another authority’s child, a random id and a malformed id with “page not found”, and writes nothing', async () => {
    const other = await createOtherAuthority(t.database.db, '888')
    const theirs = await createChild(t.database.db, { laCode: other.laCode })
    for (const url of [`/children/${theirs}`, '/children/3f2504e0-4f89-41d3-9a0c-0305e82c3301', '/children/not-an-id', `/children/${theirs}/edit`]) {
      const response = await worker.get(url)
      expect(response.statusCode, url).toBe(404)
      expect(response.body).toContain('Page not found')
    }
    const post = await worker.post(`/children/${theirs}/edit`, { firstName: 'X', lastName: 'Y' })
    expect(post.statusCode).toBe(404)
    expect((await worker.post(`/children/${theirs}/people/new`, { formToken: crypto.randomUUID() })).statusCode).toBe(404)
    const row = await t.database.db.selectFrom('people').select('first_name').where('id', '=', theirs).executeTakeFirstOrThrow()
    expect(row.first_name).toBe('Test')
  })

  it('shows identity, alerts, the allocated worker, registered sections and deadlines with days left or overdue', async () => {
    addChildPageSection({ id: 'test-section', order: 150, template: 'modules/people/views/test-section.njk', load: async (_db, childId) => ({ note: `Section for ${childId.slice(0, 8)}` }) })
    addDeadlineProvider({
      id: 'test-deadlines',
      deadlines: async (_db, childIds, day) => childIds.flatMap((childId) => [
        { childId, ruleId: 'test', what: 'Review the plan', due: addDays(day, 5), href: `/children/${childId}` },
        { childId, ruleId: 'test', what: 'Visit the child', due: addDays(day, -2), href: `/children/${childId}` },
      ]),
    })
    const childId = await createChild(t.database.db, { firstName: 'Paged', lastName: unique(), restricted: true })
    await t.database.db.insertInto('restricted_access').values({ child_id: childId, user_id: await userId(t.database.db, 'social.worker') }).execute()
    await allocate(t.database.db, childId, 'social.worker')
    const page = await worker.get(`/children/${childId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Restricted')
    expect(page.body).toContain('No NHS number')
    expect(page.body).toContain('Sam Okafor')
    expect(page.body).toContain('Assessment and intervention')
    expect(page.body).toContain(`Section for ${childId.slice(0, 8)}`)
    expect(page.body).toContain('5 days left')
    expect(page.body).toContain('2 days overdue')
    expect(page.body.indexOf('Key people')).toBeLessThan(page.body.indexOf('Section for'))
    expect(page.body.indexOf('Section for')).toBeLessThan(page.body.indexOf('Review the plan'))
  })

  it('hides a restricted child from a worker not named on it', async () => {
    const childId = await createChild(t.database.db, { restricted: true })
    await allocate(t.database.db, childId, 'social.worker')
    expect((await worker.get(`/children/${childId}`)).statusCode).toBe(404)
  })

  it('lets a partner in only through an involvement, and only to read', async () => {
    const police = await signedIn(t.app, 'police')
    const childId = await createChild(t.database.db)
    expect((await police.get(`/children/${childId}`)).statusCode).toBe(403)
    const agency = await t.database.db.selectFrom('users').select('agency_id').where('id', '=', await userId(t.database.db, 'police')).executeTakeFirstOrThrow()
    await t.database.db.insertInto('involvements').values({ la_code: '886', child_id: childId, user_id: null, agency_id: agency.agency_id, kind: 'concern_raised', ended_at: null }).execute()
    const page = await police.get(`/children/${childId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toContain(`/children/${childId}/edit`)
    expect((await police.get(`/children/${childId}/edit`)).statusCode).toBe(403)
    expect((await police.get('/children/new')).statusCode).toBe(403)
  })
})
