// The family network through the real app: relationships stored once and read from both sides, the
// person's page, adding a sibling who shares the family, the duplicate warning for people, and the diagrams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { createChild } from '../../../test/support/records.js'

let t: TestApp
let worker: Agent
beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
})
afterAll(async () => { await t?.close() })

const surname = () => Array.from({ length: 8 }, (_, i) => 'bcdfghjklmnprstvwz'[Math.floor(Math.random() * 18)]! + (i % 2 ? 'o' : '')).join('').replace(/^./, (c) => c.toUpperCase())
const tokenFrom = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1]!
const childIdFrom = (location: unknown) => /\/children\/([0-9a-f-]{36})/.exec(String(location))![1]!

let house = 0

/** A child the worker recorded (so they are linked to it), living at a known address. */
async function recordChild(lastName: string, extra: Record<string, string> = {}): Promise<string> {
  const page = await worker.get('/children/new')
  // A date of birth of its own, so no child here is a likely duplicate of another (which would stop at the warning).
  house += 1
  const response = await worker.post('/children/new', {
    formToken: tokenFrom(page.body), firstName: 'Rosa', lastName, born: 'yes',
    'dateOfBirth-day': String((house % 28) + 1), 'dateOfBirth-month': String((Math.floor(house / 28) % 12) + 1), 'dateOfBirth-year': '2017',
    sex: 'F', ethnicity: 'WBRI', upnUnknownReason: 'UN1', addressLine1: `${house} Mill Lane`, addressPostcode: 'CT20 1AA', ...extra,
  })
  expect(response.statusCode).toBe(303)
  return childIdFrom(response.headers.location)
}

async function addPerson(childId: string, fields: Record<string, string | string[]>) {
  const page = await worker.get(`/children/${childId}/people/new`)
  return worker.post(`/children/${childId}/people/new`, { formToken: tokenFrom(page.body), ...fields })
}

