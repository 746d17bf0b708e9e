// Issue 5's rules through the real app, one child at a time: each reg 28 visit variant as the child's legal
// status and placement change, reviews with participation, health, wellbeing, education, missing episodes, UASC,
// adoption milestones and previous permanence; bad input refused by rule; each step in the chronology and its
// deadline on "my work".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, lookedAfterBetween } from '../../../test/support/records.js'
import { deadlinesFor } from '../../platform/casework/deadlines.js'
import { adoptionFor, episodesFor, missingFor, periodsOfCare, uascFor } from './service.js'
import { postForm } from './test-forms.js'

let t: TestApp
let sw: Agent
let ella: string
let noah: string
const date = (name: string, iso: string) => ({ [`${name}-day`]: iso.slice(8), [`${name}-month`]: iso.slice(5, 7), [`${name}-year`]: iso.slice(0, 4) })
const send = (childId: string, path: string, answers: Record<string, string>) => postForm(sw, `/children/${childId}/looked-after/${path}`, answers)
const recorded = async (childId: string, path: string, answers: Record<string, string>) => expect((await send(childId, path, answers)).statusCode).toBe(303)
/** The child's deadline for a rule as it stood on `asOf`. */
const due = async (childId: string, ruleId: string, asOf: string) =>
  (await deadlinesFor(t.database.db, [childId], asOf)).filter((d) => d.ruleId.startsWith(ruleId)).map((d) => `${d.ruleId} ${d.due}`)
/** The visit deadline (reg 28: LAC-05 to LAC-08) as it stood on `asOf`. */
const visitDue = async (childId: string, asOf: string) => (await due(childId, 'LAC-0', asOf)).filter((d) => /^LAC-0[5-8]/.test(d))
const home = { homePostcode: 'ME14 1XX', visitRegime: 'ordinary' }

beforeAll(async () => {
  t = await createTestApp()
  ella = await createChild(t.database.db, { firstName: 'Ella', lastName: 'Price', dateOfBirth: '2016-05-10' })
  noah = await createChild(t.database.db, { firstName: 'Noah', lastName: 'Webb', dateOfBirth: '2022-06-01' })
  for (const child of [ella, noah]) await allocate(t.database.db, child, 'social.worker')
  sw = await signedIn(t.app, 'social.worker')
})
afterAll(async () => { await t?.close() })

