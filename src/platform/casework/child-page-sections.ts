// The child's page is composed of sections that modules contribute (legal status and plans,
// deadlines, latest events, data quality...). The people module renders them in order; a module
// adds its section by calling `addChildPageSection` when its routes are registered.
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.js'
import type { SessionUser } from '../auth/session.js'
import { partnerRoles, type Role } from '../auth/roles.js'

export interface ChildPageSection {
  /** Unique id, also the HTML id of the section's heading. */
  id: string
  /** Lower comes first. Identity and alerts are 0-99; plans 100-199; deadlines 200-299; events 300+. */
  order: number
  /** The Nunjucks template that renders the section, given `section` (what load returned) and `child`. */
  template: string
  /**
   * Shown to partner agencies' practitioners as well. They see a child only through an involvement, and then
   * only the sections that say so: the rest of the record is for children's services.
   */
  forPartners?: boolean
  /** What the section shows for this child, or null to leave the section out. One or two queries, no N+1. */
  load(db: Kysely<DB>, childId: string, user: SessionUser): Promise<Record<string, unknown> | null>
}

const sections: ChildPageSection[] = []

export function addChildPageSection(section: ChildPageSection): void {
  if (!sections.some((s) => s.id === section.id)) sections.push(section)
  sections.sort((a, b) => a.order - b.order)
}

/** The sections this role sees: partners only those marked `forPartners`. */
export function childPageSections(role?: Role): readonly ChildPageSection[] {
  return role && partnerRoles.includes(role) ? sections.filter((s) => s.forPartners) : sections
}
