// "What's changed": for the children a user works with (allocated, or involved through their agency, a
// concern they raised, a meeting or a team), the significant events since they last looked at each child's
// record, and always the ones a partner or worker must hear of (see alwaysShownEventTypes).
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'

export async function markChildSeen(db: Kysely<DB>, user: SessionUser, childId: string): Promise<void> {
  const latest = await db.selectFrom('child_events').where('child_id', '=', childId).select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
  if (!latest?.id) return
  await db.insertInto('child_views').values({ user_id: user.id, child_id: childId, last_seen_event_id: String(latest.id) })
    .onConflict((oc) => oc.columns(['user_id', 'child_id']).doUpdateSet({ last_seen_event_id: String(latest.id), seen_at: new Date() })).execute()
}

/**
 * Shown whatever the writer marked as significant: a child starting a plan, coming into care or into a new
 * placement, going missing or coming back, a partner's contribution to a meeting, and records merged.
 */
export const alwaysShownEventTypes = [
  'cp_plan.started', 'cin_plan.started', 'family_help.started', 'looked_after.started', 'placement.changed',
  'missing.recorded', 'missing.returned', 'meeting.contribution_sent', 'child.merged', 'child.unmerged',
] as const

export interface ChangedChild {
  childId: string
  childName: string
  events: Array<{ occurredAt: Date; summary: string }>
}

export async function whatsChanged(db: Kysely<DB>, user: SessionUser): Promise<ChangedChild[]> {
  const rows = await sql<{ child_id: string; first_name: string; last_name: string; occurred_at: Date; summary: string }>`
    with mine as (
      select child_id from allocations where worker_id = ${user.id} and ended_on is null
      union select child_id from involvements where (user_id = ${user.id} or agency_id = ${user.agencyId}) and (ended_at is null or ended_at > now())
    )
    select e.child_id, p.first_name, p.last_name, e.occurred_at, e.summary
    from mine m
    join people p on p.id = m.child_id and p.la_code = ${user.laCode} and not p.restricted and p.merged_into is null
    join child_events e on e.child_id = m.child_id
      and (e.significant or e.type in (${sql.join(alwaysShownEventTypes.map((type) => sql`${type}`))}))
    left join child_views v on v.user_id = ${user.id} and v.child_id = m.child_id
    where e.id > coalesce(v.last_seen_event_id, 0) and (e.recorded_by is distinct from ${user.id})
    order by e.occurred_at desc
    limit 500`.execute(db)
  const byChild = new Map<string, ChangedChild>()
  for (const row of rows.rows) {
    const entry = byChild.get(row.child_id) ?? { childId: row.child_id, childName: `${row.first_name} ${row.last_name}`, events: [] }
    entry.events.push({ occurredAt: new Date(row.occurred_at), summary: row.summary })
    byChild.set(row.child_id, entry)
  }
  return [...byChild.values()]
}
