// Allocating a child to a worker and team: the previous allocation ends and the new one starts in one
// transaction with its event; bad choices are refused next to the field with nothing written.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { createChild, createOtherAuthority, userId } from '../../../test/support/records.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

const teamId = async (name: string) => (await t.database.db.selectFrom('teams').where('la_code', '=', '886').where('name', '=', name).select('id').executeTakeFirstOrThrow()).id
const assessment = () => teamId('Assessment and intervention')
const allocationsOf = (child: string) => t.database.db.selectFrom('allocations').where('child_id', '=', child).selectAll().orderBy('started_on').orderBy('ended_on').execute()
const eventsOf = (child: string) => t.database.db.selectFrom('child_events').where('child_id', '=', child).selectAll().orderBy('id').execute()
const fieldError = (html: string, id: string) => new RegExp(`id="${id}-error"[^>]*>\\s*<span class="govuk-visually-hidden">Error:</span>([^<]*)`).exec(html)?.[1]?.trim()

async function managerOn(child: string) {
  const manager = await signedIn(t.app, 'team.manager')
  await manager.get(`/children/${child}/allocate`)
  return manager
}

describe('allocating a child', () => {
  it('allocates, then reallocates: one current allocation, the history kept, an event for each change', async () => {
    const child = await createChild(t.database.db)
    const manager = await managerOn(child)
    const first = await manager.post(`/children/${child}/allocate`, { teamId: await assessment(), workerId: await userId(t.database.db, 'team.manager') })
    expect(first.statusCode).toBe(303)
    expect(first.headers.location).toBe(`/children/${child}#allocation-history`)
    const noReason = await manager.post(`/children/${child}/allocate`, { teamId: await assessment(), workerId: await userId(t.database.db, 'social.worker') })
    expect(noReason.statusCode).toBe(400)
    expect(fieldError(noReason.body, 'reason')).toBe('Select why the worker is changing')
    expect(noReason.body).toContain(`value="${await userId(t.database.db, 'social.worker')}" selected`)
    expect(await allocationsOf(child)).toHaveLength(1)
    await manager.post(`/children/${child}/allocate`, { teamId: await assessment(), workerId: await userId(t.database.db, 'social.worker'), reason: 'LEFTRL' })
    const today = todayInEngland()
    // The 903 reason for each social worker episode: the first for the referral, then why the worker changed.
    expect((await allocationsOf(child)).map((a) => [a.worker_id, a.team_id, a.started_on, a.ended_on, a.change_reason])).toEqual([
      [await userId(t.database.db, 'team.manager'), await assessment(), today, today, 'FCONTA'],
      [await userId(t.database.db, 'social.worker'), await assessment(), today, null, 'LEFTRL'],
    ])
    expect((await eventsOf(child)).map((e) => [e.type, e.summary, e.significant])).toEqual([
      ['allocation.changed', 'Allocated to Priya Shah (Assessment and intervention)', true],
      ['allocation.changed', 'Allocated to Sam Okafor (Assessment and intervention), previously Priya Shah', true],
    ])
    const page = await manager.get(`/children/${child}`)
    const section = page.body.slice(page.body.indexOf('id="allocation-history"'))
    expect(section).toMatch(/Sam Okafor \(Assessment and intervention\), from \d+ \w+ \d{4} <strong class="govuk-tag govuk-tag--green">Current<\/strong>/)
    expect(section).toContain('Priya Shah (Assessment and intervention), from')
    // The newly allocated worker now reaches the child through the allocation.
    expect((await (await signedIn(t.app, 'social.worker')).get(`/children/${child}/chronology`)).statusCode).toBe(200)
  })

  it('leaves a family help lead’s allocation alone', async () => {
    const child = await createChild(t.database.db)
    const lead = await t.database.db.selectFrom('users').where('id', '=', await userId(t.database.db, 'family.help')).select(['id', 'team_id']).executeTakeFirstOrThrow()
    await t.database.db.insertInto('allocations').values({ la_code: '886', child_id: child, worker_id: lead.id, team_id: lead.team_id!, started_on: '2026-01-05', ended_on: null }).execute()
    const manager = await managerOn(child)
    await manager.post(`/children/${child}/allocate`, { teamId: await assessment(), workerId: await userId(t.database.db, 'social.worker') })
    expect((await allocationsOf(child)).filter((a) => a.ended_on === null).map((a) => a.worker_id).sort())
      .toEqual([lead.id, await userId(t.database.db, 'social.worker')].sort())
  })

  it('never leaves two current allocations when two allocations arrive at once', async () => {
    const child = await createChild(t.database.db)
    const manager = await managerOn(child)
    const [a, b] = await Promise.all([
      manager.post(`/children/${child}/allocate`, { teamId: await assessment(), workerId: await userId(t.database.db, 'social.worker'), reason: 'MANAGE' }),
      manager.post(`/children/${child}/allocate`, { teamId: await assessment(), workerId: await userId(t.database.db, 'team.manager'), reason: 'MANAGE' }),
    ])
    expect([a.statusCode, b.statusCode]).toEqual([303, 303])
    expect((await allocationsOf(child)).filter((x) => x.ended_on === null)).toHaveLength(1)
  })
})

