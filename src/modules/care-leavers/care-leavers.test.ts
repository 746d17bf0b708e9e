// HTTP tests through the real app: a young person who left care at 18 is a former relevant care leaver, with the
// needs assessment, pathway plan and reviews, personal adviser, OC3 birthday contact, Staying Put and staying close;
// each rule refuses bad input by name, keeps the answers and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, createOtherAuthority, lookedAfterBetween } from '../../../test/support/records.js'
import { deadlinesFor } from '../../platform/casework/deadlines.js'
import { addDays, addMonths, addYears, todayInEngland } from '../../platform/working-days/local-date.js'
import { oc3Rows } from './service.js'
import { postForm } from '../looked-after/test-forms.js'

let t: TestApp
let sw: Agent
let leaver: string
let neverInCare: string
const today = todayInEngland()
// 19 forty days ago; came into care at 15 and left on the 18th birthday, so the 903 asks about the 19th (rule 1016).
const dob = addDays(addYears(today, -19), -40)
const at = (age: number) => addYears(dob, age)
const base = () => `/children/${leaver}/care-leaver`
const date = (name: string, iso: string) => ({ [`${name}-day`]: iso.slice(8), [`${name}-month`]: iso.slice(5, 7), [`${name}-year`]: iso.slice(0, 4) })
const rows = (table: 'pathway_plan_reviews' | 'pathway_plans' | 'personal_advisers' | 'care_leaver_birthday_contacts' | 'personal_adviser_requests') =>
  t.database.db.selectFrom(table).select('id').execute()

beforeAll(async () => {
  t = await createTestApp()
  leaver = await createChild(t.database.db, { firstName: 'Jade', lastName: 'Rowe', dateOfBirth: dob })
  await lookedAfterBetween(t.database.db, leaver, addDays(at(15), 10), at(18))
  neverInCare = await createChild(t.database.db, { firstName: 'Kai', lastName: 'Moss', dateOfBirth: addDays(addYears(today, -17), -10) })
  await allocate(t.database.db, leaver, 'social.worker')
  await allocate(t.database.db, neverInCare, 'social.worker')
  sw = await signedIn(t.app, 'social.worker')
})
afterAll(async () => { await t?.close() })

describe('status derived from the care history', () => {
  it('shows a former relevant young person with the reason, on their page, the child page and the list', async () => {
    const page = await sw.get(base())
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Former relevant child')
    expect(page.body).toContain('an eligible child from')
    const child = await sw.get(`/children/${leaver}`)
    expect(child.body).toContain('id="care-leaver"')
    expect(child.body).toContain('Former relevant child')
    const list = await sw.get('/care-leavers')
    expect(list.body).toContain('Jade Rowe')
    expect(list.body).not.toContain('Kai Moss')
  })

  it('puts the overdue needs assessment (CL-01) and the 19th birthday contact on my work', async () => {
    const deadlines = await deadlinesFor(t.database.db, [leaver], today)
    expect(deadlines.find((d) => d.ruleId === 'CL-01')?.due).toBe(addMonths(at(16), 3))
    expect(deadlines.find((d) => d.ruleId === 'OC3')).toMatchObject({ due: addMonths(at(19), 1), href: `${base()}/birthday-contacts/new?age=19` })
    expect((await sw.get('/my-work')).body).toContain('Assess the eligible child')
  })
})

describe('needs assessment, pathway plan and reviews', () => {
  it('refuses a review with no plan, and a plan with no assessment, naming the rule and writing nothing', async () => {
    await sw.get(`${base()}/pathway-plan/reviews/new`)
    const review = await postForm(sw, `${base()}/pathway-plan/reviews/new`, date('date', addDays(today, -5)))
    expect(review.statusCode).toBe(400)
    expect(review.body).toContain('There is no pathway plan to review: record the pathway plan first (CL-02)')
    expect(review.body).toContain(`value="${addDays(today, -5).slice(0, 4)}"`)
    const plan = await postForm(sw, `${base()}/pathway-plan`, date('date', addDays(today, -30)))
    expect(plan.statusCode).toBe(400)
    expect(plan.body).toContain('Record the needs assessment first')
    expect(await rows('pathway_plans')).toEqual([])
  })

  it('records the assessment and plan; a review on or before the plan is refused; a review moves CL-02 on six months', async () => {
    expect((await postForm(sw, `${base()}/needs-assessment`, date('date', addMonths(at(16), 2)))).statusCode).toBe(303)
    const early = await postForm(sw, `${base()}/pathway-plan`, date('date', addMonths(at(16), 1)))
    expect(early.body).toContain('on or after the needs assessment')
    const planDate = addMonths(at(16), 3)
    expect((await postForm(sw, `${base()}/pathway-plan`, date('date', planDate))).statusCode).toBe(303)
    const sameDay = await postForm(sw, `${base()}/pathway-plan/reviews/new`, date('date', planDate))
    expect(sameDay.statusCode).toBe(400)
    expect(sameDay.body).toContain('after the pathway plan it reviews was made')
    const reviewDate = addDays(today, -20)
    expect((await postForm(sw, `${base()}/pathway-plan/reviews/new`, date('date', reviewDate))).statusCode).toBe(303)
    const deadlines = await deadlinesFor(t.database.db, [leaver], today)
    expect(deadlines.find((d) => d.ruleId === 'CL-01')).toBeUndefined()
    expect(deadlines.find((d) => d.ruleId === 'CL-02')?.due).toBe(addMonths(reviewDate, 6))
    const events = await t.database.db.selectFrom('child_events').select('type').where('child_id', '=', leaver).execute()
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['care_leaver.needs_assessment_completed', 'care_leaver.pathway_plan_made', 'care_leaver.pathway_plan_reviewed']))
    expect((await sw.get(`/children/${leaver}/chronology`)).body).toContain('Pathway plan reviewed on')
  })
})

