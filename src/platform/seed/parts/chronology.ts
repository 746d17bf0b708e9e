// The child's event stream for the generated history: the record being made, each period of care and
// placement, and leaving care, so the chronology and the dashboards have something to read. The casework
// modules' own parts write the events of their steps (front door, child protection, family help, family
// network). One audit entry per authority covers them all (see generate.ts).
import type { Episode, SeedChild } from '../facts.js'
import type { Emit, SeedContext, SeedPart, SeedTable } from '../part.js'
import { placementTypeLabels } from '../rates.js'
import { at } from './dates.js'

export const childEventsTable: SeedTable = {
  name: 'child_events',
  columns: [['la_code', 'text'], ['child_id', 'uuid'], ['type', 'text'], ['occurred_at', 'timestamptz'], ['recorded_at', 'timestamptz'],
    ['recorded_by', 'uuid'], ['significant', 'bool'], ['summary', 'text'], ['data', 'jsonb']],
}

function eventsFor(ctx: SeedContext, child: SeedChild, emit: Emit): void {
  const la_code = ctx.plan.authority.code
  const event = (day: number, minutes: number, type: string, summary: string, significant: boolean, data: Record<string, unknown> = {}) => {
    const when = at(day, minutes)
    emit(childEventsTable, { la_code, child_id: child.id, type, occurred_at: when, recorded_at: when, significant, summary, data })
  }
  event(child.recordedOn, 0, 'child.registered', 'Child’s record created', true, { unborn: false })
  for (const e of child.episodes) episodeEvents(e, event)
  if (child.careLeaving) {
    event(child.careLeaving.since, 30, 'care_leaver.started', 'Became a care leaver at 18', true, {
      inEducationOrWork: child.careLeaving.inEducationOrWork, suitablyHoused: child.careLeaving.suitablyHoused,
    })
  }
}

type EventFn = (day: number, minutes: number, type: string, summary: string, significant: boolean, data?: Record<string, unknown>) => void

function episodeEvents(e: Episode, event: EventFn): void {
  if (e.care) {
    event(e.care.start, 70, 'looked_after.started', 'Started to be looked after', true, { legalStatus: e.care.legalStatus })
    for (const p of e.care.placements) {
      event(p.start, 80, 'placement.started', `Placement started: ${placementTypeLabels[p.type] ?? 'other placement'}`, false, { placementType: p.type, over20Miles: p.over20Miles })
    }
    if (e.care.end !== null) event(e.care.end, 90, 'looked_after.ended', 'Ceased to be looked after', true, { reason: e.care.reasonEnded })
  }
}

export const chronologyPart: SeedPart = {
  name: 'chronology',
  tables: [childEventsTable],
  families(ctx, families, emit) {
    for (const family of families) for (const child of family.children) eventsFor(ctx, child, emit)
  },
}