describe('bad allocations', () => {
  async function refused(form: Record<string, string>) {
    const child = await createChild(t.database.db)
    const manager = await managerOn(child)
    const response = await manager.post(`/children/${child}/allocate`, form)
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('There is a problem')
    expect(await allocationsOf(child)).toEqual([])
    expect(await eventsOf(child)).toEqual([])
    return response.body
  }

  it('asks for a team and a worker', async () => {
    const body = await refused({})
    expect(fieldError(body, 'teamId')).toBe('Select a team')
    expect(fieldError(body, 'workerId')).toBe('Select a worker')
  })

  it('refuses a worker or team of another authority, a team that does not exist and ids that are not ids', async () => {
    const other = await createOtherAuthority(t.database.db, '889')
    const otherTeam = (await t.database.db.selectFrom('teams').where('la_code', '=', other.laCode).select('id').executeTakeFirstOrThrow()).id
    const sam = await userId(t.database.db, 'social.worker')
    expect(fieldError(await refused({ teamId: await assessment(), workerId: other.workerId }), 'workerId')).toBe('Select a social worker or team manager in this authority')
    expect(fieldError(await refused({ teamId: otherTeam, workerId: sam }), 'teamId')).toBe('Select a team in this authority')
    expect(fieldError(await refused({ teamId: randomUUID(), workerId: sam }), 'teamId')).toBe('Select a team in this authority')
    const body = await refused({ teamId: 'not-a-team', workerId: "1' or '1'='1" })
    expect(fieldError(body, 'teamId')).toBe('Select a team in this authority')
    expect(fieldError(body, 'workerId')).toBe('Select a social worker or team manager in this authority')
  })

  it('refuses someone who cannot hold the case, or a worker outside the chosen team, keeping the answers', async () => {
    expect(fieldError(await refused({ teamId: await teamId('Front door (MASH)'), workerId: await userId(t.database.db, 'front.door') }), 'workerId'))
      .toBe('Select a social worker or team manager in this authority')
    const childrenInCare = await teamId('Children in care')
    const sam = await userId(t.database.db, 'social.worker')
    const csc = await t.database.db.selectFrom('users').where('id', '=', sam).select('agency_id').executeTakeFirstOrThrow()
    await t.database.db.insertInto('users').values({ la_code: '886', agency_id: csc.agency_id, team_id: childrenInCare, manager_id: null, email: 'cic.worker@kent.demo.kindred.test',
      display_name: 'Jo Carer', role: 'social_worker', password_hash: null, oidc_subject: null, locked_until: null }).execute()
    const body = await refused({ teamId: childrenInCare, workerId: sam })
    expect(fieldError(body, 'workerId')).toBe('Sam Okafor is not in the Children in care team. Select a worker in that team, or change the team')
    expect(body).toContain(`<option value="${childrenInCare}" selected>`)
    expect(body).toContain(`<option value="${sam}" selected>`)
  })

  it('refuses allocating the current worker again', async () => {
    const child = await createChild(t.database.db)
    const manager = await managerOn(child)
    const form = { teamId: await assessment(), workerId: await userId(t.database.db, 'social.worker') }
    await manager.post(`/children/${child}/allocate`, form)
    const again = await manager.post(`/children/${child}/allocate`, form)
    expect(again.statusCode).toBe(400)
    expect(fieldError(again.body, 'workerId')).toBe('Sam Okafor is already the allocated worker')
    expect(await allocationsOf(child)).toHaveLength(1)
    expect(await eventsOf(child)).toHaveLength(1)
  })
})

describe('who allocates', () => {
  it('is a team manager; another authority’s child or a random id is "page not found"', async () => {
    const child = await createChild(t.database.db)
    const worker = await signedIn(t.app, 'social.worker')
    expect((await worker.get(`/children/${child}/allocate`)).statusCode).toBe(403)
    expect((await worker.post(`/children/${child}/allocate`, { teamId: await assessment(), workerId: await userId(t.database.db, 'social.worker') })).statusCode).toBe(403)
    const other = await createOtherAuthority(t.database.db, '890')
    const theirs = await createChild(t.database.db, { laCode: other.laCode })
    const manager = await managerOn(child)
    for (const id of [theirs, randomUUID(), 'x']) {
      expect((await manager.get(`/children/${id}/allocate`)).statusCode).toBe(404)
      expect((await manager.post(`/children/${id}/allocate`, { teamId: await assessment(), workerId: await userId(t.database.db, 'social.worker') })).statusCode).toBe(404)
    }
    expect(await allocationsOf(theirs)).toEqual([])
    // The child's page offers a team manager the way to reallocate.
    await manager.post(`/children/${child}/allocate`, { teamId: await assessment(), workerId: await userId(t.database.db, 'social.worker') })
    expect((await manager.get(`/children/${child}`)).body).toContain(`href="/children/${child}/allocate"`)
    expect((await (await signedIn(t.app, 'social.worker')).get(`/children/${child}`)).body).not.toContain(`href="/children/${child}/allocate"`)
  })
})
