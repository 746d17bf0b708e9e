// Visits and case notes: recorded once, on the event stream in the same transaction, refused with
// GOV.UK errors that keep what was typed, and drafts that survive a session time-out.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestApp, demoEmail, signedIn, type Agent, type TestApp } from '../../../../test/support/app.js'
import { allocate, createChild, createOtherAuthority } from '../../../../test/support/records.js'
import { demoPassword } from '../../../platform/seed/demo-authority.js'
import { addDays, todayInEngland, type LocalDate } from '../../../platform/working-days/local-date.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

const dateFields = (date: LocalDate) => ({ 'occurred-day': String(Number(date.slice(8))), 'occurred-month': String(Number(date.slice(5, 7))), 'occurred-year': date.slice(0, 4) })
const yesterday = () => addDays(todayInEngland(), -1)

const visit = (overrides: Record<string, string> = {}) => ({
  action: 'save', kind: 'visit', ...dateFields(yesterday()), visitType: 'child_protection', seen: 'yes', seenAlone: 'yes',
  othersPresent: 'Mother', body: 'Bedroom clean; child said school is going well.', formToken: randomUUID(), ...overrides,
})
const caseNote = (overrides: Record<string, string> = {}) => ({
  action: 'save', kind: 'note', ...dateFields(yesterday()), subject: 'Call with the school', body: 'Attendance is up to 96%.', formToken: randomUUID(), ...overrides,
})

async function workerWithChild(): Promise<{ child: string; worker: Agent }> {
  const child = await createChild(t.database.db)
  await allocate(t.database.db, child, 'social.worker')
  const worker = await signedIn(t.app, 'social.worker')
  await worker.get(`/children/${child}/notes/new`)
  return { child, worker }
}

const notesOf = (child: string) => t.database.db.selectFrom('case_notes').where('child_id', '=', child).selectAll().execute()
const eventsOf = (child: string) => t.database.db.selectFrom('child_events').where('child_id', '=', child).selectAll().orderBy('id').execute()
const draftOf = (child: string) => t.database.db.selectFrom('drafts').where('child_id', '=', child).selectAll().executeTakeFirst()

