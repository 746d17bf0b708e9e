// HTTP tests through the real app: the child comes into care under section 20, an interim care order, a move,
// reviews and visits with their deadlines, leaving care, and bad input refused with the rule named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Agent, createTestApp, formToken, signedIn, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild } from '../../../test/support/records.js'
import { postForm } from './test-forms.js'
import { episodesFor, periodsOfCare } from './service.js'
import { placementDistances } from '../placements/service.js'

let t: TestApp
let sw: Agent
let childId: string
const base = () => `/children/${childId}/looked-after`
const date = (name: string, iso: string) => ({ [`${name}-day`]: iso.slice(8), [`${name}-month`]: iso.slice(5, 7), [`${name}-year`]: iso.slice(0, 4) })
const start = (overrides: Record<string, string> = {}) => ({
  ...date('startDate', '2026-03-02'), legalStatus: 'V2', categoryOfNeed: 'N1', placementType: 'U6', provider: 'PR1', urn: '1234567',
  homePostcode: 'ME14 1XX', placementPostcode: 'CT9 1AA', visitRegime: 'ordinary', previousPermanence: 'Z1', ...overrides,
})

beforeAll(async () => {
  t = await createTestApp()
  childId = await createChild(t.database.db, { firstName: 'Ava', lastName: 'Stone', dateOfBirth: '2015-06-01' })
  await allocate(t.database.db, childId, 'social.worker')
  sw = await signedIn(t.app, 'social.worker')
})
afterAll(async () => { await t?.close() })

describe('a period of care written as 903 episodes', () => {
  it('refuses bad input with the rule named, keeping the answers and writing nothing', async () => {
    await sw.get(`${base()}/start`)
    const response = await postForm(sw, `${base()}/start`, start({ urn: '12AB', placementPostcode: 'ME14 1XX', previousPermanence: 'P2' }))
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Enter the Ofsted URN as 6 or 7 digits')
    expect(response.body).toContain('903 rule 392d')
    expect(response.body).toContain('903 rule 630')
    expect(response.body).toContain('value="12AB"')
    expect(await periodsOfCare(t.database.db, '886', [childId])).toEqual([])
  })

  it('writes S, then L for an interim care order, then P for a move with the reason on the ending episode', async () => {
    expect((await postForm(sw, `${base()}/start`, start())).statusCode).toBe(303)
    const again = await postForm(sw, `${base()}/start`, start())
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('already looked after')
    expect((await postForm(sw, `${base()}/legal-status`, { ...date('date', '2026-03-20'), legalStatus: 'C1' })).statusCode).toBe(303)
    const move = { ...date('date', '2026-04-10'), sameCarer: 'no', placementType: 'U4', provider: 'PR4', urn: 'SC123456', homePostcode: 'ME14 1XX', placementPostcode: 'ME15 6AA', visitRegime: 'ordinary', reason: 'CARPL' }
    expect((await postForm(sw, `${base()}/placement`, move)).statusCode).toBe(303)
    const episodes = await episodesFor(t.database.db, '886', [childId])
    expect(episodes.map((e) => [e.DECOM, e.RNE, e.LS, e.PLACE, e.DEC, e.REC, e.REASON_PLACE_CHANGE])).toEqual([
      ['2026-03-02', 'S', 'V2', 'U6', '2026-03-20', 'X1', null],
      ['2026-03-20', 'L', 'C1', 'U6', '2026-04-10', 'X1', 'CARPL'],
      ['2026-04-10', 'P', 'C1', 'U4', null, null, null],
    ])
    expect(episodes[2]!.URN).toBe('SC123456')
  })

  it('refuses a move before the current episode, an impossible legal status and a PN code not in the list', async () => {
    const early = await postForm(sw, `${base()}/placement`, { ...date('date', '2026-04-01'), sameCarer: 'yes', placementType: 'U4', provider: 'PR1', urn: '1234567', homePostcode: 'ME14 1XX', placementPostcode: 'ME15 6AA', visitRegime: 'ordinary', reason: 'PLACE' })
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('on or after the current placement started')
    const ls = await postForm(sw, `${base()}/legal-status`, { ...date('date', '2026-04-20'), legalStatus: 'V3' })
    expect(ls.body).toContain('903 rule 380')
    const review = await postForm(sw, `${base()}/reviews/new`, { ...date('date', '2026-03-25'), participation: 'PN9' })
    expect(review.statusCode).toBe(400)
    expect(review.body).toContain('Select how the child took part, PN0 to PN7')
  })

  it('puts the reviews, visits, health and PEP due on the page and the child page', async () => {
    expect((await postForm(sw, `${base()}/reviews/new`, { ...date('date', '2026-03-25'), participation: 'PN1' })).statusCode).toBe(303)
    expect((await postForm(sw, `${base()}/visits/new`, { ...date('date', '2026-04-15'), seenAlone: 'yes' })).statusCode).toBe(303)
    const page = await sw.get(base())
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Hold the second looked-after review')
    expect(page.body).toContain('25 June 2026') // 3 months after the first review
    expect(page.body).toContain('27 May 2026') // 6 weeks after the visit
    expect(page.body).toContain('Over 20 miles') // Maidstone to Margate, the first placement
    const child = await sw.get(`/children/${childId}`)
    expect(child.body).toContain('Looked after since')
  })

  it('leaves care with a REC and ends the period', async () => {
    const bad = await postForm(sw, `${base()}/leave`, { ...date('date', '2026-05-01'), reason: 'E11' })
    expect(bad.body).toContain('placement for adoption (A3 to A6)')
    expect((await postForm(sw, `${base()}/leave`, { ...date('date', '2026-05-01'), reason: 'E4A' })).statusCode).toBe(303)
    const [period] = await periodsOfCare(t.database.db, '886', [childId])
    expect(period).toMatchObject({ end: '2026-05-01', reasonEnded: 'E4A' })
    const afterLeaving = await postForm(sw, `${base()}/legal-status`, { ...date('date', '2026-05-10'), legalStatus: 'C2' })
    expect(afterLeaving.body).toContain('not looked after now')
    const events = await t.database.db.selectFrom('child_events').select(['type', 'significant']).where('child_id', '=', childId).execute()
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['looked_after.started', 'looked_after.legal_status_changed', 'placement.changed', 'looked_after.ended']))
  })
})