describe('social worker visits follow the reg 28 variant for the legal status and placement', () => {
  it('interim care order at home: weekly until the first review, then 4-weekly (LAC-07); previous permanence kept', async () => {
    await recorded(ella, 'start', {
      ...date('startDate', '2026-03-02'), legalStatus: 'C1', categoryOfNeed: 'N1', placementType: 'P1', provider: 'PR0', ...home,
      placementPostcode: 'ME14 1XX', previousPermanence: 'P2', previousPermanenceLa: 'Kent County Council', ...date('previousPermanenceDate', '2020-01-15'),
    })
    const [period] = await periodsOfCare(t.database.db, '886', [ella])
    expect(period!.previousPermanence).toEqual({ PREV_PERM: 'P2', LA_PERM: 'Kent County Council', DATE_PERM: '2020-01-15' })
    expect(await visitDue(ella, '2026-03-03')).toEqual(['LAC-07.weekly 2026-03-09'])
    await recorded(ella, 'visits/new', { ...date('date', '2026-03-05'), seenAlone: 'yes' })
    expect(await visitDue(ella, '2026-03-06')).toEqual(['LAC-07.weekly 2026-03-12'])
    await recorded(ella, 'reviews/new', { ...date('date', '2026-03-20'), participation: 'PN1' })
    expect(await visitDue(ella, '2026-03-21')).toEqual(['LAC-07.interval 2026-04-02'])
  })

  it('a full care order at home: within a week of the order, then 6-weekly (LAC-08), on a new L episode', async () => {
    await recorded(ella, 'legal-status', { ...date('date', '2026-04-01'), legalStatus: 'C2' })
    expect(await visitDue(ella, '2026-04-02')).toEqual(['LAC-08.first 2026-04-08'])
    await recorded(ella, 'visits/new', { ...date('date', '2026-04-07'), seenAlone: 'no' })
    expect(await visitDue(ella, '2026-04-08')).toEqual(['LAC-08.interval 2026-05-19'])
  })

  it('placed with the other parent before their assessment (reg 19): weekly, then 6-weekly after the first review (LAC-06)', async () => {
    await recorded(ella, 'placement', {
      ...date('date', '2026-04-15'), sameCarer: 'no', placementType: 'P1', provider: 'PR0', ...home, placementPostcode: 'ME15 6AA',
      visitRegime: 'placed_with_parent', reason: 'CARPL',
    })
    expect(await visitDue(ella, '2026-04-16')).toEqual(['LAC-06.weekly 2026-04-22'])
    await recorded(ella, 'visits/new', { ...date('date', '2026-04-20'), seenAlone: 'yes' })
    expect(await visitDue(ella, '2026-04-21')).toEqual(['LAC-06.interval 2026-06-01'])
  })

  it('a connected person temporarily approved (reg 24): weekly (LAC-07); then long-term fostering: within a week, then 6-weekly (LAC-05)', async () => {
    await recorded(ella, 'placement', {
      ...date('date', '2026-05-01'), sameCarer: 'no', placementType: 'U3', provider: 'PR1', urn: 'SC765432', ...home, placementPostcode: 'ME16 8AB',
      visitRegime: 'temporary_approval', reason: 'CARPL',
    })
    expect(await visitDue(ella, '2026-05-02')).toEqual(['LAC-07.weekly 2026-05-08'])
    await recorded(ella, 'placement', {
      ...date('date', '2026-05-10'), sameCarer: 'no', placementType: 'U4', provider: 'PR1', urn: 'SC765432', ...home, placementPostcode: 'ME16 8AB', reason: 'CARPL',
    })
    expect(await visitDue(ella, '2026-05-11')).toEqual(['LAC-05.first 2026-05-17'])
    await recorded(ella, 'visits/new', { ...date('date', '2026-05-12'), seenAlone: 'yes' })
    expect(await visitDue(ella, '2026-05-13')).toEqual(['LAC-05.interval 2026-06-23'])
    const episodes = await episodesFor(t.database.db, '886', [ella])
    expect(episodes.map((e) => [e.DECOM, e.RNE, e.LS, e.PLACE, e.REC])).toEqual([
      ['2026-03-02', 'S', 'C1', 'P1', 'X1'], ['2026-04-01', 'L', 'C2', 'P1', 'X1'], ['2026-04-15', 'P', 'C2', 'P1', 'X1'],
      ['2026-05-01', 'P', 'C2', 'U3', 'X1'], ['2026-05-10', 'P', 'C2', 'U4', null],
    ])
  })

  it('health from 5: initial within 20 working days, then every 12 months (LAC-09, LAC-10); a dental check is kept apart', async () => {
    expect(await due(ella, 'LAC-09', '2026-03-03')).toEqual(['LAC-09 2026-03-30'])
    await recorded(ella, 'health/new', { kind: 'health_assessment', ...date('date', '2026-03-20') })
    await recorded(ella, 'health/new', { kind: 'dental_check', ...date('date', '2026-04-02') })
    expect(await due(ella, 'LAC-', '2026-05-13').then((d) => d.filter((x) => /^LAC-(09|10)/.test(x)))).toEqual(['LAC-10.5-and-over 2027-03-20'])
    expect((await sw.get(`/children/${ella}/looked-after`)).body).toContain('Dental check')
  })
})