describe('recording a visit or a case note', () => {
  it('records a visit, appends visit.recorded for the day it happened and clears the draft', async () => {
    const { child, worker } = await workerWithChild()
    await worker.post(`/children/${child}/notes/new`, visit({ action: 'draft' }))
    expect(await draftOf(child)).toBeDefined()
    const response = await worker.post(`/children/${child}/notes/new`, visit())
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe(`/children/${child}/chronology?recorded=visit`)
    const [note] = await notesOf(child)
    expect(note).toMatchObject({ kind: 'visit', occurred_on: yesterday(), visit_type: 'child_protection', seen: true, seen_alone: true, others_present: 'Mother', significant: false })
    const [event] = await eventsOf(child)
    expect(event).toMatchObject({ type: 'visit.recorded', summary: 'Child protection visit: child seen alone', significant: false, data: { noteId: note!.id, seen: true, seenAlone: true } })
    expect(new Date(event!.occurred_at).toISOString().slice(0, 10) <= yesterday()).toBe(true)
    expect(await draftOf(child)).toBeUndefined()
    const audit = await t.database.db.selectFrom('audit_log').where('child_id', '=', child).where('action', '=', 'visit.recorded').selectAll().execute()
    expect(audit).toHaveLength(1)
    const page = await worker.get(response.headers.location as string)
    expect(page.body).toContain('Visit recorded.')
    expect(page.body).toContain('Child protection visit: child seen alone')
  })

  it('marks a visit where the child was not seen as significant, and a note the worker marks', async () => {
    const { child, worker } = await workerWithChild()
    await worker.post(`/children/${child}/notes/new`, visit({ visitType: 'statutory', seen: 'no', seenAlone: '' }))
    await worker.post(`/children/${child}/notes/new`, caseNote({ significant: 'yes', subject: 'Disclosure at school' }))
    const events = await eventsOf(child)
    expect(events.map((e) => [e.type, e.summary, e.significant])).toEqual([
      ['visit.recorded', 'Statutory visit: child not seen', true],
      ['note.recorded', 'Case note: Disclosure at school', true],
    ])
  })

  it('records a case note of 50,000 characters in full, and shows it with its line breaks', async () => {
    const { child, worker } = await workerWithChild()
    const long = `${'The child talked about home & school. '.repeat(1320)}\nNext: visit on Friday.`.slice(-50_000)
    expect(long).toHaveLength(50_000)
    const response = await worker.post(`/children/${child}/notes/new`, caseNote({ body: long }))
    expect(response.statusCode).toBe(303)
    const [note] = await notesOf(child)
    expect(note!.body).toBe(long.trim())
    const page = await worker.get(`/children/${child}/notes/${note!.id}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Case note: Call with the school')
    expect(page.body).toContain('home &amp; school. <br />\nNext: visit on Friday.')
    const chronology = await worker.get(`/children/${child}/chronology`)
    expect(chronology.body).toContain(`href="/children/${child}/notes/${note!.id}"`)
  })

  it('records a note once when the same form is sent twice, one after the other or at once', async () => {
    const { child, worker } = await workerWithChild()
    const form = caseNote()
    expect((await worker.post(`/children/${child}/notes/new`, form)).headers.location).toContain('recorded=note')
    expect((await worker.post(`/children/${child}/notes/new`, form)).headers.location).toContain('recorded=already')
    const twice = caseNote({ subject: 'Double click' })
    const responses = await Promise.all([worker.post(`/children/${child}/notes/new`, twice), worker.post(`/children/${child}/notes/new`, twice)])
    expect(responses.map((r) => r.statusCode)).toEqual([303, 303])
    expect((await notesOf(child)).map((n) => n.subject).sort()).toEqual(['Call with the school', 'Double click'])
    expect(await eventsOf(child)).toHaveLength(2)
  })

  it('gives each user their own form tokens: the same token from someone else is a different note', async () => {
    const { child, worker } = await workerWithChild()
    const manager = await signedIn(t.app, 'team.manager')
    await manager.get(`/children/${child}/notes/new`)
    const token = randomUUID()
    await worker.post(`/children/${child}/notes/new`, caseNote({ formToken: token }))
    await manager.post(`/children/${child}/notes/new`, caseNote({ formToken: token, subject: 'Supervision' }))
    expect(await notesOf(child)).toHaveLength(2)
  })
})

describe('a visit or note with problems', () => {
  const fieldError = (html: string, id: string) => new RegExp(`id="${id}-error"[^>]*>\\s*<span class="govuk-visually-hidden">Error:</span>([^<]*)`).exec(html)?.[1]?.trim()

  async function refused(child: string, worker: Agent, form: Record<string, string>) {
    const response = await worker.post(`/children/${child}/notes/new`, form)
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('There is a problem')
    expect(await notesOf(child)).toEqual([])
    expect(await eventsOf(child)).toEqual([])
    return response.body
  }

  it('asks for every missing answer', async () => {
    const { child, worker } = await workerWithChild()
    const body = await refused(child, worker, { action: 'save' })
    expect(fieldError(body, 'kind')).toBe('Select whether you are recording a visit or a case note')
    expect(fieldError(body, 'occurred')).toBe('Enter the date')
    expect(fieldError(body, 'body')).toBe('Enter the note')
    const visitBody = await refused(child, worker, { action: 'save', kind: 'visit' })
    expect(fieldError(visitBody, 'visitType')).toBe('Select the type of visit')
    expect(fieldError(visitBody, 'seen')).toBe('Select whether the child was seen')
    expect(fieldError(visitBody, 'occurred')).toBe('Enter the date of the visit')
    expect(fieldError(visitBody, 'body')).toBe('Enter your observations')
    expect(fieldError(await refused(child, worker, caseNote({ subject: '  ' })), 'subject')).toBe('Enter a subject')
    expect(fieldError(await refused(child, worker, visit({ seenAlone: '' })), 'seenAlone')).toBe('Select whether the child was seen alone')
  })

  it('refuses a visit in the future and "seen alone" without "seen", keeping every answer', async () => {
    const { child, worker } = await workerWithChild()
    const tomorrow = addDays(todayInEngland(), 1)
    const body = await refused(child, worker, visit({ ...dateFields(tomorrow), seen: 'no', seenAlone: 'yes', othersPresent: 'Grandad "Joe" <b>', body: 'Line one\nLine two' }))
    expect(fieldError(body, 'occurred')).toBe('The date of the visit must be today or in the past')
    expect(fieldError(body, 'seenAlone')).toBe('The child cannot have been seen alone if they were not seen')
    expect(body).toContain('href="#occurred-day"')
    expect(body).toContain('value="Grandad &quot;Joe&quot; &lt;b&gt;"')
    expect(body).toContain(`value="${Number(tomorrow.slice(8))}"`)
    expect(body).toMatch(/name="visitType"[\s\S]*?<option value="child_protection" selected>/)
    expect(body).toMatch(/value="no" checked/)
    expect(body).toContain('Line one\nLine two</textarea>')
    // What was typed is kept as a draft too, so it is there after a time-out.
    expect((await draftOf(child))?.answers).toMatchObject({ othersPresent: 'Grandad "Joe" <b>', seenAlone: 'yes' })
  })

  it('refuses dates that are not real, unknown visit types, over-long answers and odd tokens without a 500', async () => {
    const { child, worker } = await workerWithChild()
    expect(fieldError(await refused(child, worker, visit({ 'occurred-day': '31', 'occurred-month': '2' })), 'occurred')).toBe('The date of the visit must be a real date')
    expect(fieldError(await refused(child, worker, visit({ visitType: 'tea_party' })), 'visitType')).toBe('Select the type of visit')
    expect(fieldError(await refused(child, worker, caseNote({ subject: 'x'.repeat(201) })), 'subject')).toBe('Subject must be 200 characters or fewer')
    expect(fieldError(await refused(child, worker, caseNote({ body: 'x'.repeat(100_001) })), 'body')).toBe('The note must be 100,000 characters or fewer')
    expect(fieldError(await refused(child, worker, visit({ othersPresent: 'x'.repeat(501) })), 'othersPresent')).toBe('Who else was present must be 500 characters or fewer')
    expect((await worker.post(`/children/${child}/notes/new`, caseNote({ formToken: `'; drop table case_notes; --${'x'.repeat(100)}` }))).statusCode).toBe(303)
    expect(await notesOf(child)).toHaveLength(1)
  })
})

describe('drafts', () => {
  it('keeps a 50,000 character draft through a session time-out and restores it after signing in again', async () => {
    const { child, worker } = await workerWithChild()
    const long = 'The child talked about home. '.repeat(1725).slice(0, 50_000)
    const saved = await worker.post(`/children/${child}/notes/new`, visit({ action: 'draft', body: long, othersPresent: 'Aunt' }))
    expect(saved.headers.location).toBe(`/children/${child}/notes/new?draft=saved`)
    const savedPage = await worker.get(saved.headers.location as string)
    expect(savedPage.body).toContain('Draft saved.')
    expect(savedPage.body).toContain('Kindred signs you out after 30 minutes without activity.')
    expect(await notesOf(child)).toEqual([])

    await sql`update sessions set last_seen_at = now() - interval '2 hours'`.execute(t.database.db)
    const expired = await worker.get(`/children/${child}/notes/new`)
    expect(expired.statusCode).toBe(302)
    const signInPage = new URL(expired.headers.location as string, 'http://kindred.test')
    expect(signInPage.searchParams.get('timedOut')).toBe('true')
    await worker.get(`${signInPage.pathname}${signInPage.search}`)
    const signIn = await worker.post('/sign-in', { email: demoEmail('social.worker'), password: demoPassword, returnTo: signInPage.searchParams.get('returnTo')! })
    expect(signIn.headers.location).toBe(`/children/${child}/notes/new`)
    const restored = await worker.get(signIn.headers.location as string)
    expect(restored.body).toContain('has been restored')
    expect(restored.body).toContain(`>${long}</textarea>`)
    expect(restored.body).toContain('value="Aunt"')
    // Saving the restored draft records it and the draft is gone.
    await worker.post(`/children/${child}/notes/new`, visit({ body: long }))
    expect((await notesOf(child))[0]!.body).toBe(long.trim())
    expect(await draftOf(child)).toBeUndefined()
  })

  it('autosaves through its own endpoint with the CSRF token, and refuses it without', async () => {
    const { child, worker } = await workerWithChild()
    const response = await worker.post(`/children/${child}/notes/draft`, { kind: 'note', subject: 'Typed so far', body: 'Half a sentence', unknownField: 'dropped' })
    expect(response.statusCode).toBe(200)
    expect(new Date(JSON.parse(response.body).savedAt).getTime()).not.toBeNaN()
    expect((await draftOf(child))?.answers).toMatchObject({ kind: 'note', subject: 'Typed so far', body: 'Half a sentence' })
    expect((await draftOf(child))?.answers).not.toHaveProperty('unknownField')
    expect((await worker.post(`/children/${child}/notes/draft`, { _csrf: 'wrong', body: 'Replaced' })).statusCode).toBe(403)
    expect((await draftOf(child))?.answers).toMatchObject({ body: 'Half a sentence' })
  })

  it('is the writer’s own: another user does not see it, and the writer can delete it', async () => {
    const { child, worker } = await workerWithChild()
    await worker.post(`/children/${child}/notes/new`, caseNote({ action: 'draft', body: 'Private working' }))
    const manager = await signedIn(t.app, 'team.manager')
    expect((await manager.get(`/children/${child}/notes/new`)).body).not.toContain('Private working')
    expect((await worker.get(`/children/${child}/notes/new`)).body).toContain('Private working')
    const deleted = await worker.post(`/children/${child}/notes/new`, { action: 'discard' })
    expect(deleted.headers.location).toBe(`/children/${child}/notes/new?draft=discarded`)
    expect(await draftOf(child)).toBeUndefined()
    expect((await worker.get(deleted.headers.location as string)).body).toContain('Your draft was deleted.')
  })
})

describe('who records notes', () => {
  it('is "page not found" for another authority’s child or a random id, writing nothing', async () => {
    const { laCode } = await createOtherAuthority(t.database.db, '888')
    const theirs = await createChild(t.database.db, { laCode })
    const { worker } = await workerWithChild()
    for (const id of [theirs, randomUUID(), 'nonsense']) {
      expect((await worker.get(`/children/${id}/notes/new`)).statusCode).toBe(404)
      expect((await worker.post(`/children/${id}/notes/new`, visit())).statusCode).toBe(404)
      expect((await worker.post(`/children/${id}/notes/new`, visit({ action: 'draft' }))).statusCode).toBe(404)
      expect((await worker.post(`/children/${id}/notes/draft`, visit())).statusCode).toBe(404)
    }
    expect(await notesOf(theirs)).toEqual([])
    expect(await draftOf(theirs)).toBeUndefined()
  })

  it('is for those working the child’s case; partners and other children’s workers are refused', async () => {
    const { child, worker } = await workerWithChild()
    await worker.post(`/children/${child}/notes/new`, caseNote())
    const [note] = await notesOf(child)
    const police = await signedIn(t.app, 'police')
    expect((await police.get(`/children/${child}/notes/new`)).statusCode).toBe(403)
    const other = await createChild(t.database.db)
    expect((await worker.get(`/children/${other}/notes/new`)).statusCode).toBe(403)
    expect((await worker.get(`/children/${other}/notes/${note!.id}`)).statusCode).toBe(403)
    await allocate(t.database.db, other, 'social.worker')
    // A note is read only under its own child.
    expect((await worker.get(`/children/${other}/notes/${note!.id}`)).statusCode).toBe(404)
    for (const id of ['not-a-note', '-'.repeat(36), '00000000-0000-0000-0000-000000000000']) expect((await worker.get(`/children/${child}/notes/${id}`)).statusCode).toBe(404)
  })
})
