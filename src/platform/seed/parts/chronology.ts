// The child's event stream for the generated history: the record being made, then each referral,
// assessment, enquiry, conference, plan, period of care and placement, so the chronology and the
// dashboards have something to read. One audit entry per batch covers them (see generate.ts).
import type { Episode, SeedChild } from '../facts.js'
import type { Emit, SeedContext, SeedPart, SeedTable } from '../part.js'
import { placementTypeLabels } from '../rates.js'
import { at } from './dates.js'

export const childEventsTable: SeedTable = {
  name: 'child_events',
  columns: [['la_code', 'text'], ['child_id', 'uuid'], ['type', 'text'], ['occurred_at', 'timestamptz'], ['recorded_at', 'timestamptz'],
    ['significant', 'bool'], ['summary', 'text'], ['data', 'jsonb']],
}

const sourceLabels: Record<string, string> = {
  police: 'the police', school: 'a school', health: 'health services', local_authority: 'the local authority',
  individual: 'a family member or member of the public', other: 'another agency',
}
const categoryLabels: Record<string, string> = {
  NEG: 'neglect', EMO: 'emotional abuse', PHY: 'physical abuse', SAB: 'sexual abuse', MUL: 'multiple categories',
}
const outcomeLabels = { no_further_action: 'no further action', not_in_need: 'not a child in need', in_need: 'child in need' }

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
  event(e.referral, 10, 'referral.received', `Referral received from ${sourceLabels[e.source] ?? 'another agency'}`, true,
    { source: e.source, reReferral: e.reReferral, primaryNeed: e.primaryNeed })
  if (e.section47) {
    event(e.section47.start, 20, 'section47.started', 'Section 47 enquiry started', true)
    if (e.section47.conference !== null) event(e.section47.conference, 30, 'conference.held', 'Initial child protection conference held', true)
  }
  if (e.assessment?.end != null) {
    event(e.assessment.end, 40, 'assessment.completed', `Child and family assessment completed: ${outcomeLabels[e.outcome]}`, false, { outcome: e.outcome })
  }
  if (e.plan) {
    event(e.plan.start, 50, 'cp_plan.started', `Child protection plan started (${categoryLabels[e.plan.category]})`, true, { category: e.plan.category })
    if (e.plan.end !== null) event(e.plan.end, 60, 'cp_plan.ended', 'Child protection plan ended', true)
  }
  if (e.care) {
    event(e.care.start, 70, 'looked_after.started', 'Started to be looked after', true, { legalStatus: e.care.legalStatus })
    for (const p of e.care.placements) {
      event(p.start, 80, 'placement.started', `Placement started: ${placementTypeLabels[p.type] ?? 'other placement'}`, false, { placementType: p.type, over20Miles: p.over20Miles })
    }
    if (e.care.end !== null) event(e.care.end, 90, 'looked_after.ended', 'Ceased to be looked after', true, { reason: e.care.reasonEnded })
  }
  if (e.end !== null) event(e.end, 100, 'case.closed', 'Case closed', false)
}

export const chronologyPart: SeedPart = {
  name: 'chronology',
  tables: [childEventsTable],
  families(ctx, families, emit) {
    for (const family of families) for (const child of family.children) eventsFor(ctx, child, emit)
  },
}
