// The family network's vocabulary. A relationship row reads "person is <type> of related person"
// (the mother is `mother` of the child) and is stored once; the other side is its inverse
// (the child is "Child" of the mother). Symmetric types read the same both ways.

/** Where a relationship puts the person on the genogram and the ecomap. */
export type RelationshipGroup = 'parent' | 'grandparent' | 'sibling' | 'extended' | 'partner' | 'carer' | 'friend' | 'professional'

export interface RelationshipType {
  type: string
  /** What the person is to the related person: "Mother". */
  label: string
  /** What the related person is to the person: "Child". The same as label when symmetric. */
  inverse: string
  group: RelationshipGroup
  /** The sex the genogram draws when the person's own record does not say. */
  impliedSex?: 'F' | 'M'
}

export const relationshipTypes: readonly RelationshipType[] = [
  { type: 'mother', label: 'Mother', inverse: 'Child', group: 'parent', impliedSex: 'F' },
  { type: 'father', label: 'Father', inverse: 'Child', group: 'parent', impliedSex: 'M' },
  { type: 'parent', label: 'Parent', inverse: 'Child', group: 'parent' },
  { type: 'step_parent', label: 'Step-parent', inverse: 'Step-child', group: 'parent' },
  { type: 'parents_partner', label: 'Parent’s partner', inverse: 'Partner’s child', group: 'parent' },
  { type: 'sibling', label: 'Sibling', inverse: 'Sibling', group: 'sibling' },
  { type: 'half_sibling', label: 'Half-sibling', inverse: 'Half-sibling', group: 'sibling' },
  { type: 'step_sibling', label: 'Step-sibling', inverse: 'Step-sibling', group: 'sibling' },
  { type: 'grandparent', label: 'Grandparent', inverse: 'Grandchild', group: 'grandparent' },
  { type: 'aunt_uncle', label: 'Aunt or uncle', inverse: 'Niece or nephew', group: 'extended' },
  { type: 'cousin', label: 'Cousin', inverse: 'Cousin', group: 'extended' },
  { type: 'other_relative', label: 'Other relative', inverse: 'Other relative', group: 'extended' },
  { type: 'partner', label: 'Partner', inverse: 'Partner', group: 'partner' },
  { type: 'kinship_carer', label: 'Kinship carer', inverse: 'Child in their kinship care', group: 'carer' },
  { type: 'foster_carer', label: 'Foster carer', inverse: 'Child they foster', group: 'carer' },
  { type: 'friend', label: 'Friend', inverse: 'Friend', group: 'friend' },
  { type: 'professional', label: 'Professional', inverse: 'Child they work with', group: 'professional' },
]

const byType = new Map(relationshipTypes.map((t) => [t.type, t]))

export function relationshipType(type: string): RelationshipType {
  return byType.get(type) ?? { type, label: 'Other', inverse: 'Other', group: 'friend' }
}

export function isRelationshipType(type: string): boolean {
  return byType.has(type)
}

/** Types that make a person one of the child's parents, for "add a sibling" and the genogram. */
export const parentTypes: readonly string[] = relationshipTypes.filter((t) => t.group === 'parent').map((t) => t.type)

export const siblingTypes: readonly string[] = relationshipTypes.filter((t) => t.group === 'sibling').map((t) => t.type)
