// The prospective adopters' pages through the real app: who may use them, adding a household (errors keep what was
// typed), the recruitment stages in order, leaving with a reason, and matching approved adopters with a child, which
// lands on the child's adoption record with the child's event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, formToken, signedIn, type Agent, type TestApp } from '../../../../test/support/app.js'
import { createOtherAuthority, userId } from '../../../../test/support/records.js'
import { recordAdoptionMilestone } from '../../looked-after/service.js'
import { adopterAnswers, childToBeAdopted, dateParts, marriedCouple } from './test-kit.js'

let t: TestApp
let placements: Agent
const db = () => t.database.db

beforeAll(async () => {
  t = await createTestApp()
  placements = await signedIn(t.app, 'placements')
})
afterAll(async () => { await t?.close() })

async function addHousehold(form: Record<string, string>): Promise<string> {
  await placements.get('/adopters/new')
  const response = await placements.post('/adopters/new', form)
  expect(response.statusCode).toBe(303)
  return /\/adopters\/([0-9a-f-]{36})\?added=true$/.exec(response.headers.location as string)![1]!
}

describe('who may use the adopters’ pages', () => {
  it('placement officers and team managers; not social workers or analysts', async () => {
    expect((await placements.get('/adopters')).statusCode).toBe(200)
    expect((await (await signedIn(t.app, 'team.manager')).get('/adopters')).statusCode).toBe(200)
    expect((await (await signedIn(t.app, 'social.worker')).get('/adopters')).statusCode).toBe(403)
    expect((await (await signedIn(t.app, 'analyst')).get('/adopters/new')).statusCode).toBe(403)
  })

  it('refuses a form without its CSRF token, and another authority’s household is not found', async () => {
    expect((await placements.post('/adopters/new', { ...marriedCouple, _csrf: 'wrong' })).statusCode).toBe(403)
    const other = await createOtherAuthority(db(), '888')
    const { id } = await db().insertInto('adopter_households').values({ la_code: other.laCode, legal_status: 'L0', fostering_for_adoption: false, enquiry_received: '2025-05-01' })
      .returning('id').executeTakeFirstOrThrow()
    expect((await placements.get(`/adopters/${id}`)).statusCode).toBe(404)
    expect((await placements.get('/adopters/not-an-id/progress')).statusCode).toBe(404)
  })
})

describe('adding prospective adopters', () => {
  it('shows each problem beside its field and keeps what was typed', async () => {
    await placements.get('/adopters/new')
    const sameSex = await placements.post('/adopters/new', {
      ...marriedCouple, 'adopter2-sex': 'F', 'adopter1-ethnicity': '', 'enquiryReceived-month': '13',
    })
    expect(sameSex.statusCode).toBe(400)
    expect(sameSex.body).toContain('Different gender married couple: the adopters’ sexes must differ')
    expect(sameSex.body).toContain('Select the ethnicity of the first adopter, or ‘Information not yet obtained’')
    expect(sameSex.body).toContain('The date the enquiry was received must be a real date')
    expect(sameSex.body).toContain('value="Priya"')
    expect(sameSex.body).toContain('value="13"')
    const single = await placements.post('/adopters/new', { ...marriedCouple, legalStatus: 'L0' })
    expect(single.body).toContain('A single adopter is one person. Leave the second adopter blank, or change the legal status')
    const couple = await placements.post('/adopters/new', { ...marriedCouple, ...adopterAnswers(2, { firstName: '', lastName: '', sex: '' as 'F', gender: '', ethnicity: '', disability: '' }) })
    expect(couple.body).toContain('Enter the second adopter of the couple')
    expect(await db().selectFrom('adopter_households').select('id').where('la_code', '=', '886').execute()).toHaveLength(0)
  })

  it('records the household with its adopters, each with an identifier from the family identifier', async () => {
    const id = await addHousehold(marriedCouple)
    const page = await placements.get(`/adopters/${id}?added=true`)
    const { reference } = await db().selectFrom('adopter_households').select('reference').where('id', '=', id).executeTakeFirstOrThrow()
    expect(reference).toMatch(/^AH\d{6}$/)
    expect(page.body).toContain('The prospective adopters have been added')
    expect(page.body).toContain(`${reference}A`)
    expect(page.body).toContain(`${reference}B`)
    expect(page.body).toContain('Different gender married couple (L11)')
    expect(page.body).toContain('Indian')
    expect((await placements.get('/adopters')).body).toContain('Priya Marsh and Owen Marsh')
  })
})

describe('recruitment stages', () => {
  it('are dated in order, none in the future; leaving needs a reason; errors keep the dates typed', async () => {
    const id = await addHousehold(marriedCouple)
    await placements.get(`/adopters/${id}/progress`)
    const backwards = await placements.post(`/adopters/${id}/progress`, {
      ...dateParts('2025-02-03', 'stage1Started'), ...dateParts('2025-01-20', 'stage1Ended'), ...dateParts('2025-03-01', 'leftOn'),
    })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.body).toContain('Stage 1 ended: the date must be on or after stage 1 started (3 February 2025)')
    expect(backwards.body).toContain('Select why the adopters left the process')
    expect(backwards.body).toContain('value="20"')
    const stages = {
      ...dateParts('2025-02-03', 'stage1Started'), ...dateParts('2025-04-01', 'stage1Ended'), ...dateParts('2025-04-02', 'applicationSubmitted'),
      ...dateParts('2025-04-07', 'stage2Started'), ...dateParts('2025-08-04', 'stage2Ended'), ...dateParts('2025-09-01', 'approved'),
    }
    expect((await placements.post(`/adopters/${id}/progress`, stages)).statusCode).toBe(303)
    const household = await db().selectFrom('adopter_households').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(household).toMatchObject({ stage1_started: '2025-02-03', stage2_ended: '2025-08-04', approved: '2025-09-01', left_on: null })
    expect((await placements.get('/adopters')).body).toContain('Approved as adopters')

    const other = await addHousehold({ ...marriedCouple, 'adopter1-firstName': 'Lena' })
    await placements.get(`/adopters/${other}/progress`)
    expect((await placements.post(`/adopters/${other}/progress`, { ...dateParts('2025-03-01', 'leftOn'), leftReason: 'withdrew' })).statusCode).toBe(303)
    expect((await placements.get(`/adopters/${other}`)).body).toContain('1 March 2025: withdrew')
  })
})

