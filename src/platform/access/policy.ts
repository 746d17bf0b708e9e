// Every route declares who may use it. A route without a declaration is refused (deny by default),
// and a test walks every registered route to prove none lacks one.
import type { Role } from '../auth/roles.js'

/** How a user's link to the child named in the URL may be established. */
export type ChildLink =
  /** The user is the child's allocated worker. */
  | 'allocated'
  /** The child is allocated within the user's team. */
  | 'team'
  /** The allocated worker reports to the user, directly or further down the line. */
  | 'manager-line'
  /** The user, or the user's agency, is involved: a concern raised, a meeting or a multi-agency team. */
  | 'involvement'
  /** An explicit, time-limited grant with a lawful basis. */
  | 'grant'
  /** Emergency access the user opened with a reason; time-limited, audited, shown to the team manager. */
  | 'break-glass'
  /** Any child of the user's own authority (front door triage, search, placement finding). */
  | 'authority'
  /**
   * Duty work: a front-door worker triages contacts about any child of the authority, a team manager
   * picks up children no one is allocated to yet, and an independent reviewing officer reads the record of any
   * child in the authority's care, whose reviews they chair (IROs are assigned authority-wide).
   */
  | 'duty'

export type RouteAccess =
  | { public: true }
  | {
      roles: readonly Role[]
      /** For routes about one child: the URL parameter holding the child's id and the links that count. */
      child?: { param: string; links: readonly ChildLink[]; purpose: string }
    }

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess
  }
}

/** Shorthand for route options: `app.get(path, allow({ roles: [...] }), handler)`. */
export function allow(access: RouteAccess) {
  return { config: { access } }
}

export const publicRoute = allow({ public: true })

/** Whether a route's declaration admits a role (before any link to a child is checked). */
export function accessAdmitsRole(access: RouteAccess, role: Role): boolean {
  return 'public' in access || access.roles.includes(role)
}

/** Whether a role may use a route: a child page's section offers each role only the links it may follow. */
export function roleMayUse(route: { config: { access: RouteAccess } }, role: Role): boolean {
  return accessAdmitsRole(route.config.access, role)
}

/** The usual links for practitioners working a child's case. */
export const caseworkLinks: readonly ChildLink[] = ['allocated', 'team', 'manager-line', 'involvement', 'grant', 'duty', 'break-glass']
