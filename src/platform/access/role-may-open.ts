// Whether a role may open a page, read from the registered routes' own access declarations. A page that shows other
// modules' links (the child's deadlines) offers each user only those their role may follow; the user's link to the
// child is checked when the page is opened, as always.
import type { Role } from '../auth/roles.js'
import type { RouteAccess } from './policy.js'

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
  if (!route?.access) return false
  return 'public' in route.access || route.access.roles.includes(role)
}