describe('matching with a child', () => {
  it('is for approved adopters, on or after approval, and lands on the child’s adoption record with its event, once', async () => {
    const id = await addHousehold({ ...marriedCouple, 'adopter1-firstName': 'Nadia' })
    const childId = await childToBeAdopted(db(), { firstName: 'Ellie', lastName: 'Matchable' }, '2024-06-01', '2025-01-15')
    const notYet = await placements.get(`/adopters/${id}`)
    expect(notYet.body).toContain('Adopters can be matched with a child once they are approved')
    let token = await formToken(placements, `/adopters/${id}/match`)
    const early = await placements.post(`/adopters/${id}/match`, { formToken: token, childId, ...dateParts('2025-10-01', 'date') })
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('These adopters are not approved yet. Record their approval before matching a child')

    await placements.get(`/adopters/${id}/progress`)
    await placements.post(`/adopters/${id}/progress`, { ...dateParts('2025-09-01', 'approved') })
    const page = await placements.get(`/adopters/${id}/match`)
    expect(page.body).toContain('Ellie Matchable')
    token = /name="formToken" value="([^"]+)"/.exec(page.body)![1]!
    const beforeApproval = await placements.post(`/adopters/${id}/match`, { formToken: token, childId, ...dateParts('2025-08-01', 'date') })
    expect(beforeApproval.body).toContain('The match must be on or after the adopters’ approval (1 September 2025)')
    expect(beforeApproval.body).toContain(`<option value="${childId}" selected>`)
    const match = { formToken: token, childId, ...dateParts('2025-10-01', 'date') }
    expect((await placements.post(`/adopters/${id}/match`, match)).statusCode).toBe(303)
    expect((await placements.post(`/adopters/${id}/match`, match)).statusCode).toBe(303)

    const milestones = await db().selectFrom('adoption_milestones').select(['milestone', 'milestone_date', 'adopter_household_id']).where('child_id', '=', childId).where('milestone', '=', 'matched').execute()
    expect(milestones).toEqual([{ milestone: 'matched', milestone_date: '2025-10-01', adopter_household_id: id }])
    const events = await db().selectFrom('child_events').select(['summary']).where('child_id', '=', childId).where('type', '=', 'adoption.milestone').execute()
    expect(events.map((e) => e.summary)).toContainEqual(expect.stringMatching(/^Matched with adopters on 1 October 2025 \(adopters AH\d{6}\)$/))
    const household = await placements.get(`/adopters/${id}`)
    expect(household.body).toContain('Ellie Matchable')
    expect(household.body).toContain('1 October 2025')
    expect((await placements.get(`/adopters/${id}/match`)).body).not.toContain('Ellie Matchable')
  })

  it('names the adopters of a match the child’s record already holds, on the date it was recorded', async () => {
    const id = await addHousehold({ ...marriedCouple, 'adopter1-firstName': 'Zara' })
    await placements.get(`/adopters/${id}/progress`)
    await placements.post(`/adopters/${id}/progress`, { ...dateParts('2025-09-01', 'approved') })
    const childId = await childToBeAdopted(db(), { firstName: 'Theo', lastName: 'Unnamed' }, '2024-06-01', '2025-01-15')
    const worker = { id: await userId(db(), 'social.worker'), laCode: '886' }
    expect(await recordAdoptionMilestone(db(), worker, childId, { milestone: 'matched', date: '2025-11-03' }, '2026-11-22')).toEqual({ outcome: 'done' })
    const page = await placements.get(`/adopters/${id}/match`)
    expect(page.body).toContain('Theo Unnamed, born 10 February 2023; matched on 3 November 2025, adopters not recorded')
    const token = /name="formToken" value="([^"]+)"/.exec(page.body)![1]!
    const otherDay = await placements.post(`/adopters/${id}/match`, { formToken: token, childId, ...dateParts('2025-11-04', 'date') })
    expect(otherDay.body).toContain('The match is already recorded on 3 November 2025: enter that date')
    expect((await placements.post(`/adopters/${id}/match`, { formToken: token, childId, ...dateParts('2025-11-03', 'date') })).statusCode).toBe(303)
    const matches = await db().selectFrom('adoption_milestones').select(['milestone_date', 'adopter_household_id']).where('child_id', '=', childId).where('milestone', '=', 'matched').execute()
    expect(matches).toEqual([{ milestone_date: '2025-11-03', adopter_household_id: id }])
    expect(await db().selectFrom('child_events').select('type').where('child_id', '=', childId).where('type', '=', 'adoption.adopters_recorded').execute()).toHaveLength(1)
    expect((await placements.get(`/adopters/${id}/match`)).body).not.toContain('Theo Unnamed')
  })
})
