// Caseloads: each child's episodes become a run of allocations to a worker in the team doing that stage
// of the work (assessment, protection, family help, care, leaving care), ending when the next stage or
// the episode does. Only allocations that were open at some point in the last two years are written.
import type { Day, Episode, SeedChild } from '../facts.js'
import { idTables } from '../identifiers.js'
import type { CaseworkFunction } from '../organisation.js'
import type { SeedContext, SeedPart, SeedTable, Emit } from '../part.js'
import type { Random } from '../random.js'
import { date } from './dates.js'

export const allocationsTable: SeedTable = {
  name: 'allocations',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['worker_id', 'uuid'], ['team_id', 'uuid'], ['started_on', 'date'], ['ended_on', 'date'],
    ['change_reason', 'text']],
}

interface Stage { from: Day; fn: CaseworkFunction }

/** The stages of one episode in date order, and the day it ends (null while open). */
export function stagesOf(e: Episode): { stages: Stage[]; end: Day | null } {
  // A child taken into care without an assessment first (an emergency) still has a worker from that day.
  if (!e.assessment) return { stages: e.care ? [{ from: e.care.start, fn: 'children_in_care' }] : [], end: e.end }
  const stages: Stage[] = [{ from: e.referral + 1, fn: 'assessment' }]
  if (e.outcome === 'in_need' && e.assessment.end !== null && !(e.plan && e.plan.start <= e.assessment.end)) {
    stages.push({ from: e.assessment.end, fn: 'family_help' })
  }
  if (e.plan) {
    stages.push({ from: e.plan.start, fn: 'child_protection' })
    if (e.plan.end !== null && !e.care && (e.end === null || e.plan.end < e.end)) stages.push({ from: e.plan.end, fn: 'family_help' })
  }
  if (e.care) stages.push({ from: e.care.start, fn: 'children_in_care' })
  stages.sort((a, b) => a.from - b.from)
  return { stages, end: e.end }
}

function allocate(ctx: SeedContext, random: Random, child: SeedChild, emit: Emit): void {
  const since = ctx.period.yearStart - 365
  const la_code = ctx.plan.authority.code
  // The 903's reason for each worker: the first for a referral (FCONTA), then a move to the team for the next stage (TSPROC).
  const write = (fn: CaseworkFunction, from: Day, to: Day | null, reason: 'FCONTA' | 'TSPROC') => {
    if (to !== null && (to < since || to < from)) return
    const holders = ctx.organisation.caseholders[fn]
    const { team, workers } = holders[random.below(holders.length)]!
    emit(allocationsTable, {
      id: ctx.ids.next(idTables.allocation), la_code, child_id: child.id, worker_id: workers.pick(random).id, team_id: team.id,
      started_on: date(from), ended_on: date(to), change_reason: reason,
    })
  }
  for (const episode of child.episodes) {
    const { stages, end } = stagesOf(episode)
    let previous: Stage | null = null
    for (let i = 0; i < stages.length; i++) {
      const stage = stages[i]!
      if (previous?.fn === stage.fn) continue
      const next = stages.slice(i + 1).find((s) => s.fn !== stage.fn)
      write(stage.fn, stage.from, next ? next.from : end, previous ? 'TSPROC' : 'FCONTA')
      previous = stage
    }
  }
  if (child.careLeaving) write('care_leavers', child.careLeaving.since, null, 'TSPROC')
}

export const allocationsPart: SeedPart = {
  name: 'allocations',
  tables: [allocationsTable],
  families(ctx, families, emit) {
    for (const family of families) {
      for (const child of family.children) allocate(ctx, ctx.random('allocations', family.index), child, emit)
    }
  },
}
