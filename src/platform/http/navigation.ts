// The service navigation: each role sees the areas it may use.
import type { Role } from '../auth/roles.js'

export interface NavigationItem { href: string; text: string; roles: readonly Role[] }

const items: NavigationItem[] = []

/** Modules add their top-level areas when they register their routes. */
export function addNavigationItem(item: NavigationItem): void {
  if (!items.some((existing) => existing.href === item.href)) items.push(item)
}

const matches = (href: string, path: string) => path === href || path.startsWith(`${href}/`)

/** The role's items; only the one whose href is the longest match for the page is current (/returns/annex-a, not /returns). */
export function navigationFor(role: Role | undefined, currentPath: string) {
  if (!role) return []
  const visible = items.filter((item) => item.roles.includes(role))
  const current = visible.filter((item) => matches(item.href, currentPath))
    .reduce<NavigationItem | undefined>((best, item) => (best && best.href.length >= item.href.length ? best : item), undefined)
  return visible.map((item) => ({ href: item.href, text: item.text, active: item === current }))
}
