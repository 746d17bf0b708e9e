// Pre-proceedings and family group decision making through the real app: each step, its bad answers, double
// clicks, who may do what, and the application refused in every state where the FGDM requirement is not met.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { addRelative, allocate, createChild, createOtherAuthority } from '../../../test/support/records.js'
import { preProceedingsAndFgdmFor } from './service.js'
import { dateParts, daysAgo, eventTypes, family, formToken, send, type Family } from './test-kit.js'

let t: TestApp
let worker: Agent
let manager: Agent
const db = () => t.database.db

beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
  manager = await signedIn(t.app, 'team.manager')
})
afterAll(async () => { await t?.close() })

const href = (childId: string) => `/children/${childId}/pre-proceedings`
const decided = daysAgo(60)
const letter = daysAgo(55)

/** A family in pre-proceedings with the letter before proceedings sent. */
async function inPreProceedings(): Promise<Family> {
  const f = await family(db())
  expect((await send(worker, `${href(f.childId)}/start`, dateParts(decided, 'decisionDate'))).statusCode).toBe(303)
  expect((await send(worker, `${href(f.childId)}/letter`, dateParts(letter, 'letterDate'))).statusCode).toBe(303)
  return f
}

const offer = (f: Family, people: string[], on = letter, inLetter = 'yes') =>
  send(worker, `${href(f.childId)}/fgdm/offer`, { personIds: people, inLetter, ...dateParts(on, 'offeredOn') })

async function offerId(f: Family, personId: string): Promise<string> {
  return (await db().selectFrom('fgdm_offers').select('id').where('child_id', '=', f.childId).where('person_id', '=', personId).executeTakeFirstOrThrow()).id
}

const answer = async (f: Family, personId: string, response: 'accepted' | 'declined', on = daysAgo(50)) =>
  send(worker, `${href(f.childId)}/fgdm/offers/${await offerId(f, personId)}`, { response, ...dateParts(on, 'respondedOn') })

const decideToIssue = (f: Family) => send(worker, `${href(f.childId)}/outcome`, { outcome: 'issue', ...dateParts(daysAgo(10), 'outcomeDate') })

const apply = (f: Family) => send(worker, `${href(f.childId)}/application`, { orderType: 'care', court: 'Family Court at Maidstone', ...dateParts(daysAgo(5), 'appliedOn') })

const applications = (childId: string) => db().selectFrom('proceedings_applications').selectAll().where('child_id', '=', childId).execute()

describe('starting pre-proceedings', () => {
  it('needs an open CIN episode', async () => {
    const childId = await createChild(db())
    await allocate(db(), childId, 'social.worker')
    const response = await send(worker, `${href(childId)}/start`, dateParts(decided, 'decisionDate'))
    expect(response.statusCode).toBe(409)
    expect(response.body).toContain('does not have an open child in need episode')
    expect(await db().selectFrom('pre_proceedings').select('id').where('child_id', '=', childId).execute()).toEqual([])
  })

  it('checks the date, starts once and appends pre_proceedings.started', async () => {
    const f = await family(db())
    const url = `${href(f.childId)}/start`
    const early = await send(worker, url, dateParts(daysAgo(121), 'decisionDate'))
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('The date of the decision must be on or after the referral date')
    const future = await send(worker, url, dateParts(daysAgo(-1), 'decisionDate'))
    expect(future.body).toContain('must be today or in the past')
    const unreal = await send(worker, url, { 'decisionDate-day': '31', 'decisionDate-month': '2', 'decisionDate-year': '2026' })
    expect(unreal.statusCode).toBe(400)
    expect(unreal.body).toContain('must be a real date')
    expect(unreal.body).toMatch(/name="decisionDate-day"[^>]*value="31"/)

    const form = { formToken: await formToken(worker, url), ...dateParts(decided, 'decisionDate') }
    const [first, second] = [await worker.post(url, form), await worker.post(url, form)]
    expect([first.statusCode, second.statusCode]).toEqual([303, 303])
    expect(second.headers.location).toBe(first.headers.location)
    const again = await send(worker, url, dateParts(decided, 'decisionDate'))
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('already in pre-proceedings')
    const rows = await db().selectFrom('pre_proceedings').selectAll().where('child_id', '=', f.childId).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ referral_id: f.referralId, decision_date: decided })
    expect(await eventTypes(db(), f.childId, 'pre_proceedings')).toEqual(['pre_proceedings.started'])
  })

  it('records the letter after the decision, and meetings after the letter', async () => {
    const f = await family(db())
    await send(worker, `${href(f.childId)}/start`, dateParts(decided, 'decisionDate'))
    const meetingFirst = await send(worker, `${href(f.childId)}/meetings/new`, dateParts(letter, 'meetingDate'))
    expect(meetingFirst.statusCode).toBe(409)
    expect(meetingFirst.body).toContain('Record the letter before proceedings first')
    const early = await send(worker, `${href(f.childId)}/letter`, dateParts(daysAgo(61), 'letterDate'))
    expect(early.body).toContain('must be on or after the decision to enter pre-proceedings')
    expect((await send(worker, `${href(f.childId)}/letter`, dateParts(letter, 'letterDate'))).statusCode).toBe(303)
    const beforeLetter = await send(worker, `${href(f.childId)}/meetings/new`, dateParts(daysAgo(56), 'meetingDate'))
    expect(beforeLetter.body).toContain('must be on or after the day the letter was sent')
    expect((await send(worker, `${href(f.childId)}/meetings/new`, dateParts(daysAgo(45), 'meetingDate'))).statusCode).toBe(303)
    const twice = await send(worker, `${href(f.childId)}/meetings/new`, dateParts(daysAgo(45), 'meetingDate'))
    expect(twice.body).toContain('is already recorded')
    expect((await send(worker, `${href(f.childId)}/meetings/new`, dateParts(daysAgo(30), 'meetingDate'))).statusCode).toBe(303)
    expect(await eventTypes(db(), f.childId, 'pre_proceedings')).toEqual(
      ['pre_proceedings.started', 'pre_proceedings.letter_sent', 'pre_proceedings.meeting_held', 'pre_proceedings.meeting_held'])
    const page = await worker.get(href(f.childId))
    expect(page.body).toContain('(initial)')
  })
})

