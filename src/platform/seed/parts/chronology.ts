// The child's event stream for the generated history: the record being made. The casework modules' own parts
// write the events of their steps, as their services do (front door, child protection, family help, family
// network, looked after, care leavers). One audit entry per authority covers them all (see generate.ts).
import type { SeedChild } from '../facts.js'
import type { Emit, SeedContext, SeedPart, SeedTable } from '../part.js'
import { at } from './dates.js'

export const childEventsTable: SeedTable = {
  name: 'child_events',
  columns: [['la_code', 'text'], ['child_id', 'uuid'], ['type', 'text'], ['occurred_at', 'timestamptz'], ['recorded_at', 'timestamptz'],
    ['recorded_by', 'uuid'], ['significant', 'bool'], ['summary', 'text'], ['data', 'jsonb']],
}

function eventsFor(ctx: SeedContext, child: SeedChild, emit: Emit): void {
  const when = at(child.recordedOn, 0)
  emit(childEventsTable, {
    la_code: ctx.plan.authority.code, child_id: child.id, type: 'child.registered', occurred_at: when, recorded_at: when,
    significant: true, summary: 'Child’s record created', data: { unborn: false },
  })
}

export const chronologyPart: SeedPart = {
  name: 'chronology',
  tables: [childEventsTable],
  families(ctx, families, emit) {
    for (const family of families) for (const child of family.children) eventsFor(ctx, child, emit)
  },
}
