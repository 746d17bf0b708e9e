// Links to other modules' pages are offered by the routes' own declarations: the route the router would choose (a
// fixed segment before a parameter), and no link where no route or no declaration admits the role.
import { describe, expect, it } from 'vitest'
import { roleMayOpen, type DeclaredRoute } from './role-may-open.js'

const routes: DeclaredRoute[] = [
  { method: 'GET', url: '/children/:childId/notes/:noteId', access: { roles: ['social_worker', 'iro'] } },
  { method: 'GET', url: '/children/:childId/notes/new', access: { roles: ['social_worker'] } },
  { method: 'POST', url: '/children/:childId/visits', access: { roles: ['iro'] } },
  { method: 'GET', url: '/children/:childId/visits', access: undefined },
  { method: 'GET', url: '/help', access: { public: true } },
]

describe('whether a role may open a page', () => {
  it('follows the route the router would choose, ignoring the query and fragment', () => {
    expect(roleMayOpen(routes, 'iro', '/children/abc/notes/new?from=deadlines')).toBe(false)
    expect(roleMayOpen(routes, 'social_worker', '/children/abc/notes/new#form')).toBe(true)
    expect(roleMayOpen(routes, 'iro', '/children/abc/notes/123')).toBe(true)
  })

  it('offers no link to a page without a GET route, or whose route has no declaration, and any role a public page', () => {
    expect(roleMayOpen(routes, 'iro', '/children/abc/visits')).toBe(false)
    expect(roleMayOpen(routes, 'iro', '/children/abc')).toBe(false)
    expect(roleMayOpen(routes, 'iro', '/help')).toBe(true)
  })
})
