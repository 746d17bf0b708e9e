// The child's chronology: a read of the child's event stream, never re-keyed.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import { eventArea, eventGroupLabel } from './event-groups.js'

export interface ChronologyEntry {
  id: string
  occurredAt: Date
  area: string
  group: string
  type: string
  summary: string
  significant: boolean
  recordedBy: string | null
}

export async function chronology(db: Kysely<DB>, laCode: string, childId: string, areas: readonly string[] = []): Promise<ChronologyEntry[]> {
  let query = db.selectFrom('child_events as e').leftJoin('users as u', 'u.id', 'e.recorded_by')
    .where('e.la_code', '=', laCode).where('e.child_id', '=', childId)
    .select(['e.id', 'e.occurred_at', 'e.type', 'e.summary', 'e.significant', 'u.display_name'])
    .orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc')
  if (areas.length > 0) query = query.where(sql<string>`split_part(e.type, '.', 1)`, 'in', [...areas])
  return (await query.execute()).map((row) => ({
    id: row.id, occurredAt: new Date(row.occurred_at), area: eventArea(row.type), group: eventGroupLabel(eventArea(row.type)),
    type: row.type, summary: row.summary, significant: row.significant, recordedBy: row.display_name,
  }))
}

/** The areas this child has events in, for the filter. */
export async function chronologyAreas(db: Kysely<DB>, laCode: string, childId: string): Promise<Array<{ area: string; label: string; count: number }>> {
  const rows = await db.selectFrom('child_events').where('la_code', '=', laCode).where('child_id', '=', childId)
    .select([sql<string>`split_part(type, '.', 1)`.as('area'), (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(sql`split_part(type, '.', 1)`).execute()
  return rows.map((r) => ({ area: r.area, label: eventGroupLabel(r.area), count: Number(r.n) })).sort((a, b) => a.label.localeCompare(b.label))
}
