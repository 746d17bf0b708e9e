// Plain-English groups for the chronology's event types. A group is found for the exact type first
// (`contact.decided` is a decision), then for its area before the dot (`contact.recorded` is a contact).
// Modules add their own with `addChronologyLabel`; a type nobody registered is grouped by its area,
// written out ("looked_after.started" is in "Looked after").
const labels = new Map<string, string>([
  ['contact', 'Contacts'],
  ['contact.decided', 'Decisions'],
  ['referral', 'Referrals'],
  ['assessment', 'Assessments'],
  ['cin_plan', 'Plans'],
  ['cp_plan', 'Plans'],
  ['plan', 'Plans'],
  ['family_help', 'Family Help'],
  ['visit', 'Visits'],
  ['meeting', 'Meetings'],
  ['placement', 'Placements'],
  ['note', 'Case notes'],
  ['allocation', 'Allocation'],
  ['child', 'Changes to the record'],
  ['network', 'Family network'],
  ['information', 'Information sharing'],
  ['multi_agency_team', 'Multi-agency team'],
])

/** Puts an event type (`area.what_happened`) or a whole area (`area`) in a named group. */
export function addChronologyLabel(typeOrArea: string, group: string): void {
  labels.set(typeOrArea, group)
}

export function eventGroup(type: string): string {
  const area = type.split('.')[0] ?? type
  const known = labels.get(type) ?? labels.get(area)
  if (known) return known
  const words = area.replace(/_/g, ' ').trim()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Other'
}

/** A group's value in the filter's query string: "Case notes" is `case-notes`. */
export function groupKey(group: string): string {
  return group.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

/** Where an event's own record can be read, from the event's data; null when it has no page. */
export type ChronologyLink = (childId: string, data: Record<string, unknown>) => string | null
const links = new Map<string, ChronologyLink>()

export function addChronologyLink(typeOrArea: string, link: ChronologyLink): void {
  links.set(typeOrArea, link)
}

export function eventLink(type: string, childId: string, data: Record<string, unknown>): string | null {
  const link = links.get(type) ?? links.get(type.split('.')[0] ?? type)
  return link ? link(childId, data) : null
}
