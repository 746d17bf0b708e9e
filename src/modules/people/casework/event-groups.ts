// Plain-English groups for the child's event types, by the area before the dot (`contact.recorded` is
// in "Front door"). Modules add their areas with `addEventGroup`; an unknown area gets a readable fallback.
const groups = new Map<string, string>([
  ['child', 'Record and identity'],
  ['network', 'Family network'],
  ['contact', 'Front door'],
  ['referral', 'Referrals'],
  ['allocation', 'Allocation'],
  ['note', 'Case notes'],
  ['visit', 'Visits'],
  ['family_help', 'Family Help'],
  ['cin_plan', 'Child in need plans'],
  ['information', 'Information sharing'],
  ['multi_agency_team', 'Multi-agency team'],
])

export function addEventGroup(area: string, label: string): void {
  groups.set(area, label)
}

export function eventArea(type: string): string {
  return type.split('.')[0] ?? type
}

export function eventGroupLabel(area: string): string {
  return groups.get(area) ?? (area.charAt(0).toUpperCase() + area.slice(1)).replace(/_/g, ' ')
}