describe('the offer of a family group decision-making meeting', () => {
  it('goes to parents and holders of parental responsibility in this child’s network only', async () => {
    const f = await inPreProceedings()
    const stranger = await family(db(), { first: 'Other', last: 'Family' })
    const other = await createOtherAuthority(db(), '888')
    const otherChild = await createChild(db(), { laCode: other.laCode })
    const elsewhere = await addRelative(db(), otherChild, { firstName: 'Far', type: 'mother', parentalResponsibility: true, laCode: other.laCode })
    for (const person of [stranger.mother, elsewhere.personId, f.aunt]) {
      const response = await offer(f, [person])
      expect(response.statusCode).toBe(400)
      expect(response.body).toContain('Select parents or people with parental responsibility from the child’s family network')
    }
    const none = await offer(f, [])
    expect(none.body).toContain('Select who the meeting was offered to')
    expect(await db().selectFrom('fgdm_offers').select('id').where('child_id', '=', f.childId).execute()).toEqual([])
  })

  it('in the letter is dated the day the letter was sent', async () => {
    const f = await inPreProceedings()
    const response = await offer(f, [f.mother], daysAgo(50), 'yes')
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('An offer in the letter before proceedings is made the day the letter was sent')
    expect(response.body).toMatch(new RegExp(`value="${f.mother}" checked`))
    const missing = await send(worker, `${href(f.childId)}/fgdm/offer`, { personIds: [f.mother], ...dateParts(letter, 'offeredOn') })
    expect(missing.body).toContain('Select whether the offer was in the letter before proceedings')
  })

  it('is recorded once per person and appends fgdm.offered', async () => {
    const f = await inPreProceedings()
    const url = `${href(f.childId)}/fgdm/offer`
    const form = { formToken: await formToken(worker, url), personIds: [f.mother, f.father], inLetter: 'yes', ...dateParts(letter, 'offeredOn') }
    const [first, second] = [await worker.post(url, form), await worker.post(url, form)]
    expect([first.statusCode, second.statusCode]).toEqual([303, 303])
    const rows = await db().selectFrom('fgdm_offers').selectAll().where('child_id', '=', f.childId).execute()
    expect(rows.map((r) => r.person_id).sort()).toEqual([f.mother, f.father].sort())
    expect(rows.every((r) => r.in_letter_before_proceedings && r.offered_on === letter)).toBe(true)
    const again = await offer(f, [f.mother])
    expect(again.body).toContain('has already been offered a meeting')
    expect(await eventTypes(db(), f.childId, 'fgdm')).toEqual(['fgdm.offered'])
  })

  it('needs pre-proceedings first', async () => {
    const f = await family(db())
    const response = await offer(f, [f.mother])
    expect(response.statusCode).toBe(409)
    expect(response.body).toContain('not in pre-proceedings')
  })
})