describe('a child under 5: reviews, health, wellbeing and education', () => {
  it('first review within 20 working days and the initial health assessment (LAC-04, LAC-09)', async () => {
    await recorded(noah, 'start', {
      ...date('startDate', '2026-03-02'), legalStatus: 'V2', categoryOfNeed: 'N2', placementType: 'U6', provider: 'PR1', urn: '1234567', ...home,
      placementPostcode: 'ME15 6AA', previousPermanence: 'Z1',
    })
    expect(await due(noah, 'LAC-04', '2026-03-03')).toEqual(['LAC-04.first 2026-03-30'])
    expect(await due(noah, 'LAC-09', '2026-03-03')).toEqual(['LAC-09 2026-03-30'])
  })

  it('PN0 only under 4; the second review within 3 months, then 6-monthly', async () => {
    await recorded(noah, 'reviews/new', { ...date('date', '2026-03-25'), participation: 'PN0' })
    expect(await due(noah, 'LAC-04', '2026-03-26')).toEqual(['LAC-04.second 2026-06-25'])
    const four = await send(noah, 'reviews/new', { ...date('date', '2026-06-20'), participation: 'PN0' })
    expect(four.statusCode).toBe(400)
    expect(four.body).toContain('PN0 is only for a child under 4 at the time of the review')
    await recorded(noah, 'reviews/new', { ...date('date', '2026-06-20'), participation: 'PN3' })
    expect(await due(noah, 'LAC-04', '2026-06-21')).toEqual(['LAC-04.subsequent 2026-12-20'])
  })

  it('health reviews every 6 months under 5 (LAC-10)', async () => {
    await recorded(noah, 'health/new', { kind: 'health_assessment', ...date('date', '2026-03-20') })
    expect(await due(noah, 'LAC-10', '2026-03-21')).toEqual(['LAC-10.under-5 2026-09-20'])
  })

  it('immunisations, substance misuse and an SDQ score or the reason it was not done, not both', async () => {
    const wellbeing = { ...date('date', '2026-04-01'), immunisations: 'yes', substanceMisuse: 'no' }
    const both = await send(noah, 'wellbeing/new', { ...wellbeing, sdqScore: '12', sdqReason: 'SDQ1' })
    expect(both.body).toContain('Give either the SDQ score or why it was not done, not both')
    const neither = await send(noah, 'wellbeing/new', wellbeing)
    expect(neither.body).toContain('Enter the SDQ score, or select why the SDQ was not done')
    const outOfRange = await send(noah, 'wellbeing/new', { ...wellbeing, sdqScore: '41' })
    expect(outOfRange.body).toContain('The SDQ score must be a whole number from 0 to 40')
    await recorded(noah, 'wellbeing/new', { ...wellbeing, sdqReason: 'SDQ1' })
    expect((await sw.get(`/children/${noah}/looked-after`)).body).toContain('Child under 4 or over 17 at the latest assessment')
  })

  it('a personal education plan within 20 school days, then each term; a school move starts again', async () => {
    const [initial] = await due(noah, 'LAC-11', '2026-03-03')
    expect(initial).toMatch(/^LAC-11.initial 2026-03-/)
    await recorded(noah, 'education/new', { kind: 'pep_meeting', ...date('date', '2026-03-20') })
    const [review] = await due(noah, 'LAC-11', '2026-03-21')
    expect(review).toMatch(/^LAC-11.review 2026-0[6-7]-/)
    const noSchool = await send(noah, 'education/new', { kind: 'school_move', ...date('date', '2026-09-07') })
    expect(noSchool.body).toContain('Enter the name of the new school')
    await recorded(noah, 'education/new', { kind: 'school_move', ...date('date', '2026-09-07'), schoolName: 'Oak Tree Primary' })
    const [afterMove] = await due(noah, 'LAC-11', '2026-09-08')
    expect(afterMove).toMatch(/^LAC-11.initial 2026-(09|10)-/)
  })
})

