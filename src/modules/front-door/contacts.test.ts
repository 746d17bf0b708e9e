// Recording a contact: about a known child or a new one, in one transaction with its event; bad
// answers explained next to the field with nothing written; a form sent twice records once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { createChild, createOtherAuthority } from '../../../test/support/records.js'
import { addDays, todayInEngland } from '../../platform/working-days/local-date.js'
import { concernForm } from '../multi-agency/test-fixtures.js'
import { contactForm, dateFields } from './test-fixtures.js'

let t: TestApp
let door: Agent
beforeAll(async () => {
  t = await createTestApp()
  door = await signedIn(t.app, 'front.door')
})
afterAll(async () => { await t.close() })

const contactsOf = (childId: string) => t.database.db.selectFrom('contacts').where('child_id', '=', childId).selectAll().execute()
const eventsOf = (childId: string) => t.database.db.selectFrom('child_events').where('child_id', '=', childId).selectAll().execute()

describe('recording a contact about a known child', () => {
  it('records who, when, the concern, the household and consent, with contact.recorded on the child’s stream', async () => {
    const child = await createChild(t.database.db, { firstName: 'Amelia', lastName: 'Known' })
    await door.get(`/children/${child}/contacts/new`)
    const response = await door.post(`/children/${child}/contacts/new`, contactForm({ consent: 'refused', consentNote: 'Mother said no' }))
    expect(response.statusCode).toBe(303)
    const [contact] = await contactsOf(child)
    expect(response.headers.location).toBe(`/front-door/contacts/${contact!.id}`)
    expect(contact).toMatchObject({
      la_code: '886', referrer_name: 'Ms Head', referrer_role: 'Designated safeguarding lead', referrer_organisation: 'Riverside Primary',
      referral_source: '2A', household: 'Mother, stepfather and a baby brother', consent: 'refused', consent_note: 'Mother said no', decision: null,
    })
    expect(todayInEngland(new Date(contact!.received_at))).toBe(addDays(todayInEngland(), -1))
    const events = await eventsOf(child)
    expect(events.map((e) => e.type)).toEqual(['contact.recorded'])
    expect(events[0]!.summary).toBe('Contact from schools (Riverside Primary)')
    const page = await door.get(`/front-door/contacts/${contact!.id}`)
    expect(page.body).toContain('Mother, stepfather and a baby brother')
    expect(page.body).toContain('No, the family refused: Mother said no')
  })

  it('takes consent not sought when asking would put the child at risk, with the reason', async () => {
    const child = await createChild(t.database.db)
    await door.get(`/children/${child}/contacts/new`)
    const missingReason = await door.post(`/children/${child}/contacts/new`, contactForm({ consent: 'not_sought' }))
    expect(missingReason.statusCode).toBe(400)
    expect(missingReason.body).toContain('Enter why asking would put the child at risk')
    await door.post(`/children/${child}/contacts/new`, contactForm({ consent: 'not_sought', consentNote: 'Father is the alleged abuser' }))
    expect((await contactsOf(child))[0]).toMatchObject({ consent: 'not_sought', consent_note: 'Father is the alleged abuser' })
  })

  it('explains every missing answer next to its field, keeping what was typed and writing nothing', async () => {
    const child = await createChild(t.database.db)
    await door.get(`/children/${child}/contacts/new`)
    const response = await door.post(`/children/${child}/contacts/new`, {
      formToken: '', 'received-day': '', 'received-month': '', 'received-year': '', receivedTime: '', referrerName: '', referralSource: '',
      concern: '', referrerOrganisation: 'Typed and kept',
    })
    expect(response.statusCode).toBe(400)
    for (const [field, message] of [
      ['received-day', 'Enter the date the contact was received'], ['receivedTime', 'Enter the time the contact was received'],
      ['referrerName', 'Enter the name of the person who made contact, or ‘Anonymous’'], ['referralSource', 'Select who the referrer is'],
      ['concern', 'Enter the concern'], ['consent', 'Select whether the family agreed to the contact being made'],
    ] as Array<[string, string]>) {
      expect(response.body).toContain(`href="#${field}">${message}`)
      // A date's message belongs to the whole date input (`received-error`); its summary link goes to the day box.
      expect(response.body).toMatch(new RegExp(`id="${field.replace(/-day$/, '')}-error"[\\s\\S]*?${message}`))
    }
    expect(response.body).toContain('value="Typed and kept"')
    expect(await contactsOf(child)).toEqual([])
    expect(await eventsOf(child)).toEqual([])
  })

  it('refuses a received time in the future and an unknown referral source', async () => {
    const child = await createChild(t.database.db)
    await door.get(`/children/${child}/contacts/new`)
    const nextYear = String(Number(todayInEngland().slice(0, 4)) + 1)
    const future = await door.post(`/children/${child}/contacts/new`, contactForm({ 'received-year': nextYear, referralSource: '2Z', receivedTime: '25:99' }))
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('Enter the time as, for example, 14:30 or 2:30pm')
    expect(future.body).toContain('Select who the referrer is from the list')
    const later = await door.post(`/children/${child}/contacts/new`, contactForm({ ...dateFields('received', addDays(todayInEngland(), 1)) }))
    expect(later.body).toContain('The date the contact was received must be today or in the past')
    expect(later.body).toContain('value="Ms Head"')
    expect(await contactsOf(child)).toEqual([])
  })

  it('records one contact when the same form arrives twice at once', async () => {
    const child = await createChild(t.database.db)
    await door.get(`/children/${child}/contacts/new`)
    const form = contactForm()
    const [a, b] = await Promise.all([door.post(`/children/${child}/contacts/new`, form), door.post(`/children/${child}/contacts/new`, form)])
    expect([a.statusCode, b.statusCode]).toEqual([303, 303])
    expect(a.headers.location).toBe(b.headers.location)
    expect(await contactsOf(child)).toHaveLength(1)
    expect((await eventsOf(child)).filter((e) => e.type === 'contact.recorded')).toHaveLength(1)
  })

  it('answers 404 for a child of another authority or a made-up id, recording nothing', async () => {
    const other = await createOtherAuthority(t.database.db, '881')
    const theirs = await createChild(t.database.db, { laCode: other.laCode })
    await door.get('/front-door')
    expect((await door.post(`/children/${theirs}/contacts/new`, contactForm())).statusCode).toBe(404)
    expect((await door.post('/children/not-a-child/contacts/new', contactForm())).statusCode).toBe(404)
    expect(await contactsOf(theirs)).toEqual([])
  })

  it('is not how partners raise concerns: they use the partner portal, and never name a child by id', async () => {
    const child = await createChild(t.database.db, { nhsNumber: '9990000069' })
    const school = await signedIn(t.app, 'school.dsl')
    expect((await school.get(`/children/${child}/contacts/new`)).statusCode).toBe(403)
    await school.get('/partner/concerns/new')
    expect((await school.post('/partner/concerns/new', concernForm({ childNhsNumber: '9990000069' }))).statusCode).toBe(303)
    expect(await contactsOf(child)).toHaveLength(1)
    expect((await school.get(`/children/${child}`)).statusCode).toBe(200)
    expect((await school.get('/front-door')).statusCode).toBe(403)
  })
})

