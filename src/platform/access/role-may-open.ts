// Whether a user may open a page, read from the registered routes' own access declarations: a page that shows other
// modules' links (the child's deadlines, a list of children) offers each user only those they may follow. Opening the
// page checks again, as always.
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.js'
import type { Role } from '../auth/roles.js'
import type { SessionUser } from '../auth/session.js'
import { resolveChildrenAccess } from './child-access.js'
import { accessAdmitsRole, type RouteAccess } from './policy.js'

export interface DeclaredRoute { method: string; url: string; access: RouteAccess | undefined }

/** The number of fixed segments by which `pattern` matches `path`, or -1: the router prefers fixed segments too. */
function fixedSegments(pattern: string, path: string): number {
  const want = pattern.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return -1
  let fixed = 0
  for (const [i, segment] of want.entries()) {
    if (segment.startsWith(':')) { if (got[i] === '') return -1 } else if (segment === got[i]) fixed++
    else return -1
  }
  return fixed
}

/** `routes` is the app's `routeAccess`, every route with its declaration as registered. */
export function roleMayOpen(routes: readonly DeclaredRoute[], role: Role, href: string): boolean {
  const path = href.split(/[?#]/)[0]!
  const route = routes.filter((r) => r.method === 'GET')
    .map((r) => ({ access: r.access, fixed: fixedSegments(r.url, path) }))
    .filter((r) => r.fixed >= 0)
    .sort((a, b) => b.fixed - a.fixed)[0]
  return route?.access ? accessAdmitsRole(route.access, role) : false
}

/**
 * Of these children, those whose page at `pattern` (a GET route about one child, such as '/children/:childId') the user
 * may open: the route's roles, then the user's link to each child as the route declares it, in one query.
 */
export async function childrenUserMayOpen(db: Kysely<DB>, routes: readonly DeclaredRoute[], user: SessionUser, pattern: string,
  childIds: readonly string[]): Promise<Set<string>> {
  const access = routes.find((r) => r.method === 'GET' && r.url === pattern)?.access
  if (!access || 'public' in access || !access.roles.includes(user.role)) return new Set()
  if (!access.child) return new Set(childIds)
  const decided = await resolveChildrenAccess(db, user, childIds, access.child.links)
  return new Set(childIds.filter((id) => decided.get(id)?.outcome === 'allowed'))
}