describe('adding people to a child’s network', () => {
  it('stores the relationship once and shows it from both sides', async () => {
    const lastName = surname()
    const childId = await recordChild(lastName)
    const added = await addPerson(childId, { relationshipType: 'mother', flags: ['parentalResponsibility', 'livesWith'], firstName: 'Jade', lastName, sex: 'F' })
    expect(added.statusCode).toBe(303)
    const rows = await t.database.db.selectFrom('relationships').selectAll().where('related_person_id', '=', childId).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ type: 'mother', parental_responsibility: true, lives_with: true, possible_carer: false })
    const motherId = rows[0]!.person_id

    const childPage = await worker.get(String(added.headers.location))
    expect(childPage.body).toContain('The person has been added to the network')
    const keyPeople = childPage.body.slice(childPage.body.indexOf('id="key-people"'), childPage.body.indexOf('id="allocated-worker"'))
    expect(keyPeople).toContain(`Jade ${lastName}`)
    expect(keyPeople).toContain('Mother')
    expect(keyPeople).toContain('Parental responsibility, Lives with Rosa')

    const motherPage = await worker.get(`/children/${childId}/people/${motherId}`)
    expect(motherPage.statusCode).toBe(200)
    expect(motherPage.body).toContain(`Jade ${lastName}`)
    const relationshipsTable = motherPage.body.slice(motherPage.body.indexOf('Their relationships'))
    expect(relationshipsTable).toContain(`Rosa ${lastName}`)
    expect(relationshipsTable).toMatch(/<td class="govuk-table__cell">\s*Child\s*<\/td>/)

    const events = await t.database.db.selectFrom('child_events').select(['type', 'summary']).where('child_id', '=', childId).execute()
    expect(events.map((e) => e.type)).toEqual(['child.registered', 'network.person_added'])
    expect(events[1]!.summary).toContain('recorded as mother (has parental responsibility, lives with the child)')
  })

  it('makes one person when the form is sent twice', async () => {
    const childId = await recordChild(surname())
    const page = await worker.get(`/children/${childId}/people/new`)
    const form = { formToken: tokenFrom(page.body), relationshipType: 'father', firstName: 'Twice', lastName: surname() }
    const responses = [await worker.post(`/children/${childId}/people/new`, form), await worker.post(`/children/${childId}/people/new`, form)]
    expect(responses.map((r) => r.statusCode)).toEqual([303, 303])
    expect(await t.database.db.selectFrom('people').select('id').where('last_name', '=', form.lastName).execute()).toHaveLength(1)
    expect(await t.database.db.selectFrom('relationships').select('id').where('related_person_id', '=', childId).execute()).toHaveLength(1)
  })

  it('keeps what was typed and writes nothing when the person form has problems', async () => {
    const childId = await recordChild(surname())
    const response = await addPerson(childId, { relationshipType: '', firstName: '', lastName: 'Keep', nhsNumber: '123', 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2999' })
    expect(response.statusCode).toBe(400)
    for (const message of ['Select how they are related to the child', 'Enter their first name', 'NHS number must be 10 digits', 'Date of birth must be today or in the past']) {
      expect(response.body).toContain(message)
    }
    expect(response.body).toContain('value="Keep"')
    expect(await t.database.db.selectFrom('relationships').select('id').where('related_person_id', '=', childId).execute()).toEqual([])
  })

  it('warns about an adult already on record and links that record instead of making another', async () => {
    const lastName = surname()
    const first = await recordChild(lastName)
    await addPerson(first, { relationshipType: 'father', firstName: 'Dean', lastName, nhsNumber: '9990000042' })
    const second = await recordChild(surname())
    const warning = await addPerson(second, { relationshipType: 'father', flags: 'parentalResponsibility', firstName: 'Deano', lastName: surname(), nhsNumber: '999 000 0042' })
    expect(warning.statusCode).toBe(200)
    expect(warning.body).toContain('There is already a record that may be this person')
    expect(warning.body).toContain('Same NHS number')
    const dean = await t.database.db.selectFrom('people').select('id').where('nhs_number', '=', '9990000042').executeTakeFirstOrThrow()
    const linked = await worker.post(`/children/${second}/people/link`, { personId: dean.id, relationshipType: 'father', flags: 'parentalResponsibility' })
    expect(linked.statusCode).toBe(303)
    expect(await t.database.db.selectFrom('people').select('id').where('nhs_number', '=', '9990000042').execute()).toHaveLength(1)
    const again = await worker.post(`/children/${second}/people/link`, { personId: dean.id, relationshipType: 'father' })
    expect(again.headers.location).toContain('recorded=already-linked')
    const relationships = await t.database.db.selectFrom('relationships').selectAll().where('person_id', '=', dean.id).execute()
    expect(relationships.map((r) => r.related_person_id).sort()).toEqual([first, second].sort())
    const page = await worker.get(`/children/${first}/people/${dean.id}`)
    expect(page.body).toContain('Their relationships')
    expect((page.body.match(/>\s*Child\s*</g) ?? []).length).toBe(2)
  })

  it('refuses to link a restricted child, or someone from outside the authority, through a crafted form', async () => {
    const childId = await recordChild(surname())
    const restricted = await createChild(t.database.db, { restricted: true })
    expect((await worker.post(`/children/${childId}/people/link`, { personId: restricted, relationshipType: 'sibling' })).statusCode).toBe(404)
    expect((await worker.post(`/children/${childId}/people/link`, { personId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', relationshipType: 'sibling' })).statusCode).toBe(404)
    expect((await worker.post(`/children/${childId}/people/link`, { personId: 'nonsense', relationshipType: 'sibling' })).statusCode).toBe(400)
  })

  it('shows a person only through a child whose network they are in', async () => {
    const a = await recordChild(surname())
    const b = await recordChild(surname())
    await addPerson(a, { relationshipType: 'aunt_uncle', firstName: 'Lena', lastName: surname() })
    const lena = (await t.database.db.selectFrom('relationships').select('person_id').where('related_person_id', '=', a).executeTakeFirstOrThrow()).person_id
    expect((await worker.get(`/children/${a}/people/${lena}`)).statusCode).toBe(200)
    expect((await worker.get(`/children/${b}/people/${lena}`)).statusCode).toBe(404)
    expect((await worker.post(`/children/${b}/people/${lena}/edit`, { firstName: 'X', lastName: 'Y' })).statusCode).toBe(404)
  })

  it('changes a person’s details and tells every child they are related to', async () => {
    const lastName = surname()
    const a = await recordChild(lastName)
    await addPerson(a, { relationshipType: 'grandparent', firstName: 'Maud', lastName, sex: 'F' })
    const maud = (await t.database.db.selectFrom('relationships').select('person_id').where('related_person_id', '=', a).executeTakeFirstOrThrow()).person_id
    const b = await recordChild(surname())
    await worker.post(`/children/${b}/people/link`, { personId: maud, relationshipType: 'grandparent' })
    const saved = await worker.post(`/children/${a}/people/${maud}/edit`, { firstName: 'Maud', lastName, sex: 'F', occupation: 'Retired nurse' })
    expect(saved.statusCode).toBe(303)
    for (const childId of [a, b]) {
      const events = await t.database.db.selectFrom('child_events').select('type').where('child_id', '=', childId).execute()
      expect(events.map((e) => e.type)).toContain('network.person_changed')
    }
  })

  it('changes a relationship’s type and flags from the child’s page', async () => {
    const childId = await recordChild(surname())
    await addPerson(childId, { relationshipType: 'friend', firstName: 'Nan', lastName: surname() })
    const row = await t.database.db.selectFrom('relationships').select('id').where('related_person_id', '=', childId).executeTakeFirstOrThrow()
    const form = await worker.get(`/children/${childId}/relationships/${row.id}`)
    expect(form.statusCode).toBe(200)
    const saved = await worker.post(`/children/${childId}/relationships/${row.id}`, { relationshipType: 'kinship_carer', flags: ['possibleCarer', 'livesWith'] })
    expect(saved.statusCode).toBe(303)
    const changed = await t.database.db.selectFrom('relationships').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()
    expect(changed).toMatchObject({ type: 'kinship_carer', possible_carer: true, lives_with: true, parental_responsibility: false })
    const bad = await worker.post(`/children/${childId}/relationships/${row.id}`, { relationshipType: 'nemesis' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Select how they are related to the child')
  })
})

describe('adding a brother or sister', () => {
  it('creates the new child linked to the same parents and address, without retyping them', async () => {
    const lastName = surname()
    const older = await recordChild(lastName)
    await addPerson(older, { relationshipType: 'mother', flags: ['parentalResponsibility', 'livesWith'], firstName: 'Tara', lastName, sex: 'F' })
    await addPerson(older, { relationshipType: 'father', flags: 'parentalResponsibility', firstName: 'Owen', lastName, sex: 'M' })
    await addPerson(older, { relationshipType: 'professional', firstName: 'Pat', lastName: surname(), occupation: 'School nurse' })

    const form = await worker.get(`/children/${older}/siblings/new`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain(`Tara ${lastName} – Mother`)
    const relationships = await t.database.db.selectFrom('relationships').selectAll().where('related_person_id', '=', older).execute()
    const mother = relationships.find((r) => r.type === 'mother')!
    const father = relationships.find((r) => r.type === 'father')!
    expect(form.body).toMatch(new RegExp(`value="${mother.id}" checked`))
    expect(form.body).not.toMatch(new RegExp(`value="${relationships.find((r) => r.type === 'professional')!.id}" checked`))

    const missing = await worker.post(`/children/${older}/siblings/new`, { formToken: tokenFrom(form.body), share: mother.id, shareAddress: 'yes' })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain(`Select how they are related to Rosa ${lastName}`)
    expect(missing.body).toMatch(new RegExp(`value="${mother.id}" checked`))

    const created = await worker.post(`/children/${older}/siblings/new`, {
      formToken: tokenFrom(form.body), share: [mother.id, father.id], shareAddress: 'yes', siblingType: 'sibling',
      firstName: 'Milo', lastName, born: 'yes', 'dateOfBirth-day': '9', 'dateOfBirth-month': '9', 'dateOfBirth-year': '2020', sex: 'M', ethnicity: 'WBRI', upnUnknownReason: 'UN1',
    })
    expect(created.statusCode).toBe(303)
    const younger = childIdFrom(created.headers.location)
    const theirs = await t.database.db.selectFrom('relationships').selectAll()
      .where((eb) => eb.or([eb('related_person_id', '=', younger), eb('person_id', '=', younger)])).execute()
    expect(theirs.map((r) => [r.person_id, r.type]).sort()).toEqual([[mother.person_id, 'mother'], [father.person_id, 'father'], [older, 'sibling']].sort())
    expect(theirs.find((r) => r.type === 'mother')).toMatchObject({ parental_responsibility: true, lives_with: true })
    const [olderHome, youngerHome] = await Promise.all([older, younger].map((id) =>
      t.database.db.selectFrom('addresses').select(['line1', 'postcode']).where('person_id', '=', id).executeTakeFirstOrThrow()))
    expect(youngerHome).toEqual(olderHome)

    const page = await worker.get(`/children/${younger}`)
    expect(page.body).toContain(`Tara ${lastName}`)
    expect(page.body).toContain(`Rosa ${lastName}`)
    const olderEvents = await t.database.db.selectFrom('child_events').select('type').where('child_id', '=', older).execute()
    expect(olderEvents.map((e) => e.type)).toContain('network.sibling_added')
  })
})

describe('the genogram and ecomap', () => {
  it('draws both as accessible images with a title and description, and lists the same people in a table', async () => {
    const lastName = surname()
    const childId = await recordChild(lastName)
    await addPerson(childId, { relationshipType: 'mother', flags: 'livesWith', firstName: 'Ivy', lastName, sex: 'F' })
    await addPerson(childId, { relationshipType: 'grandparent', flags: 'possibleCarer', firstName: 'Bert', lastName, sex: 'M' })
    await addPerson(childId, { relationshipType: 'professional', firstName: 'Gita', lastName: surname(), occupation: 'Health visitor' })
    const page = await worker.get(`/children/${childId}`)
    for (const id of ['genogram', 'ecomap']) {
      const svg = new RegExp(`<svg[^>]*id="${id}"[^>]*>([\\s\\S]*?)</svg>`).exec(page.body)
      expect(svg, id).not.toBeNull()
      expect(svg![0]).toContain('role="img"')
      expect(svg![0]).toContain(`aria-labelledby="${id}-title ${id}-desc"`)
      expect(svg![1]).toContain(`<title id="${id}-title">`)
      expect(svg![1]).toContain(`Ivy ${lastName} (mother)`)
    }
    const genogram = /<svg[^>]*id="genogram"[\s\S]*?<\/svg>/.exec(page.body)![0]
    expect(genogram).toContain(`Bert ${lastName}`)
    expect(genogram).not.toContain('Gita')
    const ecomap = /<svg[^>]*id="ecomap"[\s\S]*?<\/svg>/.exec(page.body)![0]
    expect(ecomap).toContain('Lives with Ivy')
    expect(ecomap).toContain('stroke-dasharray')
    const table = page.body.slice(page.body.indexOf('Everyone in Rosa’s network'))
    for (const name of [`Ivy ${lastName}`, `Bert ${lastName}`, 'Gita']) expect(table).toContain(name)
  })

  it('escapes names in the diagrams', async () => {
    const childId = await recordChild(surname())
    await addPerson(childId, { relationshipType: 'friend', firstName: 'O’Neil & Co', lastName: 'Smith-Jones' })
    const page = await worker.get(`/children/${childId}`)
    expect(page.body).toContain('O’Neil &amp; Co Smith-Jones')
    expect(page.body).not.toContain('O’Neil & Co')
  })
})
