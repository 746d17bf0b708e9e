// One child's journey in Chromium, through every module's own pages: a contact at the front door, the
// referral it opens, the strategy discussion, the section 47 enquiry, the initial conference and the plan,
// a core group, the review that ends the plan, a child in need plan and closing the case. At each step the
// deadlines shown are those of the timescale rules, and the chronology tells the story at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible, fillDate, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { allocate, createChild } from '../../../test/support/records.js'
import { dueDate, timescaleSettings } from '../../platform/timescales/engine.js'
import type { TimescaleRuleId } from '../../platform/timescales/rules.js'
import { addDays, todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { ukDate } from './forms.js'

let h: BrowserHarness
let childId: string
beforeAll(async () => {
  h = await startBrowserHarness()
  childId = await createChild(h.t.database.db, { firstName: 'Ava', lastName: 'Journeyman', dateOfBirth: '2016-02-11' })
  await allocate(h.t.database.db, childId, 'social.worker')
})
afterAll(async () => { await h?.close() })

// The journey runs in the past, so every date is one a user may enter today.
const today = todayInEngland()
const referral = addDays(today, -200)
const discussion = addDays(referral, 1)
const outcome = addDays(discussion, 10)
const conference = addDays(discussion, 14)
const coreGroup = addDays(conference, 7)
const review = addDays(conference, 80)
const cinPlan = addDays(review, 1)
const closure = addDays(review, 40)
const settings = timescaleSettings()
const due = (rule: TimescaleRuleId, from: LocalDate) => ukDate(dueDate(rule, from, settings))

const at = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search
const settle = (page: Page, pattern: RegExp) => expect.poll(() => at(page)).toMatch(pattern)

/** The module's deadlines table on the page: each rule id shown with its due date. */
async function deadlinesShown(page: Page): Promise<Record<string, string>> {
  const rows = await page.locator('table[data-deadlines="child-protection"] tbody tr').allTextContents()
  return Object.fromEntries(rows.map((row) => {
    const text = row.replace(/\s+/g, ' ')
    return [/\b(CP-\d+(?:\.\w+)?):/.exec(text)![1]!, /\d{1,2} \w+ \d{4}/.exec(text)![0]]
  }))
}

async function overview(page: Page) {
  await page.goto(`/children/${childId}/child-protection`)
  await expectAccessible(page)
  return deadlinesShown(page)
}

describe('a child’s journey from contact to closure', () => {
  it('follows every step with the deadlines each leaves, and the chronology', async () => {
    // The front door records the contact and decides a strategy discussion is needed: the referral opens.
    const door = await h.newPage({ signInAs: 'front.door' })
    await door.goto(`/children/${childId}/contacts/new`)
    await fillDate(door, 'received', referral)
    await door.getByLabel('Time received').fill('09:30')
    await door.getByLabel('Name of the person who made contact').fill('Ms Head')
    await door.getByLabel('Who is the referrer?').selectOption('2A')
    await door.getByLabel('What is the concern?').fill('Ava came to school with a burn on her hand and said her stepfather did it.')
    await door.getByLabel('Not asked: asking would put the child at risk').check()
    await door.getByLabel('If not, why not?').fill('Risk of harm if the stepfather is told')
    await door.getByRole('button', { name: 'Record contact' }).click()
    await expect.poll(() => new URL(door.url()).pathname).toMatch(/^\/front-door\/contacts\/[0-9a-f-]{36}$/)
    await door.getByLabel('Strategy discussion needed (urgent)').check()
    await door.getByLabel('Child’s primary need').selectOption('N1')
    await fillDate(door, 'decided', referral)
    await door.getByLabel('Time of the decision').fill('11:00')
    await door.getByLabel('Reason for the decision').fill('Injury alleged to be caused by a carer')
    await door.getByLabel('What the referrer was told').fill('A strategy discussion will be held today')
    await fillDate(door, 'feedbackGiven', referral)
    await door.getByRole('button', { name: 'Record decision' }).click()
    await settle(door, /^\/front-door\?decided=/)

    // The social worker sees the assessment and the strategy discussion due from the referral.
    const worker = await h.newPage({ signInAs: 'social.worker' })
    expect(await overview(worker)).toEqual({ 'CP-03': due('CP-03', referral), 'CP-02': due('CP-02', referral) })

    await worker.getByRole('link', { name: 'Record a strategy discussion' }).click()
    await fillDate(worker, 'discussionDate', discussion)
    await worker.getByLabel('Children’s social care').fill('Sam Okafor, social worker')
    await worker.getByLabel('Police').fill('DC Laura Kemp')
    await worker.getByLabel('Health').fill('Grace Adeyemi, school nurse')
    await worker.getByRole('radio', { name: 'Start a section 47 enquiry' }).check()
    await worker.getByRole('button', { name: 'Save the strategy discussion' }).click()
    await settle(worker, /recorded=strategy-discussion$/)
    await worker.getByRole('link', { name: 'Start a section 47 enquiry' }).click()
    await fillDate(worker, 'startDate', discussion)
    await worker.getByRole('button', { name: 'Start the enquiry' }).click()
    await settle(worker, /recorded=section-47-started$/)
    expect(await overview(worker)).toEqual({
      'CP-02': due('CP-02', referral), 'CP-04': due('CP-04', discussion), 'CP-05': due('CP-05', discussion),
    })

    await worker.getByRole('link', { name: /Record the outcome of the section 47 enquiry/ }).click()
    await worker.getByRole('radio', { name: /an initial child protection conference is needed/ }).check()
    await fillDate(worker, 'outcomeDate', outcome)
    await worker.getByRole('button', { name: 'Save the outcome' }).click()
    await settle(worker, /recorded=section-47-concluded$/)
    expect(await overview(worker)).toEqual({ 'CP-02': due('CP-02', referral), 'CP-05': due('CP-05', discussion) })

    // The chair finds the conference due on their list and records it: a plan under physical abuse.
    const chair = await h.newPage({ signInAs: 'iro' })
    await chair.goto('/conferences')
    expect(await chair.locator('tr', { hasText: 'Ava Journeyman' }).textContent()).toContain(due('CP-05', discussion))
    await chair.getByRole('link', { name: 'Ava Journeyman' }).click()
    await fillDate(chair, 'conferenceDate', conference)
    await chair.getByRole('radio', { name: /Yes: the child is at continuing risk/ }).check()
    await chair.getByRole('radio', { name: 'Physical abuse' }).check()
    await chair.getByRole('button', { name: 'Save the conference' }).click()
    await settle(chair, /recorded=initial-conference$/)

    expect(await overview(worker)).toEqual({
      'CP-02': due('CP-02', referral), 'CP-07.first': due('CP-07.first', conference), 'CP-08': due('CP-08', conference), 'CP-10': due('CP-10', conference),
    })
    expect(await worker.locator('#plan-status').textContent()).toContain('physical abuse')
    expect(await worker.locator('#plan-status').textContent()).not.toContain('Second or subsequent plan')
    await worker.goto('/my-work')
    expect(await worker.locator('tr', { hasText: 'Ava Journeyman' }).textContent()).toContain('Complete the child and family assessment')

    await worker.goto(`/children/${childId}/child-protection`)
    await worker.getByRole('link', { name: 'Record a core group meeting' }).click()
    await fillDate(worker, 'meetingDate', coreGroup)
    await worker.getByRole('button', { name: 'Save the meeting' }).click()
    await settle(worker, /recorded=core-group$/)
    expect((await deadlinesShown(worker))['CP-07.subsequent']).toBe(due('CP-07.subsequent', coreGroup))

    // The review conference finds no continuing risk: the plan ends there.
    await chair.goto('/conferences')
    expect(await chair.locator('tr', { hasText: 'Ava Journeyman' }).textContent()).toContain(due('CP-08', conference))
    await chair.getByRole('link', { name: 'Ava Journeyman' }).click()
    await settle(chair, /\/reviews\/new$/)
    await fillDate(chair, 'conferenceDate', review)
    await chair.getByRole('radio', { name: /The plan ends/ }).check()
    await chair.getByRole('button', { name: 'Save the review conference' }).click()
    await settle(chair, /recorded=review-conference$/)
    expect(await overview(worker)).toEqual({ 'CP-02': due('CP-02', referral) })
    expect(await worker.locator('#past-plans ~ table').first().textContent()).toContain('no longer at continuing risk')

    // Child in need: a plan, then the case closes.
    await worker.goto(`/children/${childId}/child-in-need`)
    await worker.getByRole('link', { name: 'Start a child in need plan' }).click()
    await fillDate(worker, 'startDate', cinPlan)
    await worker.getByRole('button', { name: 'Start the plan' }).click()
    await settle(worker, /recorded=plan$/)
    await worker.goto(`/children/${childId}`)
    expect(await worker.locator('#deadlines ~ table').first().textContent()).toContain('Review the child in need plan')
    await worker.goto(`/children/${childId}/child-in-need`)
    await worker.getByRole('link', { name: 'Close the case' }).click()
    await fillDate(worker, 'closureDate', closure)
    await worker.getByRole('radio', { name: /Services ended for another reason/ }).check()
    await worker.getByRole('button', { name: 'Close the case' }).click()
    await expect.poll(() => worker.title()).not.toMatch(/^Error: /)
    await expect.poll(async () => (await h.t.database.db.selectFrom('referrals').where('child_id', '=', childId).select('closure_date').executeTakeFirstOrThrow()).closure_date).toBe(closure)
    expect(await overview(worker)).toEqual({})

    // The chronology tells the whole story, newest first.
    await worker.goto(`/children/${childId}/chronology`)
    await expectAccessible(worker)
    const story = (await worker.locator('main').textContent())!.replace(/\s+/g, ' ')
    const expected = [
      'Case closed', 'Child protection plan ended', 'Child protection review conference: plan ends', 'Core group meeting',
      'Child protection plan started: physical abuse', 'Initial child protection conference: child protection plan, physical abuse',
      'Section 47 enquiry concluded', 'Section 47 enquiry started', 'Strategy discussion with children’s social care, police, health: start a section 47 enquiry',
      'Referral to children’s social care: strategy discussion needed',
    ]
    const positions = expected.map((summary) => story.indexOf(summary))
    expect(positions.every((p) => p >= 0), JSON.stringify(Object.fromEntries(expected.map((s, i) => [s, positions[i]])))).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    // The contact is on the referral's day: the front door dates the referral at the start of that day.
    expect(story).toContain('Contact from schools')
    expect(story).toMatch(/child in need plan/i)
  })
})