describe('missing episodes, UASC and adoption', () => {
  it('records a missing episode, then the return with the interview offered and taken; an overlap is refused', async () => {
    const early = await send(noah, 'missing/new', { kind: 'M', ...date('start', '2026-04-10'), offered: 'yes' })
    expect(early.body).toContain('A return interview is recorded once the child has come back')
    await recorded(noah, 'missing/new', { kind: 'M', ...date('start', '2026-04-10') })
    const overlap = await send(noah, 'missing/new', { kind: 'A', ...date('start', '2026-04-11'), ...date('end', '2026-04-12'), offered: 'no' })
    expect(overlap.body).toContain('This overlaps a missing episode that started on 10 April 2026 and has not ended')
    const open = await t.database.db.selectFrom('missing_episodes').select('id').where('child_id', '=', noah).executeTakeFirstOrThrow()
    const returned = `missing/${open.id}/return`
    const notTaken = await send(noah, returned, { ...date('end', '2026-04-11'), offered: 'no', taken: 'yes' })
    expect(notTaken.body).toContain('A return interview that was not offered cannot have been taken')
    await recorded(noah, returned, { ...date('end', '2026-04-11'), offered: 'yes', taken: 'yes' })
    expect(await missingFor(t.database.db, [noah])).toMatchObject([{ MIS_START: '2026-04-10', MIS_END: '2026-04-11', MISSING: 'M', returnInterviewOffered: true, returnInterviewTaken: true }])
  })

  it('UASC and the date it ended', async () => {
    const refused = await send(noah, 'uasc', { uasc: 'no', ...date('ceasedOn', '2026-05-01') })
    expect(refused.body).toContain('Only a child who was unaccompanied and seeking asylum has a date it ended')
    await recorded(noah, 'uasc', { uasc: 'yes', ...date('ceasedOn', '2026-05-01') })
    expect(await uascFor(t.database.db, [noah])).toEqual([{ CHILD: noah, DUC: '2026-05-01' }])
  })

  it('adoption milestones in their order, with fostering for adoption', async () => {
    const matchedFirst = await send(noah, 'adoption/new', { milestone: 'matched', ...date('date', '2026-04-20') })
    expect(matchedFirst.body).toContain('Record “decision that the child should be placed for adoption” first')
    await recorded(noah, 'adoption/new', { milestone: 'decision', ...date('date', '2026-04-01') })
    const orderBefore = await send(noah, 'adoption/new', { milestone: 'placement_order', ...date('date', '2026-03-30') })
    expect(orderBefore.body).toContain('903 rule 554')
    await recorded(noah, 'adoption/new', { milestone: 'placement_order', ...date('date', '2026-04-10') })
    await recorded(noah, 'adoption/new', { milestone: 'fostering_for_adoption', ...date('date', '2026-04-12') })
    await recorded(noah, 'adoption/new', { milestone: 'matched', ...date('date', '2026-05-01') })
    const orderEarly = await send(noah, 'adoption/new', { milestone: 'adoption_order', ...date('date', '2026-05-20') })
    expect(orderEarly.body).toContain('Record “placed for adoption” first')
    await recorded(noah, 'adoption/new', { milestone: 'placed', ...date('date', '2026-05-10') })
    expect(await adoptionFor(t.database.db, [noah])).toMatchObject([{
      DATE_INT: '2026-04-01', placementOrder: '2026-04-10', fosteringForAdoption: '2026-04-12', DATE_MATCH: '2026-05-01', placedForAdoption: '2026-05-10',
    }])
  })

  it('a decision that the child should no longer be placed for adoption, with its reason (903 REASON_PLACED_CEASED)', async () => {
    const mia = await createChild(t.database.db, { firstName: 'Mia', lastName: 'Rowe', dateOfBirth: '2021-09-09' })
    await allocate(t.database.db, mia, 'social.worker')
    await lookedAfterBetween(t.database.db, mia, '2025-06-02', null)
    const reasonOnDecision = await send(mia, 'adoption/new', { milestone: 'decision', ...date('date', '2025-09-01'), reason: 'RD1' })
    expect(reasonOnDecision.body).toContain('Only a decision that the child should no longer be placed for adoption has a reason. Leave the reason blank')
    await recorded(mia, 'adoption/new', { milestone: 'decision', ...date('date', '2025-09-01') })
    const noReason = await send(mia, 'adoption/new', { milestone: 'no_longer_placed', ...date('date', '2026-02-02') })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('Select why the child should no longer be placed for adoption')
    expect(noReason.body).toMatch(/name="date-month"[^>]*value="02"/)
    await recorded(mia, 'adoption/new', { milestone: 'no_longer_placed', ...date('date', '2026-02-02'), reason: 'RD2' })
    expect(await adoptionFor(t.database.db, [mia])).toMatchObject([{ DATE_PLACED: '2025-09-01', DATE_PLACED_CEASED: '2026-02-02', REASON_PLACED_CEASED: 'RD2' }])
    const event = await t.database.db.selectFrom('child_events').select('summary').where('child_id', '=', mia).where('type', '=', 'adoption.milestone')
      .orderBy('occurred_at', 'desc').executeTakeFirstOrThrow()
    expect(event.summary).toBe('Decision that the child should no longer be placed for adoption on 2 February 2026: the court did not make a placement order (RD2)')
    expect((await sw.get(`/children/${mia}/looked-after`)).body).toContain('Decision that the child should no longer be placed for adoption: the court did not make a placement order (RD2)')
  })
})

