// What every casework part needs besides the facts: the workers who did the work (drawn from the authority's
// organisation by role and function), and the child's event stream written the way the modules write it
// (a day in England for dated steps; recorded_at keeps the order of steps on the same day).
import type { CaseworkFunction, Organisation, SeedWorker } from './organisation.js'
import type { Day, SeedChild } from './facts.js'
import type { Emit, SeedContext, SeedTable } from './part.js'
import { childEventsTable } from './parts/chronology.js'
import { at, date } from './parts/dates.js'
import type { Random } from './random.js'

/** `2025-05-05 00:00 Europe/London`: how the modules record a step that happened on a day. */
export const onDay = (day: Day): string => `${date(day)} 00:00 Europe/London`

/** A moment in the working day in England, for contacts and decisions. */
export const atTime = (day: Day, hour: number, minute: number): string =>
  `${date(day)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} Europe/London`

export interface CaseworkStaff {
  /** A caseholder of the function (weighted, so the demo social worker gets more), chosen from a random team. */
  caseholder(random: Random, fn: CaseworkFunction): SeedWorker
  /** Anyone with the role; a social worker when the authority has nobody with it. */
  withRole(random: Random, role: SeedWorker['role']): SeedWorker
  /** The worker's manager, who authorises their work; another manager when they have none. */
  managerOf(worker: SeedWorker): SeedWorker
}

const staffOf = new WeakMap<Organisation, CaseworkStaff>()

export function caseworkStaff(organisation: Organisation): CaseworkStaff {
  let staff = staffOf.get(organisation)
  if (staff) return staff
  const byId = new Map(organisation.workers.map((w) => [w.id, w]))
  const byRole = new Map<string, SeedWorker[]>()
  for (const w of organisation.workers) byRole.set(w.role, [...(byRole.get(w.role) ?? []), w])
  const managers = byRole.get('team_manager') ?? []
  staff = {
    caseholder(random, fn) {
      const holders = organisation.caseholders[fn]
      return holders[random.below(holders.length)]!.workers.pick(random)
    },
    withRole(random, role) {
      const found = byRole.get(role)
      return found?.length ? random.pick(found) : this.caseholder(random, 'assessment')
    },
    managerOf(worker) {
      const own = worker.managerId ? byId.get(worker.managerId) : undefined
      return own ?? managers.find((m) => m.id !== worker.id)!
    },
  }
  staffOf.set(organisation, staff)
  return staff
}

export interface EventStep {
  type: string
  day: Day
  /** The moment (`atTime`) for steps recorded with a time; otherwise the day, at midnight in England. */
  time?: string
  summary: string
  data: Record<string, unknown>
  significant?: boolean
  recordedBy: string | null
}

/** Writes a child's events; `order` keeps same-day steps in the order they happened. */
export function eventWriter(ctx: SeedContext, emit: Emit, child: SeedChild) {
  const la_code = ctx.plan.authority.code
  return (step: EventStep, order: number): void => {
    emit(childEventsTable, {
      la_code, child_id: child.id, type: step.type, occurred_at: step.time ?? onDay(step.day),
      recorded_at: at(step.day, order), recorded_by: step.recordedBy, significant: step.significant ?? false,
      summary: step.summary, data: step.data,
    })
  }
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
/** 5 May 2025, as the modules write dates in event summaries. */
export const ukDate = (localDate: string): string => dateFormat.format(new Date(`${localDate}T00:00:00Z`))
export const ukDay = (day: Day): string => ukDate(date(day)!)

/** The platform's links between a user and a child other than allocation (a conference chair, a supervisor). */
export const involvementsTable: SeedTable = {
  name: 'involvements',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['user_id', 'uuid'], ['kind', 'text'], ['started_at', 'timestamptz'], ['ended_at', 'timestamptz']],
}
