// A user sees a child only through a link the route allows; another authority's child does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.js'
import { allocate, createChild, createOtherAuthority, lookedAfterBetween, userId } from '../../../test/support/records.js'
import type { Database } from '../db/database.js'
import { loadSession, createSession, type SessionUser } from '../auth/session.js'
import { resolveChildAccess } from './child-access.js'
import { caseworkLinks } from './policy.js'

let database: Database
const users: Record<string, SessionUser> = {}

async function sessionUser(local: string): Promise<SessionUser> {
  const { token } = await createSession(database.db, await userId(database.db, local))
  const lookup = await loadSession(database.db, token, 30)
  if (lookup.status !== 'active') throw new Error('no session')
  return lookup.session.user
}

beforeAll(async () => {
  database = await createTestDatabase()
  for (const local of ['social.worker', 'team.manager', 'front.door', 'family.help', 'police', 'health.visitor', 'iro']) {
    users[local] = await sessionUser(local)
  }
})
afterAll(async () => { await database.close() })

describe('resolving a user’s link to a child', () => {
  it('lets the allocated worker in, and their manager through the line', async () => {
    const child = await createChild(database.db)
    await allocate(database.db, child, 'social.worker')
    expect(await resolveChildAccess(database.db, users['social.worker']!, child, caseworkLinks)).toMatchObject({ outcome: 'allowed', via: 'allocated' })
    expect(await resolveChildAccess(database.db, users['team.manager']!, child, ['manager-line'])).toMatchObject({ outcome: 'allowed', via: 'manager-line' })
  })

  it('lets a team member in through the team link only when the route allows it', async () => {
    const child = await createChild(database.db)
    await allocate(database.db, child, 'team.manager')
    const worker = users['social.worker']!
    expect(await resolveChildAccess(database.db, worker, child, ['team'])).toMatchObject({ outcome: 'allowed', via: 'team' })
    expect(await resolveChildAccess(database.db, worker, child, ['allocated'])).toMatchObject({ outcome: 'denied' })
  })

  it('lets the front door see any child of the authority, and a team manager a child no one is allocated to yet', async () => {
    const waiting = await createChild(database.db)
    const allocated = await createChild(database.db)
    await allocate(database.db, allocated, 'social.worker')
    const otherLa = await createOtherAuthority(database.db, '889')
    const elsewhere = await createChild(database.db, { laCode: otherLa.laCode })
    expect(await resolveChildAccess(database.db, users['front.door']!, allocated, caseworkLinks)).toMatchObject({ outcome: 'allowed', via: 'duty' })
    expect(await resolveChildAccess(database.db, users['front.door']!, elsewhere, caseworkLinks)).toEqual({ outcome: 'not-found' })
    expect(await resolveChildAccess(database.db, users['team.manager']!, waiting, caseworkLinks)).toMatchObject({ outcome: 'allowed', via: 'duty' })
    expect(await resolveChildAccess(database.db, users['family.help']!, waiting, caseworkLinks)).toMatchObject({ outcome: 'denied' })
    expect(await resolveChildAccess(database.db, users['front.door']!, allocated, ['allocated', 'team'])).toMatchObject({ outcome: 'denied' })
  })

  it('lets a reviewing officer read the record of a child in care, and no longer once the child has left care', async () => {
    const inCare = await createChild(database.db)
    const left = await createChild(database.db)
    const neverInCare = await createChild(database.db)
    await lookedAfterBetween(database.db, inCare, '2026-05-01', null)
    await lookedAfterBetween(database.db, left, '2026-02-01', '2026-06-30')
    const iro = users.iro!
    expect(await resolveChildAccess(database.db, iro, inCare, caseworkLinks)).toMatchObject({ outcome: 'allowed', via: 'duty' })
    expect(await resolveChildAccess(database.db, iro, left, caseworkLinks)).toMatchObject({ outcome: 'denied' })
    expect(await resolveChildAccess(database.db, iro, neverInCare, caseworkLinks)).toMatchObject({ outcome: 'denied' })
    expect(await resolveChildAccess(database.db, users['family.help']!, inCare, caseworkLinks)).toMatchObject({ outcome: 'denied' })
  })

  it('refuses a partner with no involvement, and admits one with an involvement of their agency', async () => {
    const child = await createChild(database.db)
    const police = users.police!
    expect(await resolveChildAccess(database.db, police, child, caseworkLinks)).toEqual({ outcome: 'denied', breakGlassAllowed: true })
    await database.db.insertInto('involvements').values({ la_code: '886', child_id: child, user_id: null, agency_id: police.agencyId, kind: 'concern_raised', ended_at: null }).execute()
    expect(await resolveChildAccess(database.db, police, child, caseworkLinks)).toMatchObject({ outcome: 'allowed', via: 'involvement' })
  })

  it('honours a grant only until it expires', async () => {
    const child = await createChild(database.db)
    const health = users['health.visitor']!
    const grant = { la_code: '886', child_id: child, user_id: health.id, lawful_basis: 'Children Act 1989 s47', reason: 'Strategy discussion', granted_by: users['team.manager']!.id }
    await database.db.insertInto('access_grants').values({ ...grant, expires_at: new Date(Date.now() - 60_000) }).execute()
    expect((await resolveChildAccess(database.db, health, child, caseworkLinks)).outcome).toBe('denied')
    await database.db.insertInto('access_grants').values({ ...grant, expires_at: new Date(Date.now() + 3_600_000) }).execute()
    expect(await resolveChildAccess(database.db, health, child, caseworkLinks)).toMatchObject({ outcome: 'allowed', via: 'grant' })
  })

  it('honours break-glass access while it lasts', async () => {
    const child = await createChild(database.db)
    const iro = users.iro!
    await database.db.insertInto('break_glass_access').values({ la_code: '886', child_id: child, user_id: iro.id, reason: 'Child missing overnight, urgent welfare check', expires_at: new Date(Date.now() + 3_600_000), reviewed_by: null }).execute()
    expect(await resolveChildAccess(database.db, iro, child, caseworkLinks)).toMatchObject({ outcome: 'allowed', via: 'break-glass' })
  })

  it('hides a restricted record from everyone not named, even through the authority link', async () => {
    const child = await createChild(database.db, { restricted: true })
    await allocate(database.db, child, 'social.worker')
    expect(await resolveChildAccess(database.db, users['front.door']!, child, ['authority'])).toEqual({ outcome: 'not-found' })
    expect(await resolveChildAccess(database.db, users['social.worker']!, child, caseworkLinks)).toEqual({ outcome: 'not-found' })
    await database.db.insertInto('restricted_access').values({ child_id: child, user_id: users['social.worker']!.id }).execute()
    expect((await resolveChildAccess(database.db, users['social.worker']!, child, caseworkLinks)).outcome).toBe('allowed')
  })

  it('treats another authority’s child, and ids that are not ids, as not found', async () => {
    const other = await createOtherAuthority(database.db)
    const theirs = await createChild(database.db, { laCode: other.laCode })
    expect(await resolveChildAccess(database.db, users['front.door']!, theirs, ['authority'])).toEqual({ outcome: 'not-found' })
    expect(await resolveChildAccess(database.db, users['front.door']!, "1' or '1'='1", ['authority'])).toEqual({ outcome: 'not-found' })
  })
})