describe('answers to the offer', () => {
  it('cannot come before the offer, and are recorded once', async () => {
    const f = await inPreProceedings()
    await offer(f, [f.mother])
    const early = await answer(f, f.mother, 'declined', daysAgo(56))
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain(`The date Kerry Hollins declined must be on or after the day the meeting was offered`)
    expect(early.body).toMatch(/value="declined" checked/)
    const blank = await send(worker, `${href(f.childId)}/fgdm/offers/${await offerId(f, f.mother)}`, dateParts(daysAgo(50), 'respondedOn'))
    expect(blank.body).toContain('Select whether Kerry Hollins accepted or declined')
    expect((await answer(f, f.mother, 'declined')).statusCode).toBe(303)
    const twice = await answer(f, f.mother, 'accepted')
    expect(twice.statusCode).toBe(409)
    expect(twice.body).toContain('answer is already recorded')
    expect(await eventTypes(db(), f.childId, 'fgdm')).toEqual(['fgdm.offered', 'fgdm.declined'])
  })

  it('are only for an offer that was made', async () => {
    const f = await inPreProceedings()
    const other = await inPreProceedings()
    await offer(other, [other.mother])
    const url = `${href(f.childId)}/fgdm/offers/${await offerId(other, other.mother)}`
    expect((await worker.get(url)).statusCode).toBe(404)
    expect((await worker.post(url, { formToken: crypto.randomUUID(), response: 'declined', ...dateParts(daysAgo(50), 'respondedOn') })).statusCode).toBe(404)
    expect((await worker.get(`${href(f.childId)}/fgdm/offers/not-an-id`)).statusCode).toBe(404)
  })
})

describe('the family group decision-making meeting', () => {
  const meeting = (f: Family, on: string, attendees: string[]) => send(worker, `${href(f.childId)}/fgdm/meeting`,
    { attendeeIds: attendees, professionals: 'Ann Coordinator (FGC service)', familyPlan: 'Jo will look after Maisie at weekends', ...dateParts(on, 'heldOn') })

  it('cannot be recorded before the offer, or before anyone accepted', async () => {
    const f = await inPreProceedings()
    const noOffer = await meeting(f, daysAgo(40), [f.mother])
    expect(noOffer.statusCode).toBe(409)
    expect(noOffer.body).toContain('Record the offer of a family group decision-making meeting before the meeting')
    expect(noOffer.body).toContain('Jo will look after Maisie at weekends')
    await offer(f, [f.mother, f.father])
    const noAcceptance = await meeting(f, daysAgo(40), [f.mother])
    expect(noAcceptance.statusCode).toBe(409)
    expect(noAcceptance.body).toContain('Nobody has accepted the offer of a meeting yet')
    await answer(f, f.mother, 'accepted')
    const early = await meeting(f, daysAgo(56), [f.mother])
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('The date of the meeting must be on or after the day the meeting was offered')
    expect(await db().selectFrom('fgdm_meetings').select('id').where('child_id', '=', f.childId).execute()).toEqual([])
  })

  it('has attendees from the family network and appends fgdm.meeting_held', async () => {
    const f = await inPreProceedings()
    const stranger = await family(db(), { first: 'Other', last: 'Family' })
    await offer(f, [f.mother, f.father])
    await answer(f, f.mother, 'accepted')
    expect((await meeting(f, daysAgo(40), [stranger.aunt])).body).toContain('Select people from the child’s family network')
    expect((await meeting(f, daysAgo(40), [])).body).toContain('Select who came from the family network')
    expect((await meeting(f, daysAgo(40), [f.mother, f.aunt])).statusCode).toBe(303)
    const attendees = await db().selectFrom('fgdm_meeting_attendees as a').innerJoin('fgdm_meetings as m', 'm.id', 'a.meeting_id')
      .select('a.person_id').where('m.child_id', '=', f.childId).execute()
    expect(attendees.map((a) => a.person_id).sort()).toEqual([f.mother, f.aunt].sort())
    expect(await eventTypes(db(), f.childId, 'fgdm')).toEqual(['fgdm.offered', 'fgdm.accepted', 'fgdm.meeting_held'])
    expect((await worker.get(href(f.childId))).body).toContain('Jo will look after Maisie at weekends')
  })
})

