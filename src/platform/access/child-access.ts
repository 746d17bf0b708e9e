// Decides whether a user may see a child, and through which link. Tenancy comes first (a child of
// another authority does not exist for this user), then restriction, then the route's allowed links.
import { sql, type Kysely, type SqlBool } from 'kysely'
import type { DB } from '../db/schema.js'
import type { SessionUser } from '../auth/session.js'
import type { ChildLink } from './policy.js'

export type ChildAccess =
  | { outcome: 'allowed'; via: ChildLink; laCode: string }
  /** No such child in the user's authority: shown as "page not found" so ids cannot be probed. */
  | { outcome: 'not-found' }
  | { outcome: 'denied'; breakGlassAllowed: boolean }

/** What the one query reads about a child: its tenancy, restriction, and each link the user might hold. */
type AccessRow = { la_code: string; restricted: boolean }
  & Record<'named' | 'allocated' | 'anyAllocation' | 'inCare' | 'team' | 'managerLine' | 'involvement' | 'grant' | 'breakGlass', SqlBool>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function resolveChildAccess(
  db: Kysely<DB>, user: SessionUser, childId: string, links: readonly ChildLink[],
): Promise<ChildAccess> {
  // Ids come back from the database in lower case, however the URL wrote them.
  return (await resolveChildrenAccess(db, user, [childId], links)).get(childId.toLowerCase()) ?? { outcome: 'not-found' }
}

/** The same decision for many children in one query, for a list that links only the children the user may open. */
export async function resolveChildrenAccess(
  db: Kysely<DB>, user: SessionUser, childIds: readonly string[], links: readonly ChildLink[],
): Promise<Map<string, ChildAccess>> {
  const ids = childIds.filter((id) => UUID.test(id))
  if (ids.length === 0) return new Map()
  const now = new Date()
  const rows = await db.selectFrom('people as c')
    .where('c.id', 'in', ids).where('c.is_child', '=', true).where('c.la_code', '=', user.laCode)
    // A record merged into another lives on only as history: its child is found through the record kept.
    .where('c.merged_into', 'is', null)
    .select((eb) => [
      'c.id', 'c.la_code', 'c.restricted',
      eb.exists(eb.selectFrom('restricted_access').whereRef('restricted_access.child_id', '=', 'c.id')
        .where('restricted_access.user_id', '=', user.id)).as('named'),
      eb.exists(eb.selectFrom('allocations').whereRef('allocations.child_id', '=', 'c.id')
        .where('allocations.ended_on', 'is', null).where('allocations.worker_id', '=', user.id)).as('allocated'),
      eb.exists(eb.selectFrom('allocations').whereRef('allocations.child_id', '=', 'c.id')
        .where('allocations.ended_on', 'is', null)).as('anyAllocation'),
      eb.exists(eb.selectFrom('care_periods').whereRef('care_periods.child_id', '=', 'c.id')
        .where('care_periods.end_date', 'is', null)).as('inCare'),
      eb.exists(eb.selectFrom('allocations').whereRef('allocations.child_id', '=', 'c.id')
        .where('allocations.ended_on', 'is', null).where('allocations.team_id', '=', user.teamId ?? '00000000-0000-0000-0000-000000000000')).as('team'),
      eb.exists(eb.selectFrom('allocations').whereRef('allocations.child_id', '=', 'c.id')
        .where('allocations.ended_on', 'is', null)
        .where('allocations.worker_id', 'in', sql<string>`(
          with recursive line(id) as (
            select id from users where manager_id = ${user.id}
            union select u.id from users u join line on u.manager_id = line.id
          ) select id from line)`)).as('managerLine'),
      eb.exists(eb.selectFrom('involvements').whereRef('involvements.child_id', '=', 'c.id')
        .where((w) => w.or([w('involvements.ended_at', 'is', null), w('involvements.ended_at', '>', now)]))
        .where((w) => w.or([w('involvements.user_id', '=', user.id), w('involvements.agency_id', '=', user.agencyId)]))).as('involvement'),
      eb.exists(eb.selectFrom('access_grants').whereRef('access_grants.child_id', '=', 'c.id')
        .where('access_grants.user_id', '=', user.id).where('access_grants.expires_at', '>', now)).as('grant'),
      eb.exists(eb.selectFrom('break_glass_access').whereRef('break_glass_access.child_id', '=', 'c.id')
        .where('break_glass_access.user_id', '=', user.id).where('break_glass_access.expires_at', '>', now)).as('breakGlass'),
    ])
    .execute()
  return new Map(rows.map((row) => [row.id, decide(row, user, links)]))
}

function decide(row: AccessRow, user: SessionUser, links: readonly ChildLink[]): ChildAccess {
  if (row.restricted && !row.named) return { outcome: 'not-found' }
  const held: Record<ChildLink, boolean> = {
    allocated: Boolean(row.allocated),
    team: Boolean(row.team),
    'manager-line': Boolean(row.managerLine),
    involvement: Boolean(row.involvement),
    grant: Boolean(row.grant),
    'break-glass': Boolean(row.breakGlass),
    authority: true,
    duty: user.role === 'front_door' || (user.role === 'team_manager' && !row.anyAllocation) || (user.role === 'iro' && Boolean(row.inCare)),
  }
  const via = links.find((link) => held[link])
  if (via) return { outcome: 'allowed', via, laCode: row.la_code }
  return { outcome: 'denied', breakGlassAllowed: links.includes('break-glass') }
}