describe('personal adviser', () => {
  it('refuses an end before the start, an end after 21 without a request, and a request to 25 before 21', async () => {
    const backwards = await postForm(sw, `${base()}/personal-adviser`, { name: 'Lee Adams', ...date('from', addDays(today, -10)), ...date('to', addDays(today, -20)) })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.body).toContain('The end date must be on or after the date the adviser started')
    expect(backwards.body).toContain('value="Lee Adams"')
    const beyond21 = await postForm(sw, `${base()}/personal-adviser`, { name: 'Lee Adams', ...date('from', addDays(today, -10)), ...date('to', addDays(at(21), 30)) })
    expect(beyond21.body).toContain('after that only at the young person’s request')
    const request = await postForm(sw, `${base()}/adviser-request`, date('date', addDays(today, -1)))
    expect(request.statusCode).toBe(400)
    expect(request.body).toContain('A request for a personal adviser to 25 is made from the 21st birthday')
    expect(await rows('personal_advisers')).toEqual([])
    expect(await rows('personal_adviser_requests')).toEqual([])
  })

  it('records the adviser, shown on the child page', async () => {
    expect((await postForm(sw, `${base()}/personal-adviser`, { name: 'Lee Adams', ...date('from', addDays(today, -10)) })).statusCode).toBe(303)
    expect((await sw.get(`/children/${leaver}`)).body).toContain('Lee Adams')
  })
})

describe('in touch, activity and accommodation (OC3)', () => {
  it('refuses a young person who is not a care leaver, codes not in the list and codes that do not go together', async () => {
    const notLeaver = `/children/${neverInCare}/care-leaver/birthday-contacts/new`
    await sw.get(notLeaver)
    const refused = await postForm(sw, notLeaver, { age: '17', ...date('date', addDays(today, -5)), inTouch: 'YES', activity: 'F2', accommodation: 'B1' })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('only if they had left care as an eligible child')
    const leftThatDay = await postForm(sw, `${base()}/birthday-contacts/new`, { age: '18', ...date('date', addDays(at(18), 5)), inTouch: 'YES', activity: 'F2', accommodation: 'B1' })
    expect(leftThatDay.body).toContain('left care on that birthday, which counts as looked after on it (903 rule 1016)')
    const badCodes = await postForm(sw, `${base()}/birthday-contacts/new`, { age: '19', ...date('date', addDays(at(19), 5)), inTouch: 'MAYBE', activity: 'F3', accommodation: 'Q1' })
    expect(badCodes.body).toContain('903 rule 131')
    expect(badCodes.body).toContain('903 rule 132')
    expect(badCodes.body).toContain('903 rule 133')
    const together = await postForm(sw, `${base()}/birthday-contacts/new`, { age: '19', ...date('date', addDays(at(19), 5)), inTouch: 'YES', activity: '0', accommodation: 'U1' })
    expect(together.body).toContain('903 rule 345')
    expect(together.body).toMatch(/value="U1" selected/)
    expect(await rows('care_leaver_birthday_contacts')).toEqual([])
  })

  it('records the 19th birthday contact, shown in plain English and as an OC3 row for the collection year', async () => {
    expect((await postForm(sw, `${base()}/birthday-contacts/new`, { age: '19', ...date('date', addDays(at(19), 5)), inTouch: 'YES', activity: 'F4', accommodation: 'Z1' })).statusCode).toBe(303)
    const page = await sw.get(base())
    expect(page.body).toContain('Full-time apprenticeship')
    expect(page.body).toContain('With former foster carers (Staying Put): suitable')
    const again = await postForm(sw, `${base()}/birthday-contacts/new`, { age: '19', ...date('date', addDays(at(19), 6)), inTouch: 'YES', activity: 'F4', accommodation: 'Z1' })
    expect(again.body).toContain('already been recorded')
    const nineteenth = at(19)
    const year = Number(nineteenth.slice(5) >= '04-01' ? nineteenth.slice(0, 4) : Number(nineteenth.slice(0, 4)) - 1)
    expect(await oc3Rows(t.database.db, '886', year)).toEqual([{ CHILD: leaver, DOB: dob, IN_TOUCH: 'YES', ACTIV: 'F4', ACCOM: 'Z1', birthdayAge: 19 }])
    expect((await deadlinesFor(t.database.db, [leaver], today)).find((d) => d.ruleId === 'OC3')).toBeUndefined()
  })
})