describe('bad input about the period of care', () => {
  it('refuses a period that overlaps an earlier one and a postcode that is not one', async () => {
    const returner = await createChild(t.database.db, { firstName: 'Ruby', lastName: 'Hale', dateOfBirth: '2012-02-02' })
    await allocate(t.database.db, returner, 'social.worker')
    await lookedAfterBetween(t.database.db, returner, '2025-01-06', '2025-06-02')
    const overlapping = await send(returner, 'start', {
      ...date('startDate', '2025-06-02'), legalStatus: 'V2', categoryOfNeed: 'N1', placementType: 'U6', provider: 'PR1', urn: '1234567', ...home,
      placementPostcode: 'MEE 6AA', previousPermanence: 'Z1',
    })
    expect(overlapping.statusCode).toBe(400)
    expect(overlapping.body).toContain('The date must be after the last period of care ended (2 June 2025)')
    expect(overlapping.body).toContain('Enter the placement postcode as a full UK postcode')
    expect(await periodsOfCare(t.database.db, '886', [returner])).toHaveLength(1)
  })
})

describe('every step in the chronology, and its deadlines on my work', () => {
  it('shows each kind of event under its group, and the next deadlines on my work', async () => {
    const chronology = (await sw.get(`/children/${noah}/chronology`)).body
    for (const summary of ['Came into care on 2 March 2026', 'Looked-after review held on 25 March 2026', 'Health assessment on 20 March 2026',
      'Health and wellbeing recorded on 1 April 2026', 'Personal education plan meeting on 20 March 2026', 'Moved school on 7 September 2026 to Oak Tree Primary',
      'Missing from 10 April 2026', 'Came back on 11 April 2026', 'Recorded as an unaccompanied asylum-seeking child until 1 May 2026',
      'Placed for adoption on 10 May 2026']) expect(chronology).toContain(summary)
    const ellaChronology = (await sw.get(`/children/${ella}/chronology`)).body
    for (const summary of ['Legal status changed on 1 April 2026', 'Moved placement on 15 April 2026', 'Social worker visit on 5 March 2026, child seen alone', 'Dental check on 2 April 2026']) {
      expect(ellaChronology).toContain(summary)
    }
    // Long past by now, so each is listed among the overdue.
    const myWork = (await sw.get('/my-work')).body
    for (const rule of ['Hold the second looked-after review', 'Visit the child in placement', 'Review health (child under 5)', 'Start the personal education plan']) {
      expect(myWork).toContain(rule)
    }
  })
})
