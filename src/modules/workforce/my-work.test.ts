// "My work" and the team's work: each allocated child with the next statutory deadline from the
// registered deadline providers, what is overdue and by how many days, and caseloads per worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, createWorkerBeside } from '../../../test/support/records.js'
import { addDeadlineProvider, type ChildDeadline } from '../../platform/casework/deadlines.js'
import { addDays, todayInEngland } from '../../platform/working-days/local-date.js'
import { workerCaseloads } from './service.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

// A provider like any module's: deadlines for the children asked about, due a set number of days from today.
const due = new Map<string, Array<{ what: string; inDays: number }>>()
addDeadlineProvider({
  id: 'workforce-test',
  deadlines: async (_db, childIds, today) => childIds.flatMap((childId) => (due.get(childId) ?? []).map((d): ChildDeadline => ({
    childId, ruleId: 'test', what: d.what, due: addDays(today, d.inDays), href: `/children/${childId}`,
  }))),
})

async function child(firstName: string, worker: string, deadlines: Array<{ what: string; inDays: number }> = [], restricted = false) {
  const id = await createChild(t.database.db, { firstName, lastName: 'Testcase', restricted })
  await allocate(t.database.db, id, worker)
  due.set(id, deadlines)
  return id
}

/** The table's rows: child, then each cell's text. */
function rows(html: string): string[][] {
  const body = html.slice(html.lastIndexOf('<tbody'))
  return [...body.matchAll(/<tr class="govuk-table__row" data-child-id[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!.replace(/<br>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()))
}

let ids: Record<string, string>
beforeAll(async () => {
  ids = {
    green: await child('Green', 'social.worker', [{ what: 'Child in need plan review', inDays: 20 }]),
    none: await child('Nothing', 'social.worker'),
    red: await child('Late', 'social.worker', [{ what: 'Initial child protection conference', inDays: -3 }, { what: 'Assessment', inDays: -1 }, { what: 'Visit', inDays: 4 }]),
    amber: await child('Soon', 'social.worker', [{ what: 'Statutory visit', inDays: 2 }]),
    today: await child('Today', 'social.worker', [{ what: 'Strategy discussion', inDays: 0 }]),
    hidden: await child('Hidden', 'social.worker', [], true),
    managers: await child('Managed', 'team.manager', [{ what: 'Supervision', inDays: -1 }]),
  }
  const ended = await child('Ended', 'social.worker', [{ what: 'Old deadline', inDays: -10 }])
  await t.database.db.updateTable('allocations').set({ ended_on: todayInEngland() }).where('child_id', '=', ended).execute()
})

describe('my work', () => {
  it('lists my allocated children, most urgent first, with the next deadline, RAG and what is overdue by how many days', async () => {
    const page = await (await signedIn(t.app, 'social.worker')).get('/my-work')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Children allocated to you (6)')
    expect(page.body).toContain('2 statutory deadlines are overdue.')
    const soon = `Due ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${addDays(todayInEngland(), 2)}T12:00:00Z`))}, in 2 days`
    expect(rows(page.body)).toEqual([
      ['Late Testcase', 'Overdue', 'Initial child protection conference Overdue by 3 days', 'Initial child protection conference: 3 days Assessment: 1 day'],
      ['Today Testcase', 'Due soon', 'Strategy discussion Due today', 'None'],
      ['Soon Testcase', 'Due soon', `Statutory visit ${soon}`, 'None'],
      ['Green Testcase', 'On track', expect.stringMatching(/^Child in need plan review Due .+, in 20 days$/), 'None'],
      ['Restricted record', 'Nothing due', 'None due', 'None'],
      ['Nothing Testcase', 'Nothing due', 'None due', 'None'],
    ])
    expect(page.body).not.toContain('Hidden Testcase')
    expect(page.body).not.toContain('Managed Testcase')
    expect(page.body).not.toContain('Ended Testcase')
    expect(page.body).toContain(`<a class="govuk-link" href="/children/${ids.red}">Late Testcase</a>`)
  })

  it('says when nothing is allocated, and is only for those who hold cases', async () => {
    const manager = await signedIn(t.app, 'team.manager')
    expect(rows((await manager.get('/my-work')).body).map((r) => r[0])).toEqual(['Managed Testcase'])
    for (const who of ['police', 'front.door', 'analyst']) expect((await (await signedIn(t.app, who)).get('/my-work')).statusCode).toBe(403)
  })

  it('adds "My work" to the navigation for workers and "Team" for team managers', async () => {
    const worker = await (await signedIn(t.app, 'social.worker')).get('/')
    expect(worker.body).toContain('href="/my-work"')
    expect(worker.body).not.toContain('href="/team"')
    const manager = await (await signedIn(t.app, 'team.manager')).get('/team')
    expect(manager.body).toContain('href="/my-work"')
    expect(manager.body).toMatch(/href="\/team"\s*aria-current="true"/)
  })
})

describe('the team’s work', () => {
  it('shows each worker’s caseload, counting those with none, and every child in the team with its deadlines', async () => {
    const newcomer = await createWorkerBeside(t.database.db, 'social.worker', 'Nia Newcomer')
    const manager = await signedIn(t.app, 'team.manager')
    const page = await manager.get('/team')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Assessment and intervention')
    const caseloads = [...page.body.matchAll(/<tr class="govuk-table__row" data-worker-id="([^"]+)">([\s\S]*?)<\/tr>/g)]
      .map((m) => [...m[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]))
    expect(caseloads).toEqual([['Sam Okafor', '6', '2'], ['Priya Shah', '1', '1'], ['Nia Newcomer', '0', '0']])
    const children = rows(page.body)
    expect(children).toHaveLength(7)
    expect(children[0]).toEqual(['Late Testcase', 'Sam Okafor', 'Overdue', 'Initial child protection conference Overdue by 3 days', 'Initial child protection conference: 3 days Assessment: 1 day'])
    expect(children.map((r) => r[0])).toContain('Managed Testcase')
    expect(children.map((r) => r[0])).toContain('Restricted record')
    const caseloadOf = Object.fromEntries((await workerCaseloads(t.database.db, '886', (await t.database.db.selectFrom('users').where('id', '=', newcomer).select('team_id').executeTakeFirstOrThrow()).team_id!))
      .map((c) => [c.worker, c.children]))
    expect(caseloadOf).toEqual({ 'Sam Okafor': 6, 'Priya Shah': 1, 'Nia Newcomer': 0 })
  })

  it('is for team managers only', async () => {
    expect((await (await signedIn(t.app, 'social.worker')).get('/team')).statusCode).toBe(403)
  })
})
