// Every route × every role × every relationship to a child: the access layer lets a user through
// exactly when the route's declaration says so, and nothing else is visible. New routes are covered
// automatically because the matrix is read from the registered routes' own declarations.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { createChild, createOtherAuthority } from '../../../test/support/records.js'
import { demoSignIns } from '../seed/demo-authority.js'
import type { DB } from '../db/schema.js'
import type { Role } from '../auth/roles.js'
import type { ChildLink, RouteAccess } from './policy.js'

type Relationship = 'none' | 'allocated' | 'team' | 'manager-line' | 'involvement' | 'grant' | 'break-glass' | 'other-authority' | 'restricted'
const relationships: Relationship[] = ['none', 'allocated', 'team', 'manager-line', 'involvement', 'grant', 'break-glass', 'other-authority', 'restricted']

interface Subject { role: Role; agent: Agent; children: Partial<Record<Relationship, string>> }

let t: TestApp
const subjects: Subject[] = []

async function anyTeam(db: Kysely<DB>): Promise<string> {
  return (await db.selectFrom('teams').where('la_code', '=', '886').select('id').orderBy('name').executeTakeFirstOrThrow()).id
}

async function helperUser(db: Kysely<DB>, fields: { teamId: string; managerId: string | null }): Promise<string> {
  const agency = await db.selectFrom('agencies').where('la_code', '=', '886').where('kind', '=', 'childrens_services').select('id').executeTakeFirstOrThrow()
  return (await db.insertInto('users').values({
    la_code: '886', agency_id: agency.id, team_id: fields.teamId, manager_id: fields.managerId, email: `helper-${randomUUID()}@test`,
    display_name: 'Helper', role: 'social_worker', password_hash: null, oidc_subject: null, locked_until: null,
  }).returning('id').executeTakeFirstOrThrow()).id
}

async function allocateTo(db: Kysely<DB>, childId: string, workerId: string, teamId: string): Promise<void> {
  await db.insertInto('allocations').values({ la_code: '886', child_id: childId, worker_id: workerId, team_id: teamId, started_on: '2026-01-01', ended_on: null }).execute()
}

/** One child per relationship to this user, each holding exactly that link and no other. */
async function childrenFor(db: Kysely<DB>, email: string, otherLa: string): Promise<Subject['children']> {
  const user = await db.selectFrom('users').where('email', '=', email).selectAll().executeTakeFirstOrThrow()
  const someTeam = await anyTeam(db)
  const children: Subject['children'] = {}
  children.none = await createChild(db)
  children.allocated = await createChild(db)
  await allocateTo(db, children.allocated, user.id, user.team_id ?? someTeam)
  if (user.team_id) {
    children.team = await createChild(db)
    await allocateTo(db, children.team, await helperUser(db, { teamId: user.team_id, managerId: null }), user.team_id)
  }
  const otherTeam = (await db.selectFrom('teams').where('la_code', '=', '886').where('id', '!=', user.team_id ?? '00000000-0000-0000-0000-000000000000').select('id').executeTakeFirstOrThrow()).id
  children['manager-line'] = await createChild(db)
  await allocateTo(db, children['manager-line'], await helperUser(db, { teamId: otherTeam, managerId: user.id }), otherTeam)
  children.involvement = await createChild(db)
  await db.insertInto('involvements').values({ la_code: '886', child_id: children.involvement, user_id: user.id, agency_id: null, kind: 'meeting', ended_at: null }).execute()
  children.grant = await createChild(db)
  await db.insertInto('access_grants').values({ la_code: '886', child_id: children.grant, user_id: user.id, lawful_basis: 'test', reason: 'test', granted_by: user.id, expires_at: new Date(Date.now() + 86_400_000) }).execute()
  children['break-glass'] = await createChild(db)
  await db.insertInto('break_glass_access').values({ la_code: '886', child_id: children['break-glass'], user_id: user.id, reason: 'matrix test reason', expires_at: new Date(Date.now() + 86_400_000), reviewed_by: null }).execute()
  children['other-authority'] = await createChild(db, { laCode: otherLa })
  children.restricted = await createChild(db, { restricted: true })
  await allocateTo(db, children.restricted, user.id, user.team_id ?? someTeam)
  return children
}

