// The child's genogram: grandparents, then parents (with aunts and uncles), then the child and their
// siblings, then the child's own children. Squares are male, circles female, diamonds not known; the
// child has a double outline. Lines join partners, and hang each child from their recorded parents.
import type { FamilyNetwork, MemberGroup, NetworkMember } from '../network.js'
import { accessibleSvg, label, line, listInWords } from './svg.js'

const column = 150
const rowHeight = 140
const margin = 40
const size = 44

interface Node { id: string; name: string; role: string; age: string | null; dateOfBirth: string | null; sex: 'F' | 'M' | 'U' | null; index: boolean; x: number; y: number }

const rowOf: Partial<Record<MemberGroup, number>> = { grandparent: 0, parent: 1, sibling: 2, child: 3, grandchild: 3 }
/** Only birth or legal parents hang children from them; a step-parent or parent's partner stands beside. */
const descentTypes = new Set(['mother', 'father', 'parent'])

function rowPlacement(member: NetworkMember): number | null {
  if (member.group === 'extended') return member.type === 'aunt_uncle' ? 1 : member.type === 'cousin' ? 2 : null
  return rowOf[member.group] ?? null
}

function shape(node: Node): string {
  const fill = node.index ? '#d2e2f1' : '#ffffff'
  const half = size / 2
  const outline = (grow: number) => {
    const h = half + grow
    if (node.sex === 'M') return `<rect x="${node.x - h}" y="${node.y - h}" width="${2 * h}" height="${2 * h}" fill="${grow ? 'none' : fill}" stroke="#0b0c0c" stroke-width="2"/>`
    if (node.sex === 'F') return `<circle cx="${node.x}" cy="${node.y}" r="${h}" fill="${grow ? 'none' : fill}" stroke="#0b0c0c" stroke-width="2"/>`
    return `<polygon points="${node.x},${node.y - h} ${node.x + h},${node.y} ${node.x},${node.y + h} ${node.x - h},${node.y}" fill="${grow ? 'none' : fill}" stroke="#0b0c0c" stroke-width="2"/>`
  }
  const texts = [label(node.x, node.y + half + 18, node.name, { weight: node.index ? 'bold' : 'normal' }), label(node.x, node.y + half + 34, node.role, { size: 12 })]
  if (node.age) texts.push(label(node.x, node.y + half + 49, node.age, { size: 12 }))
  return outline(0) + (node.index ? outline(5) : '') + texts.join('')
}

/** One node per person: someone recorded twice (grandparent and kinship carer) is drawn where their first relationship puts them. */
export function uniquePeople(members: readonly NetworkMember[]): NetworkMember[] {
  const seen = new Set<string>()
  return members.filter((m) => !seen.has(m.personId) && seen.add(m.personId))
}

