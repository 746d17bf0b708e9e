// A child's family network read from the relationships table, each relationship seen from the child's
// side: the mother recorded as `mother` of the child is the child's "Mother"; a child recorded as
// `mother` of someone reads the other way ("Child"). Restricted children the viewer may not see are left out.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { ageText } from './age.js'
import { relationshipType, type RelationshipGroup } from './relationship-types.js'
import { peopleByIds, relationshipsOf, restrictedVisibleTo, type PersonRow, type RelationshipRow } from './repository.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'

/** Where the member sits relative to the child; `child` and `grandchild` are the inverse of parent and grandparent. */
export type MemberGroup = RelationshipGroup | 'child' | 'grandchild'

export interface NetworkMember {
  relationshipId: string
  personId: string
  name: string
  isChild: boolean
  sex: 'F' | 'M' | 'U' | null
  age: string | null
  dateOfBirth: string | null
  occupation: string | null
  /** The relationship's stored type. */
  type: string
  /** True when the row reads "they are <type> of the child"; false when recorded the other way round. */
  fromTheirSide: boolean
  /** What they are to the child, in words: "Mother", "Half-sibling", "Child they foster". */
  role: string
  group: MemberGroup
  parentalResponsibility: boolean
  livesWith: boolean
  possibleCarer: boolean
}

/** A relationship between two people in the network (both of them, or one of them and the child). */
export interface NetworkLink { personId: string; relatedPersonId: string; type: string }

export interface FamilyNetwork {
  child: { id: string; name: string; sex: 'F' | 'M' | 'U' | null; age: string; dateOfBirth: string | null }
  members: NetworkMember[]
  /** Every relationship among the child and the members, for drawing who is whose parent. */
  links: NetworkLink[]
}

const inverseGroups: Partial<Record<RelationshipGroup, MemberGroup>> = { parent: 'child', grandparent: 'grandchild' }

function memberFrom(row: RelationshipRow, childId: string, person: PersonRow, today: string): NetworkMember {
  const kind = relationshipType(row.type)
  const forward = row.related_person_id === childId
  return {
    relationshipId: row.id,
    personId: forward ? row.person_id : row.related_person_id,
    name: `${person.first_name} ${person.last_name}`,
    isChild: person.is_child,
    sex: person.sex ?? (forward ? kind.impliedSex ?? null : null),
    age: person.date_of_birth ? ageText(person.date_of_birth, today) : person.is_child ? 'Unborn' : null,
    dateOfBirth: person.date_of_birth ?? person.expected_date_of_birth,
    occupation: person.occupation,
    type: row.type,
    fromTheirSide: forward,
    role: forward ? kind.label : kind.inverse,
    group: forward ? kind.group : inverseGroups[kind.group] ?? kind.group,
    parentalResponsibility: row.parental_responsibility,
    livesWith: row.lives_with,
    possibleCarer: row.possible_carer,
  }
}

const groupOrder: MemberGroup[] = ['parent', 'carer', 'sibling', 'child', 'grandparent', 'grandchild', 'extended', 'partner', 'friend', 'professional']

export async function familyNetwork(db: Kysely<DB>, laCode: string, childId: string, viewerId: string): Promise<FamilyNetwork | null> {
  const today = todayInEngland()
  const direct = await relationshipsOf(db, [childId])
  const otherIds = [...new Set(direct.map((r) => (r.person_id === childId ? r.related_person_id : r.person_id)))]
  const people = await peopleByIds(db, laCode, [childId, ...otherIds])
  const child = people.find((p) => p.id === childId)
  if (!child) return null
  const restrictedIds = people.filter((p) => p.restricted && p.id !== childId).map((p) => p.id)
  const visibleRestricted = await restrictedVisibleTo(db, viewerId, restrictedIds)
  const byId = new Map(people.filter((p) => !p.restricted || p.id === childId || visibleRestricted.has(p.id)).map((p) => [p.id, p]))

  const members = direct.flatMap((row) => {
    const other = byId.get(row.person_id === childId ? row.related_person_id : row.person_id)
    return other ? [memberFrom(row, childId, other, today)] : []
  }).sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) || a.name.localeCompare(b.name))

  const inNetwork = new Set([childId, ...members.map((m) => m.personId)])
  const among = await relationshipsOf(db, members.map((m) => m.personId))
  const links = [...new Map([...direct, ...among]
    .filter((r) => inNetwork.has(r.person_id) && inNetwork.has(r.related_person_id))
    .map((r) => [r.id, { personId: r.person_id, relatedPersonId: r.related_person_id, type: r.type }])).values()]

  return {
    child: { id: child.id, name: `${child.first_name} ${child.last_name}`, sex: child.sex, age: ageText(child.date_of_birth, today), dateOfBirth: child.date_of_birth ?? child.expected_date_of_birth },
    members,
    links,
  }
}

/** The people who matter most on the child's page: parents and carers, and anyone with parental responsibility or living with the child. */
export function keyPeople(network: FamilyNetwork): NetworkMember[] {
  return network.members.filter((m) => m.group === 'parent' || m.group === 'carer' || m.parentalResponsibility || m.livesWith)
}
