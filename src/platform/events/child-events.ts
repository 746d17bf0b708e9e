// The child's event stream: every change to a child's case appends one typed event, in the same
// transaction as the change and its audit entry. The chronology and "what changed" read from it.
import type { Executor } from '../audit/audit.js'
import { audit } from '../audit/audit.js'

export interface ChildEvent {
  laCode: string
  childId: string
  /** Typed as `area.what_happened`: `child.registered`, `contact.recorded`, `allocation.changed`. */
  type: string
  occurredAt: Date | string
  recordedBy: string | null
  summary: string
  significant?: boolean
  data?: Record<string, unknown>
  /** Purpose or lawful basis recorded in the audit entry that goes with the change. */
  purpose?: string
}

/** Appends the event and its audit entry. Call inside the transaction that makes the change. */
export async function appendChildEvent(executor: Executor, event: ChildEvent): Promise<string> {
  const inserted = await executor.insertInto('child_events').values({
    la_code: event.laCode,
    child_id: event.childId,
    type: event.type,
    occurred_at: event.occurredAt,
    recorded_by: event.recordedBy,
    significant: event.significant ?? false,
    summary: event.summary,
    data: JSON.stringify(event.data ?? {}),
  }).returning('id').executeTakeFirstOrThrow()
  await audit(executor, {
    laCode: event.laCode,
    userId: event.recordedBy,
    action: event.type,
    childId: event.childId,
    purpose: event.purpose ?? 'casework',
    detail: { eventId: inserted.id },
  })
  return inserted.id
}