/** Long names are cut to fit their column; the table under the diagram has them in full. */
export function shorten(name: string, max = 20): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`
}

export function genogramSvg(network: FamilyNetwork): string {
  const rows: Node[][] = [[], [], [], []]
  const placed = uniquePeople(network.members).filter((m) => rowPlacement(m) !== null)
  const byAge = (a: Node | NetworkMember, b: Node | NetworkMember) => (a.dateOfBirth ?? '9999').localeCompare(b.dateOfBirth ?? '9999')
  const sideOrder = (m: NetworkMember) => (m.type === 'aunt_uncle' ? 2 : m.type === 'father' ? 0 : m.type === 'mother' ? 1 : 1.5)
  const childNode: Node = { id: network.child.id, name: network.child.name, role: 'This child', age: network.child.age, sex: network.child.sex, index: true, x: 0, y: 0, dateOfBirth: network.child.dateOfBirth }
  const rowMembers = (row: number) => placed.filter((m) => rowPlacement(m) === row)
  const toNode = (m: NetworkMember): Node => ({ id: m.personId, name: shorten(m.name), role: m.role, age: m.age, dateOfBirth: m.dateOfBirth, sex: m.sex, index: false, x: 0, y: 0 })
  rows[0] = rowMembers(0).map(toNode)
  rows[1] = rowMembers(1).sort((a, b) => sideOrder(a) - sideOrder(b)).map(toNode)
  rows[2] = [...rowMembers(2).filter((m) => m.type !== 'cousin').map(toNode), childNode].sort(byAge)
    .concat(rowMembers(2).filter((m) => m.type === 'cousin').map(toNode))
  rows[3] = rowMembers(3).sort(byAge).map(toNode)
  const used = rows.filter((r) => r.length > 0)
  const width = Math.max(...used.map((r) => r.length)) * column + 2 * margin
  const nodes = new Map<string, Node>()
  used.forEach((row, r) => row.forEach((node, i) => {
    node.x = Math.round(width / 2 + (i - (row.length - 1) / 2) * column)
    node.y = margin + size / 2 + r * rowHeight
    nodes.set(node.id, node)
  }))
  const height = margin + used.length * rowHeight + 20

  const parentsOf = new Map<string, string[]>()
  for (const link of network.links) {
    if (!descentTypes.has(link.type) || !nodes.has(link.personId) || !nodes.has(link.relatedPersonId)) continue
    parentsOf.set(link.relatedPersonId, [...(parentsOf.get(link.relatedPersonId) ?? []), link.personId])
  }
  // A full sibling with no parents recorded shares the child's.
  const childParents = parentsOf.get(network.child.id) ?? []
  for (const m of placed) if (m.type === 'sibling' && !parentsOf.has(m.personId) && childParents.length > 0) parentsOf.set(m.personId, childParents)

  const drawn: string[] = []
  const partners = new Set<string>()
  const partnerLine = (a: Node, b: Node) => {
    const key = [a.id, b.id].sort().join()
    if (partners.has(key) || a.y !== b.y) return
    partners.add(key)
    drawn.push(line(Math.min(a.x, b.x) + size / 2, a.y, Math.max(a.x, b.x) - size / 2, a.y))
  }
  for (const link of network.links) {
    const a = nodes.get(link.personId)
    const b = nodes.get(link.relatedPersonId)
    if (a && b && link.type === 'partner') partnerLine(a, b)
  }
  const families = new Map<string, { parents: Node[]; children: Node[] }>()
  for (const [childId, parentIds] of parentsOf) {
    const parents = [...new Set(parentIds)].sort().map((id) => nodes.get(id)!).slice(0, 2)
    const key = parents.map((p) => p.id).join()
    const family = families.get(key) ?? { parents, children: [] }
    family.children.push(nodes.get(childId)!)
    families.set(key, family)
  }
  let offset = 0
  for (const { parents, children } of families.values()) {
    if (parents.length === 2) partnerLine(parents[0]!, parents[1]!)
    const anchorX = parents.length === 2 ? (parents[0]!.x + parents[1]!.x) / 2 : parents[0]!.x
    const anchorY = parents.length === 2 ? parents[0]!.y : parents[0]!.y + size / 2
    const top = Math.min(...children.map((c) => c.y)) - size / 2
    const barY = top - 22 - offset
    offset = (offset + 6) % 18
    drawn.push(line(anchorX, anchorY, anchorX, barY))
    drawn.push(line(Math.min(anchorX, ...children.map((c) => c.x)), barY, Math.max(anchorX, ...children.map((c) => c.x)), barY))
    for (const c of children) drawn.push(line(c.x, barY, c.x, c.y - size / 2))
  }

  const shown = [...nodes.values()].filter((n) => !n.index)
  const description = shown.length === 0
    ? `No family members are recorded for ${network.child.name} yet.`
    : `${network.child.name}’s family: ${listInWords(shown.map((n) => `${n.name} (${n.role.toLowerCase()})`))}.`
  return accessibleSvg('genogram', width, height, `Genogram for ${network.child.name}`, description, [...drawn, ...[...nodes.values()].map(shape)])
}