describe('recording a contact about a child the front door does not know', () => {
  it('finds known children by name within the authority only', async () => {
    await createChild(t.database.db, { firstName: 'Zebedee', lastName: 'Findable', dateOfBirth: '2016-02-03' })
    const other = await createOtherAuthority(t.database.db, '882')
    await createChild(t.database.db, { laCode: other.laCode, firstName: 'Zebedee', lastName: 'Findable' })
    const found = await door.get('/front-door/contacts/new?q=Zebedee+Findable')
    expect(found.statusCode).toBe(200)
    expect(found.body).toContain('1 child found')
    expect(found.body).toContain('Record a contact about Zebedee Findable')
    expect(found.body).toContain('href="/front-door/contacts/new/child"')
    const empty = await door.get('/front-door/contacts/new?q=')
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('Enter the child’s name, date of birth or NHS number')
  })

  it('records the new child and the contact together', async () => {
    await door.get('/front-door/contacts/new/child')
    const response = await door.post('/front-door/contacts/new/child', contactForm({ childFirstName: 'Newton', childLastName: 'Unknown', ...dateFields('childDob', '2019-07-01') }))
    expect(response.statusCode).toBe(303)
    const child = await t.database.db.selectFrom('people').where('first_name', '=', 'Newton').where('last_name', '=', 'Unknown').selectAll().executeTakeFirstOrThrow()
    expect(child).toMatchObject({ la_code: '886', is_child: true, date_of_birth: '2019-07-01' })
    const [contact] = await contactsOf(child.id)
    expect(response.headers.location).toBe(`/front-door/contacts/${contact!.id}`)
    expect((await eventsOf(child.id)).map((e) => e.type).sort()).toEqual(['child.registered', 'contact.recorded'])
  })

  it('asks for the child’s name and a real, past date of birth, and records neither child nor contact until they are right', async () => {
    await door.get('/front-door/contacts/new/child')
    const before = await t.database.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    const response = await door.post('/front-door/contacts/new/child', contactForm({ childFirstName: '', childLastName: 'Kept', ...dateFields('childDob', addDays(todayInEngland(), 3)) }))
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Enter the child’s first name')
    expect(response.body).toContain('The child’s date of birth must be today or in the past')
    expect(response.body).toContain('value="Kept"')
    const adult = await door.post('/front-door/contacts/new/child', contactForm({ childFirstName: 'Grown', childLastName: 'Up', ...dateFields('childDob', '1990-01-01') }))
    expect(adult.body).toContain('The child must be under 18')
    const after = await t.database.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  it('records one child and one contact when the form is sent twice at once', async () => {
    await door.get('/front-door/contacts/new/child')
    const form = contactForm({ childFirstName: 'Twice', childLastName: 'Clicked', ...dateFields('childDob', '2020-01-01') })
    const [a, b] = await Promise.all([door.post('/front-door/contacts/new/child', form), door.post('/front-door/contacts/new/child', form)])
    expect(a.headers.location).toBe(b.headers.location)
    expect(await t.database.db.selectFrom('people').where('first_name', '=', 'Twice').where('last_name', '=', 'Clicked').selectAll().execute()).toHaveLength(1)
  })

  it('is for the front door: a social worker may not record a new child this way', async () => {
    const worker = await signedIn(t.app, 'social.worker')
    expect((await worker.get('/front-door/contacts/new/child')).statusCode).toBe(403)
  })
})
