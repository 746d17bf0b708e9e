// The service navigation: each role sees the areas it may use.
import type { Role } from '../auth/roles.js'

export interface NavigationItem { href: string; text: string; roles: readonly Role[] }

const items: NavigationItem[] = []

/** Modules add their top-level areas when they register their routes. */
export function addNavigationItem(item: NavigationItem): void {
  if (!items.some((existing) => existing.href === item.href)) items.push(item)
}

export function navigationFor(role: Role | undefined, currentPath: string) {
  if (!role) return []
  return items.filter((item) => item.roles.includes(role)).map((item) => ({
    href: item.href,
    text: item.text,
    active: currentPath === item.href || currentPath.startsWith(`${item.href}/`),
  }))
}