describe('a best-interests exemption', () => {
  const exemption = (agent: Agent, f: Family, reasons: string) =>
    send(agent, `${href(f.childId)}/fgdm/exemption`, { reasons, ...dateParts(daysAgo(50), 'decidedOn') })

  it('is authorised by a team manager in the worker’s line, with reasons', async () => {
    const f = await inPreProceedings()
    expect((await worker.get(`${href(f.childId)}/fgdm/exemption`)).statusCode).toBe(403)
    const noReasons = await exemption(manager, f, '')
    expect(noReasons.statusCode).toBe(400)
    expect(noReasons.body).toContain('Enter why a family group decision-making meeting is not in the child’s best interests')
    expect((await exemption(manager, f, 'Domestic abuse: a meeting would put the mother at risk')).statusCode).toBe(303)
    const row = await db().selectFrom('fgdm_exemptions').selectAll().where('child_id', '=', f.childId).executeTakeFirstOrThrow()
    expect(row.authorised_by).toBe((await db().selectFrom('users').select('id').where('email', 'like', 'team.manager@%').executeTakeFirstOrThrow()).id)
    expect(await eventTypes(db(), f.childId, 'fgdm')).toEqual(['fgdm.exemption_recorded'])
    expect((await exemption(manager, f, 'Again')).statusCode).toBe(409)
  })

  it('is refused to a team manager who is not in the allocated worker’s line', async () => {
    const childId = await createChild(db())
    await allocate(db(), childId, 'family.help')
    expect((await manager.get(`${href(childId)}/fgdm/exemption`)).statusCode).toBe(200)
    const unmanaged = await createChild(db())
    await allocate(db(), unmanaged, 'iro')
    expect((await manager.get(`${href(unmanaged)}/fgdm/exemption`)).statusCode).toBe(403)
  })
})

describe('the application for a care or supervision order', () => {
  async function expectBlocked(f: Family, ...words: string[]) {
    const response = await apply(f)
    expect(response.statusCode).toBe(409)
    expect(response.body).toContain('You cannot record the application until the family group decision-making requirement is met')
    for (const w of words) expect(response.body).toContain(w)
    expect(response.body).toContain('value="Family Court at Maidstone"')
    expect(await applications(f.childId)).toEqual([])
    expect(await eventTypes(db(), f.childId, 'proceedings')).toEqual([])
  }

  it('is blocked with nothing offered and no exemption', async () => {
    const f = await inPreProceedings()
    await decideToIssue(f)
    await expectBlocked(f, 'an offer of a family group decision-making meeting to the parents and everyone with parental responsibility, or a best-interests exemption')
    expect((await worker.get(`${href(f.childId)}/application`)).body).toContain('The family group decision-making requirement is not met yet')
  })

  it('is blocked while a holder of parental responsibility has not been offered a meeting', async () => {
    const f = await inPreProceedings()
    await offer(f, [f.mother])
    await answer(f, f.mother, 'declined')
    await decideToIssue(f)
    await expectBlocked(f, 'an offer of the meeting to Dean Hollins (parental responsibility)')
  })

  it('is blocked while someone offered has not answered', async () => {
    const f = await inPreProceedings()
    await offer(f, [f.mother, f.father])
    await answer(f, f.mother, 'declined')
    await decideToIssue(f)
    await expectBlocked(f, 'an answer to the offer from Dean Hollins')
  })

  it('is blocked when someone accepted and the meeting has not been held, and allowed once it has', async () => {
    const f = await inPreProceedings()
    await offer(f, [f.mother, f.father])
    await answer(f, f.mother, 'accepted')
    await answer(f, f.father, 'declined')
    await decideToIssue(f)
    await expectBlocked(f, 'the family group decision-making meeting (Kerry Hollins accepted the offer)')
    expect((await send(worker, `${href(f.childId)}/fgdm/meeting`, { attendeeIds: [f.mother], ...dateParts(daysAgo(30), 'heldOn') })).statusCode).toBe(303)
    expect((await apply(f)).statusCode).toBe(303)
    expect(await applications(f.childId)).toHaveLength(1)
  })

  it('is allowed when everyone offered declined, after the decision to issue, and recorded once', async () => {
    const f = await inPreProceedings()
    await offer(f, [f.mother, f.father])
    await answer(f, f.mother, 'declined')
    await answer(f, f.father, 'declined')
    const undecided = await apply(f)
    expect(undecided.statusCode).toBe(409)
    expect(undecided.body).toContain('Record the decision to issue care proceedings before the application')
    expect((await decideToIssue(f)).statusCode).toBe(303)
    const url = `${href(f.childId)}/application`
    const bad = await send(worker, url, { court: '', ...dateParts(daysAgo(11), 'appliedOn') })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Select the order applied for')
    expect(bad.body).toContain('Enter the court the application was made to')
    expect(bad.body).toContain('The date of the application must be on or after the decision to issue')
    const form = { formToken: await formToken(worker, url), orderType: 'supervision', court: 'Family Court at Canterbury', ...dateParts(daysAgo(5), 'appliedOn') }
    const [first, second] = [await worker.post(url, form), await worker.post(url, form)]
    expect([first.statusCode, second.statusCode]).toEqual([303, 303])
    expect(await applications(f.childId)).toMatchObject([{ order_type: 'supervision', court: 'Family Court at Canterbury', applied_on: daysAgo(5) }])
    expect(await eventTypes(db(), f.childId, 'proceedings')).toEqual(['proceedings.application_recorded'])
    const page = await worker.get(href(f.childId))
    expect(page.body).toContain('Supervision order')
    expect(page.body).toContain('Start pre-proceedings')
  })

  it('is allowed with a best-interests exemption', async () => {
    const f = await inPreProceedings()
    await send(manager, `${href(f.childId)}/fgdm/exemption`, { reasons: 'Risk of serious harm if the family is told', ...dateParts(daysAgo(50), 'decidedOn') })
    await decideToIssue(f)
    expect((await apply(f)).statusCode).toBe(303)
    const event = await db().selectFrom('child_events').select('data').where('child_id', '=', f.childId).where('type', '=', 'proceedings.application_recorded').executeTakeFirstOrThrow()
    expect(event.data).toMatchObject({ fgdmRequirementMetBy: 'exemption', orderType: 'care' })
  })

  it('is refused after stepping down', async () => {
    const f = await inPreProceedings()
    await send(worker, `${href(f.childId)}/outcome`, { outcome: 'step_down', ...dateParts(daysAgo(10), 'outcomeDate') })
    const response = await apply(f)
    expect(response.statusCode).toBe(409)
    expect(response.body).toContain('not in pre-proceedings')
    expect(await eventTypes(db(), f.childId, 'pre_proceedings')).toContain('pre_proceedings.stepped_down')
  })
})

