// The chronology: a read of the child's event stream, newest first, filtered by a plain GET, printable,
// as CSV that a spreadsheet cannot run, and the child's page's latest events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../../test/support/app.js'
import { allocate, createChild, createOtherAuthority, userId } from '../../../../test/support/records.js'
import { appendChildEvent } from '../../../platform/events/child-events.js'
import { addChronologyLabel, eventGroup, groupKey } from './event-labels.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

async function event(childId: string, type: string, occurredAt: string, summary: string, significant = false, laCode = '886') {
  await appendChildEvent(t.database.db, { laCode, childId, type, occurredAt, recordedBy: await userId(t.database.db, 'social.worker'), summary, significant })
}

/** The summaries on the page's timeline, in order. */
const timeline = (html: string) => [...html.matchAll(/<h2 class="moj-timeline__title">([\s\S]*?)<\/h2>/g)]
  .map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim())

async function childWithHistory() {
  const child = await createChild(t.database.db)
  await allocate(t.database.db, child, 'social.worker')
  await event(child, 'contact.recorded', '2026-03-02T09:15:00Z', 'Contact from the school')
  await event(child, 'contact.decided', '2026-03-03T11:00:00Z', 'Decided: referral to children’s social care', true)
  await event(child, 'referral.opened', '2026-03-03T11:00:01Z', 'Referral opened')
  await event(child, 'visit.recorded', '2026-03-10 00:00 Europe/London', 'Statutory visit: child seen alone')
  await event(child, 'looked_after.started', '2026-04-01T10:00:00Z', 'Became looked after', true)
  await event(child, 'note.recorded', '2026-04-02 00:00 Europe/London', '=HYPERLINK("http://evil.example","x")')
  return child
}

describe('the chronology page', () => {
  it('lists every event from the stream newest first, grouped in plain English, significant ones marked', async () => {
    const child = await childWithHistory()
    const page = await (await signedIn(t.app, 'social.worker')).get(`/children/${child}/chronology`)
    expect(page.statusCode).toBe(200)
    expect(timeline(page.body)).toEqual([
      '=HYPERLINK("http://evil.example","x")',
      'Significant Became looked after',
      'Statutory visit: child seen alone',
      'Referral opened',
      'Significant Decided: referral to children’s social care',
      'Contact from the school',
    ])
    expect(page.body).toContain('Showing 6 of 6 events')
    // Registered groups, and a readable fallback for a type nobody registered.
    for (const label of ['Contacts (1)', 'Decisions (1)', 'Referrals (1)', 'Visits (1)', 'Case notes (1)', 'Looked after (1)']) expect(page.body).toContain(label)
    // A day without a time shows the day only, in England (10 March, not 9 March at 11pm or 12am).
    expect(page.body).toMatch(/<time datetime="2026-03-10T00:00:00.000Z">10 March 2026<\/time>/)
  })

  it('filters by type of event and by significance with a plain GET, and says when nothing matches', async () => {
    const child = await childWithHistory()
    const worker = await signedIn(t.app, 'social.worker')
    const frontDoor = await worker.get(`/children/${child}/chronology?group=contacts&group=decisions`)
    expect(timeline(frontDoor.body)).toEqual(['Significant Decided: referral to children’s social care', 'Contact from the school'])
    expect(frontDoor.body).toContain('Showing 2 of 6 events')
    expect(frontDoor.body).toMatch(/value="contacts" checked/)
    expect(frontDoor.body).toContain('Clear filters')
    const significant = await worker.get(`/children/${child}/chronology?significant=yes`)
    expect(timeline(significant.body)).toEqual(['Significant Became looked after', 'Significant Decided: referral to children’s social care'])
    const none = await worker.get(`/children/${child}/chronology?group=visits&significant=yes`)
    expect(timeline(none.body)).toEqual([])
    expect(none.body).toContain('No events match the filters.')
    // Unknown or odd filter values are not errors.
    expect((await worker.get(`/children/${child}/chronology?group=%3Cscript%3E&group=`)).statusCode).toBe(200)
  })

  it('shows a child with no events, and an event recorded by nobody', async () => {
    const child = await createChild(t.database.db)
    await allocate(t.database.db, child, 'social.worker')
    const worker = await signedIn(t.app, 'social.worker')
    expect((await worker.get(`/children/${child}/chronology`)).body).toContain('Nothing has been recorded for this child yet.')
    await appendChildEvent(t.database.db, { laCode: '886', childId: child, type: 'child.registered', occurredAt: new Date(), recordedBy: null, summary: 'Record created by the data load' })
    const page = await worker.get(`/children/${child}/chronology`)
    expect(timeline(page.body)).toEqual(['Record created by the data load'])
    expect(page.body).toContain('Changes to the record (1)')
  })

  it('has a print version of the same (filtered) events, without the filters', async () => {
    const child = await childWithHistory()
    const worker = await signedIn(t.app, 'social.worker')
    const page = await worker.get(`/children/${child}/chronology?group=visits`)
    expect(page.body).toContain(`href="/children/${child}/chronology?group=visits&amp;print=true"`)
    const print = await worker.get(`/children/${child}/chronology?group=visits&print=true`)
    expect(timeline(print.body)).toEqual(['Statutory visit: child seen alone'])
    expect(print.body).toContain('1 of 6 events, newest first, filtered')
    expect(print.body).not.toContain('Apply filters')
    expect(print.body).toContain('<script type="module" src="/assets/kindred/print.js"></script>')
  })
})

