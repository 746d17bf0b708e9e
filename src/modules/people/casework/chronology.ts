// The child's chronology: a read of the child's event stream, newest first. Nothing in it is typed
// twice; every module's change to the case is already an event.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import { eventGroup, eventLink, groupKey } from './event-labels.js'

export interface ChronologyEntry {
  id: string
  occurredAt: Date
  type: string
  group: string
  summary: string
  significant: boolean
  recordedBy: string | null
  /** The event's own record, where a module registered one (`addChronologyLink`). */
  href: string | null
}

export interface ChronologyFilter {
  /** Group keys (`groupKey`) to show; none means every group. */
  groups?: readonly string[]
  significantOnly?: boolean
}

export interface Chronology {
  entries: ChronologyEntry[]
  /** Every group the child has events in, with how many, for the filter. */
  groups: Array<{ key: string; label: string; count: number }>
  total: number
}

/** The newest events first; `limit` for a glimpse (the child's page), otherwise the whole stream. */
export async function childEvents(db: Kysely<DB>, laCode: string, childId: string, limit?: number): Promise<ChronologyEntry[]> {
  let query = db.selectFrom('child_events as e').leftJoin('users as u', 'u.id', 'e.recorded_by')
    .where('e.la_code', '=', laCode).where('e.child_id', '=', childId)
    .select(['e.id', 'e.occurred_at', 'e.recorded_at', 'e.type', 'e.summary', 'e.significant', 'e.data', 'u.display_name'])
    .orderBy('e.occurred_at', 'desc').orderBy('e.recorded_at', 'desc').orderBy('e.id', 'desc')
  if (limit !== undefined) query = query.limit(limit)
  return (await query.execute()).map((row) => ({
    id: row.id, occurredAt: new Date(row.occurred_at), type: row.type, group: eventGroup(row.type),
    summary: row.summary, significant: row.significant, recordedBy: row.display_name,
    href: eventLink(row.type, childId, row.data),
  }))
}

export async function chronology(db: Kysely<DB>, laCode: string, childId: string, filter: ChronologyFilter = {}): Promise<Chronology> {
  const all = await childEvents(db, laCode, childId)
  const counts = new Map<string, { key: string; label: string; count: number }>()
  for (const entry of all) {
    const key = groupKey(entry.group)
    const group = counts.get(key) ?? { key, label: entry.group, count: 0 }
    group.count++
    counts.set(key, group)
  }
  const wanted = new Set(filter.groups ?? [])
  const entries = all.filter((e) => (wanted.size === 0 || wanted.has(groupKey(e.group))) && (!filter.significantOnly || e.significant))
  return { entries, groups: [...counts.values()].sort((a, b) => a.label.localeCompare(b.label)), total: all.length }
}
