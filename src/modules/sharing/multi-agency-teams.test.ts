// Multi-agency child protection teams (CWSA 2026 s3): a team lacking a required agency is refused;
// members see and work the cases the team holds, with a named lead child protection practitioner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { createChild, userId } from '../../../test/support/records.js'

let t: TestApp
let manager: Agent
const ids: Record<string, string> = {}
beforeAll(async () => {
  t = await createTestApp()
  for (const local of ['social.worker', 'team.manager', 'school.dsl', 'health.visitor', 'police']) ids[local] = await userId(t.database.db, local)
  manager = await signedIn(t.app, 'team.manager')
  await manager.get('/multi-agency-teams/new')
})
afterAll(async () => { await t.close() })

const fullTeam = (name: string) => ({
  name, 'members-social_worker': ids['social.worker']!, 'members-education': ids['school.dsl']!,
  'members-health': ids['health.visitor']!, 'members-police': ids.police!,
})

describe('setting up a team', () => {
  it('refuses a team without a police member, naming what is missing, and writes nothing', async () => {
    const { 'members-police': _police, ...noPolice } = fullTeam('North team')
    const response = await manager.post('/multi-agency-teams/new', noPolice)
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('must include a police officer or member of police staff')
    expect(await t.database.db.selectFrom('multi_agency_teams').selectAll().execute()).toEqual([])
  })

  it('refuses someone in the wrong place on the team', async () => {
    const response = await manager.post('/multi-agency-teams/new', { ...fullTeam('Wrong team'), 'members-health': ids.police! })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('from the list')
  })

  it('sets up a team with all four agencies, and lets a member but not an outsider see it', async () => {
    const response = await manager.post('/multi-agency-teams/new', fullTeam('Maidstone MACPT'))
    expect(response.statusCode).toBe(303)
    const police = await signedIn(t.app, 'police')
    const teamUrl = String(response.headers.location)
    expect((await police.get(teamUrl)).body).toContain('Maidstone MACPT')
    const iro = await signedIn(t.app, 'iro')
    expect((await iro.get(teamUrl)).statusCode).toBe(403)
  })
})

describe('the cases a team holds', () => {
  it('gives the team a case with a social worker as lead, after which every member can open the child', async () => {
    const created = await manager.post('/multi-agency-teams/new', fullTeam('Ashford MACPT'))
    const teamUrl = String(created.headers.location)
    const child = await createChild(t.database.db, { firstName: 'Maya', lastName: 'Teamcase' })
    const police = await signedIn(t.app, 'police')
    expect((await police.get(`/children/${child}`)).statusCode).toBe(403)

    await manager.get(teamUrl)
    const notSocialWorker = await manager.post(`${teamUrl}/cases`, { childId: child, leadPractitionerId: ids.police! })
    expect(notSocialWorker.statusCode).toBe(400)
    expect(notSocialWorker.body).toContain('must be a social worker on the team')

    expect((await manager.post(`${teamUrl}/cases`, { childId: child, leadPractitionerId: ids['social.worker']! })).statusCode).toBe(303)
    expect((await police.get(`/children/${child}`)).statusCode).toBe(200)
    const team = await police.get(teamUrl)
    expect(team.body).toContain('Maya Teamcase')
    expect(team.body).toContain('lead child protection practitioner Sam Okafor')
    const again = await manager.post(`${teamUrl}/cases`, { childId: child, leadPractitionerId: ids['social.worker']! })
    expect(again.body).toContain('already holds this child’s case')
  })

  it('refuses a child of another authority or an id that is not a child', async () => {
    const created = await manager.post('/multi-agency-teams/new', fullTeam('Dover MACPT'))
    const teamUrl = String(created.headers.location)
    await manager.get(teamUrl)
    const response = await manager.post(`${teamUrl}/cases`, { childId: 'not-an-id', leadPractitionerId: ids['social.worker']! })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Enter the Kindred ID of a child in this authority')
  })
})

describe('team pages in a browser', () => {
  let h: BrowserHarness
  beforeAll(async () => { h = await startBrowserHarness() })
  afterAll(async () => { await h?.close() })

  it('shows the list and the set-up form with its errors, accessibly', async () => {
    const page = await h.newPage({ signInAs: 'team.manager' })
    await page.goto('/multi-agency-teams')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Set up a team' }).click()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Set up team' }).click()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter a name for the team')
    await expectAccessible(page)
  })
})