describe('the chronology as CSV', () => {
  it('downloads every event with England dates, and cells a spreadsheet would run are made text', async () => {
    const child = await childWithHistory()
    const csv = await (await signedIn(t.app, 'social.worker')).get(`/children/${child}/chronology.csv`)
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="chronology-${child}.csv"`)
    const lines = csv.body.trimEnd().split('\r\n')
    expect(lines[0]).toBe('Date,Time,Group,Event type,What happened,Significant,Recorded by')
    expect(lines).toHaveLength(7)
    expect(lines[1]).toBe(`2026-04-02,,Case notes,note.recorded,"'=HYPERLINK(""http://evil.example"",""x"")",No,Sam Okafor`)
    expect(lines[2]).toBe('2026-04-01,11:00,Looked after,looked_after.started,Became looked after,Yes,Sam Okafor')
    expect(lines[6]).toBe('2026-03-02,09:15,Contacts,contact.recorded,Contact from the school,No,Sam Okafor')
  })

  it('follows the page’s filters', async () => {
    const child = await childWithHistory()
    const csv = await (await signedIn(t.app, 'social.worker')).get(`/children/${child}/chronology.csv?significant=yes`)
    expect(csv.body.trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[4])).toEqual(['Became looked after', 'Decided: referral to children’s social care'])
  })
})

describe('who sees a chronology', () => {
  it('is "page not found" for a child of another authority, a random id or not an id, and forbidden without a link', async () => {
    const { laCode } = await createOtherAuthority(t.database.db)
    const theirs = await createChild(t.database.db, { laCode })
    await event(theirs, 'contact.recorded', '2026-03-02T09:15:00Z', 'Their contact', false, laCode)
    const worker = await signedIn(t.app, 'social.worker')
    for (const url of [`/children/${theirs}/chronology`, `/children/${theirs}/chronology.csv`, '/children/6f1d2c1e-1111-4a2b-9c3d-123456789abc/chronology', '/children/not-an-id/chronology.csv']) {
      const response = await worker.get(url)
      expect(response.statusCode, url).toBe(404)
      expect(response.body).not.toContain('Their contact')
    }
    const unallocated = await createChild(t.database.db)
    expect((await worker.get(`/children/${unallocated}/chronology`)).statusCode).toBe(403)
    expect((await (await signedIn(t.app, 'police')).get(`/children/${unallocated}/chronology.csv`)).statusCode).toBe(403)
  })
})

describe('the latest events on the child’s page', () => {
  it('shows the five newest events with a link to the chronology', async () => {
    const child = await childWithHistory()
    await event(child, 'note.recorded', '2026-05-01T10:00:00Z', 'Case note: newest')
    const page = await (await signedIn(t.app, 'social.worker')).get(`/children/${child}`)
    const section = page.body.slice(page.body.indexOf('id="latest-events"'))
    const listed = [...section.slice(0, section.indexOf('</ul>')).matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''))
    expect(listed).toHaveLength(5)
    expect(listed[0]).toContain('Case note: newest')
    expect(listed.join('\n')).not.toContain('Contact from the school')
    expect(section).toContain(`href="/children/${child}/chronology"`)
  })
})

describe('event type labels', () => {
  it('finds a group for the exact type, then its area, then writes the area out', () => {
    expect(eventGroup('contact.decided')).toBe('Decisions')
    expect(eventGroup('contact.recorded')).toBe('Contacts')
    expect(eventGroup('care_leaver.pathway_plan_reviewed')).toBe('Care leaver')
    addChronologyLabel('care_leaver', 'Care leavers')
    addChronologyLabel('care_leaver.pathway_plan_reviewed', 'Plans')
    expect(eventGroup('care_leaver.pathway_plan_reviewed')).toBe('Plans')
    expect(eventGroup('care_leaver.accommodation_changed')).toBe('Care leavers')
    expect(groupKey('Changes to the record')).toBe('changes-to-the-record')
  })
})
