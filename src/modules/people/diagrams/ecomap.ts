// The child's ecomap: the child in the middle and everyone in their network around them. A thick line
// means they live with the child; a dashed line joins a professional; the label says who has parental
// responsibility and who is a possible carer, so nothing depends on colour alone.
import type { FamilyNetwork, MemberGroup } from '../network.js'
import { shorten, uniquePeople } from './genogram.js'
import { accessibleSvg, label, line, listInWords } from './svg.js'

const nodeRadius = 48

const fills: Record<MemberGroup, string> = {
  parent: '#d2e2f1', child: '#d2e2f1', sibling: '#d2e2f1', grandparent: '#d2e2f1', grandchild: '#d2e2f1', extended: '#d2e2f1',
  partner: '#d2e2f1', carer: '#cce2d8', friend: '#fff7bf', professional: '#f3f2f1',
}

const legend: Array<{ fill: string; text: string }> = [
  { fill: '#d2e2f1', text: 'Family' },
  { fill: '#cce2d8', text: 'Carer' },
  { fill: '#fff7bf', text: 'Friend' },
  { fill: '#f3f2f1', text: 'Professional' },
]

function flags(m: { parentalResponsibility: boolean; possibleCarer: boolean }): string {
  return [m.parentalResponsibility && 'PR', m.possibleCarer && 'possible carer'].filter(Boolean).join(', ')
}

export function ecomapSvg(network: FamilyNetwork): string {
  const members = uniquePeople(network.members)
  const ring = Math.max(170, (members.length * (2 * nodeRadius + 24)) / (2 * Math.PI))
  const size = Math.round(2 * (ring + nodeRadius + 40))
  const centre = size / 2
  const body: string[] = []
  const nodes: string[] = []
  members.forEach((m, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / members.length
    const x = Math.round(centre + ring * Math.cos(angle))
    const y = Math.round(centre + ring * Math.sin(angle))
    body.push(line(centre, centre, x, y, { width: m.livesWith ? 6 : 2, dashed: m.group === 'professional' }))
    const note = flags(m)
    nodes.push(
      `<circle cx="${x}" cy="${y}" r="${nodeRadius}" fill="${fills[m.group]}" stroke="#0b0c0c" stroke-width="2"/>`,
      label(x, y - 6, shorten(m.name, 16), { size: 12, weight: 'bold' }),
      label(x, y + 10, shorten(m.role, 18), { size: 11 }),
      note ? label(x, y + 25, note, { size: 11 }) : '',
    )
  })
  nodes.push(
    `<circle cx="${centre}" cy="${centre}" r="${nodeRadius + 6}" fill="#ffffff" stroke="#0b0c0c" stroke-width="4"/>`,
    label(centre, centre - 2, shorten(network.child.name, 16), { weight: 'bold' }),
    label(centre, centre + 15, network.child.age, { size: 12 }),
  )
  const legendItems = legend.map((item, i) => `<rect x="10" y="${10 + i * 20}" width="14" height="14" fill="${item.fill}" stroke="#0b0c0c"/>`
    + label(30, 22 + i * 20, item.text, { size: 12, anchor: 'start' }))
  const livesWith = members.filter((m) => m.livesWith).map((m) => m.name)
  const description = members.length === 0
    ? `No one is recorded in ${network.child.name}’s network yet.`
    : `${members.length} ${members.length === 1 ? 'person' : 'people'} around ${network.child.name}: ${listInWords(members.map((m) => `${m.name} (${m.role.toLowerCase()})`))}.`
      + (livesWith.length ? ` Lives with ${listInWords(livesWith)}.` : ' Lives with no one recorded in the network.')
  return accessibleSvg('ecomap', size, size, `Ecomap for ${network.child.name}`, description, [...body, ...nodes, ...legendItems])
}