describe('Staying Put and staying close', () => {
  it('refuses Staying Put before 18 or beyond 21, then records it from the 18th birthday', async () => {
    const early = await postForm(sw, `${base()}/staying-put`, { carer: 'Ruth Carter', ...date('start', addDays(at(18), -1)) })
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('the 18th birthday, when Staying Put starts (CL-03)')
    const late = await postForm(sw, `${base()}/staying-put`, { carer: 'Ruth Carter', ...date('start', at(18)), ...date('end', addDays(at(21), 1)) })
    expect(late.body).toContain('Staying Put lasts until 21 at most')
    expect((await postForm(sw, `${base()}/staying-put`, { carer: 'Ruth Carter', ...date('start', at(18)) })).statusCode).toBe(303)
  })

  it('refuses staying close for a young person not former relevant; records it for one who is', async () => {
    const notLeaver = await postForm(sw, `/children/${neverInCare}/care-leaver/staying-close`, { ...date('date', addDays(today, -1)), outcome: 'provide' })
    expect(notLeaver.statusCode).toBe(400)
    expect(notLeaver.body).toContain('(CL-04)')
    expect((await postForm(sw, `${base()}/staying-close`, { ...date('date', addDays(today, -1)), outcome: 'provide' })).statusCode).toBe(303)
    expect((await sw.get(base())).body).toContain('Staying close support is needed and will be provided')
  })
})

describe('OC3 rows for a collection year', () => {
  it('has a blank row for a relevant young person with nothing recorded, and none for one still looked after on the birthday', async () => {
    const year = 2024 // 1 April 2024 to 31 March 2025
    const relevant = await createChild(t.database.db, { firstName: 'Ada', lastName: 'Lowe', dateOfBirth: '2007-09-01' })
    await lookedAfterBetween(t.database.db, relevant, '2022-01-10', '2024-05-01', { reasonLeft: 'E5' }) // left at 16 as an eligible child
    const stillInCare = await createChild(t.database.db, { firstName: 'Bo', lastName: 'Lane', dateOfBirth: '2007-10-01' })
    await lookedAfterBetween(t.database.db, stillInCare, '2022-01-10', '2025-01-01', { reasonLeft: 'E5' }) // looked after on the 17th birthday
    const rows903 = (await oc3Rows(t.database.db, '886', year)).filter((r) => [relevant, stillInCare].includes(r.CHILD))
    expect(rows903).toEqual([{ CHILD: relevant, DOB: '2007-09-01', IN_TOUCH: null, ACTIV: null, ACCOM: null, birthdayAge: 17 }])
  })
})

describe('access', () => {
  it('another authority’s young person is not found', async () => {
    await createOtherAuthority(t.database.db)
    const elsewhere = await createChild(t.database.db, { laCode: '887', firstName: 'Zed', lastName: 'Far', dateOfBirth: dob })
    expect((await sw.get(`/children/${elsewhere}/care-leaver`)).statusCode).toBe(404)
    expect((await sw.post(`/children/${elsewhere}/care-leaver/needs-assessment`, date('date', addDays(today, -1)))).statusCode).toBe(404)
  })

  it('lets only social workers and team managers see the list', async () => {
    const police = await signedIn(t.app, 'police')
    expect((await police.get('/care-leavers')).statusCode).toBe(403)
    const manager = await signedIn(t.app, 'team.manager')
    expect((await manager.get('/care-leavers')).statusCode).toBe(200)
  })

  it('offers the link to the leaving care record on the child page only to those who may open it', async () => {
    const link = `href="${base()}"`
    expect((await sw.get(`/children/${leaver}`)).body).toContain(link)
    expect((await sw.get(base())).statusCode).toBe(200)
    // The front door reads any child's page on duty, but the leaving care record is the case's.
    const frontDoor = await signedIn(t.app, 'front.door')
    const page = await frontDoor.get(`/children/${leaver}`)
    expect(page.body).toContain('id="care-leaver"')
    expect(page.body).not.toContain(link)
    expect((await frontDoor.get(base())).statusCode).toBe(403)
  })
})