/** The children this matrix allocates to someone (see childrenFor): a team manager's duty covers the rest. */
const allocatedRelationships: Relationship[] = ['allocated', 'team', 'manager-line', 'restricted']

function expectedOutcome(access: Extract<RouteAccess, { roles: readonly Role[] }>, role: Role, relationship: Relationship): 'allowed' | 403 | 404 {
  if (!access.roles.includes(role)) return 403
  if (!access.child) return 'allowed'
  if (relationship === 'other-authority' || relationship === 'restricted') return 404
  const links = access.child.links
  if (links.includes('authority') || (relationship !== 'none' && links.includes(relationship as ChildLink))) return 'allowed'
  if (links.includes('duty') && (role === 'front_door' || (role === 'team_manager' && !allocatedRelationships.includes(relationship)))) return 'allowed'
  return 403
}

async function refusals(db: Kysely<DB>): Promise<number> {
  return Number((await db.selectFrom('audit_log').where('action', '=', 'child.access_refused').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
}

beforeAll(async () => {
  t = await createTestApp()
  const other = await createOtherAuthority(t.database.db, '888')
  for (const signIn of demoSignIns()) {
    subjects.push({ role: signIn.role, agent: await signedIn(t.app, signIn.email.split('@')[0]!), children: await childrenFor(t.database.db, signIn.email, other.laCode) })
  }
}, 120_000)
afterAll(async () => { await t.close() })

describe('access matrix: route × role × relationship', () => {
  it('refuses or admits exactly as each route declares', async () => {
    const routes = t.app.routeAccess.filter((r) => ['GET', 'POST'].includes(r.method) && r.access && !('public' in r.access) && !r.url.includes('*'))
    expect(routes.length).toBeGreaterThan(3)
    // The partner portal and merging are in the matrix like every other route.
    expect(routes.map((r) => r.url)).toEqual(expect.arrayContaining([
      '/partner', '/partner/concerns/new', '/partner/concerns/:contactId', '/partner/children/:childId/meetings/:invitationId',
      '/children/:childId/meetings', '/children/:childId/merge', '/children/:childId/merges/:mergeId/unmerge',
    ]))
    const mismatches: string[] = []
    let checked = 0
    for (const route of routes) {
      const access = route.access as Extract<RouteAccess, { roles: readonly Role[] }>
      for (const subject of subjects) {
        const cases: Relationship[] = access.child ? relationships : ['none']
        for (const relationship of cases) {
          const childId = subject.children[relationship]
          if (access.child && !childId) continue
          const expected = expectedOutcome(access, subject.role, relationship)
          // Admitted POSTs would change data: the matrix only checks that refused ones are refused.
          if (route.method === 'POST' && expected === 'allowed') continue
          const url = route.url.replace(/:(\w+)/g, (_, name: string) => (access.child?.param === name ? childId! : randomUUID()))
          const before = access.child ? await refusals(t.database.db) : 0
          const response = route.method === 'GET' ? await subject.agent.get(url) : await subject.agent.post(url)
          const refused = access.child ? (await refusals(t.database.db)) > before : response.statusCode === 403
          checked++
          const byRole = !access.roles.includes(subject.role) || !access.child
          const ok = expected === 'allowed'
            ? !refused && response.statusCode !== 403
            : response.statusCode === expected && (byRole || refused)
          if (!ok) mismatches.push(`${route.method} ${route.url} as ${subject.role} (${relationship}): expected ${expected}, got ${response.statusCode}${refused ? ' refused' : ''}`)
        }
      }
    }
    expect(checked).toBeGreaterThan(routes.length)
    expect(mismatches).toEqual([])
  }, 600_000)
})
