// The page shown before a new child or person is recorded when records already held look like them.
import type { LikelyMatch } from './matching.js'

export interface DuplicatesPage {
  found: { matches: LikelyMatch[]; hiddenRestricted: number }
  /** The answers as sent, carried on unchanged if the user confirms the record is new. */
  values: Record<string, string | string[]>
  action: string
  backHref: string
  kind: 'child' | 'person'
  /** In a child's network: picking a match links that person to this child instead. */
  linkTo: { childId: string; childName: string; relationshipType: string; flags?: string[] } | null
}

export function duplicatesView(page: DuplicatesPage) {
  const count = page.found.matches.length
  return {
    ...page,
    pageTitle: count === 1 ? `There is already a record that may be this ${page.kind}` : `There are records that may be this ${page.kind}`,
    values: { ...page.values, confirmedNew: 'yes' },
  }
}