describe('distance from home', () => {
  it('is unknown when a district is not in the table, and over 20 miles is flagged', async () => {
    const [known, unknown] = await placementDistances(t.database.db, [{ home: 'ME14 1XX', placement: 'CT9 1AA' }, { home: 'ME14 1XX', placement: 'ZE1 0AA' }])
    expect(known!.miles).toBeGreaterThan(20)
    expect(known!.distant).toBe(true)
    expect(unknown).toEqual({ miles: null, distant: false })
  })
})

describe('a form sent twice (a double click)', () => {
  it('writes once and lands both clicks on the first result; a form without its one-time token is refused', async () => {
    const url = `${base()}/visits/new`
    const answers = { formToken: await formToken(sw, url), ...date('date', '2026-04-20'), seenAlone: 'no' }
    const clicks = await Promise.all([sw.post(url, answers), sw.post(url, answers)])
    expect(clicks.map((c) => [c.statusCode, c.headers.location])).toEqual([[303, `${base()}?recorded=visit`], [303, `${base()}?recorded=visit`]])
    const visits = await t.database.db.selectFrom('looked_after_visits').select('id').where('child_id', '=', childId).where('visit_date', '=', '2026-04-20').execute()
    expect(visits).toHaveLength(1)
    const events = await t.database.db.selectFrom('child_events').select('id').where('child_id', '=', childId).where('type', '=', 'visit.looked_after').execute()
    expect(events).toHaveLength(2) // this visit and the one on 15 April
    expect((await sw.post(url, { ...date('date', '2026-04-21'), seenAlone: 'no' })).statusCode).toBe(400)
  })
})