describe('access', () => {
  it('is for social workers and team managers linked to the child, in the child’s authority', async () => {
    const f = await family(db())
    expect((await worker.get(href(f.childId))).statusCode).toBe(200)
    expect((await manager.get(href(f.childId))).statusCode).toBe(200)
    const familyHelp = await signedIn(t.app, 'family.help')
    expect((await familyHelp.get(href(f.childId))).statusCode).toBe(403)
    const other = await createOtherAuthority(db(), '889')
    const theirs = await createChild(db(), { laCode: other.laCode })
    expect((await worker.get(href(theirs))).statusCode).toBe(404)
    const response = await worker.post(`${href(theirs)}/start`, { formToken: crypto.randomUUID(), ...dateParts(decided, 'decisionDate') })
    expect(response.statusCode).toBe(404)
  })

  it('refuses a form without its token or CSRF token', async () => {
    const f = await family(db())
    await worker.get(href(f.childId))
    expect((await worker.post(`${href(f.childId)}/start`, dateParts(decided, 'decisionDate'))).statusCode).toBe(400)
    expect((await worker.post(`${href(f.childId)}/start`, { _csrf: 'wrong', formToken: crypto.randomUUID() })).statusCode).toBe(403)
  })
})

describe('the CIN census PreProceedingsandFGDM facts', () => {
  it('give the dates and codes of each pre-proceedings on the episode', async () => {
    const f = await inPreProceedings()
    await send(worker, `${href(f.childId)}/meetings/new`, dateParts(daysAgo(45), 'meetingDate'))
    await send(worker, `${href(f.childId)}/meetings/new`, dateParts(daysAgo(35), 'meetingDate'))
    await offer(f, [f.mother, f.father])
    await answer(f, f.mother, 'accepted')
    await answer(f, f.father, 'declined')
    await send(worker, `${href(f.childId)}/fgdm/meeting`, { attendeeIds: [f.mother], familyPlan: 'A plan', ...dateParts(daysAgo(30), 'heldOn') })
    await decideToIssue(f)
    await apply(f)
    const [facts] = await preProceedingsAndFgdmFor(db(), [f.referralId])
    expect(facts).toEqual({
      childId: f.childId, referralId: f.referralId,
      preProceedingsDecisionDate: decided, letterBeforeProceedingsDate: letter,
      initialPreProceedingsMeetingDate: daysAgo(45), reviewPreProceedingsMeetings: 1,
      preProceedingsOutcome: 'issue', preProceedingsOutcomeDate: daysAgo(10),
      fgdmOffered: '1', fgdmOfferDate: letter, fgdmOfferInLetterBeforeProceedings: '1', fgdmAccepted: '1', fgdmDeclinedByAll: '0',
      fgdmMeetingDate: daysAgo(30), fgdmFamilyPlan: '1', fgdmBestInterestsExemption: '0', fgdmExemptionDate: null,
      applicationDate: daysAgo(5), applicationOrderType: 'care',
    })
    expect(await preProceedingsAndFgdmFor(db(), [])).toEqual([])
  })
})
