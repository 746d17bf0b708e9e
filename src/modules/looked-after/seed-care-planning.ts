// Seeded care planning for `kindred seed`: each period of care gets the permanence plan its own course points to
// (adoption on the adoption path, return home or a special guardianship or child arrangements order when that is
// how it ended, supported living at 16 and over, otherwise long-term fostering or residential care), set at about
// the second review, sometimes after an earlier plan to return home; and the reviewing officer's contacts with the
// child about twice a year. Rows and events are the ones care-planning.ts writes.
import type { Day, SeedChild } from '../../platform/seed/facts.js'
import type { Emit, SeedContext, SeedTable } from '../../platform/seed/part.js'
import { childEventsTable } from '../../platform/seed/parts/chronology.js'
import { at, date } from '../../platform/seed/parts/dates.js'
import { Weighted, type Random } from '../../platform/seed/random.js'
import { iroContactKinds, permanencePlans } from './care-planning.js'
import { labelFor } from './codes.js'
import { ukDate } from './outcomes.js'
import type { SeededPeriod } from './seed-care.js'
import type { Window } from './seed-records.js'

const recorded = [['recorded_by', 'uuid'], ['recorded_at', 'timestamptz']] as const
export const carePlanningTables: readonly SeedTable[] = [
  { name: 'permanence_plans', columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['period_id', 'uuid'], ['plan', 'text'], ['set_on', 'date'], ...recorded] },
  { name: 'iro_contacts', columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['period_id', 'uuid'], ['contact_date', 'date'], ['kind', 'text'], ...recorded] },
]
const [plansTable, contactsTable] = carePlanningTables as [SeedTable, SeedTable]

/** IdMaker table numbers, clear of the looked-after part's own. */
const idTable = { plan: 0x16c, contact: 0x16d }

const YEAR = 365.25
const returnedHome = new Set(['E4A', 'E4B', 'E13'])
const ordersToCarers = new Set(['E41', 'E43', 'E44', 'E45', 'E46', 'E47', 'E48'])
const longTerm = new Weighted([['long_term_fostering', 85], ['other', 15]])
const contactKinds = new Weighted([['visit', 55], ['phone_call', 20], ['video_call', 15], ['message', 10]])

function finalPlan(random: Random, period: SeededPeriod, age: number): string {
  if (period.adoption.length > 0) return 'adoption'
  if (period.reasonEnded && returnedHome.has(period.reasonEnded)) return 'return_to_family'
  if (period.reasonEnded && ordersToCarers.has(period.reasonEnded)) return 'sgo_cao'
  if (age >= 16) return 'supported_living'
  return /^K/.test(period.placements.at(-1)?.type ?? '') ? 'long_term_residential' : longTerm.pick(random)
}

export interface CarePlanningWriter { ctx: SeedContext; child: SeedChild; emit: Emit; random: Random; worker: string }

export function writeCarePlanning(w: CarePlanningWriter, period: SeededPeriod, periodId: string, window: Window): void {
  const { ctx, child, emit } = w
  const random = w.random.derive('care-planning', periodId)
  const la_code = ctx.plan.authority.code
  const iro = ctx.organisation.workers.find((x) => x.role === 'iro')?.id ?? w.worker
  const last = Math.min(period.end ?? Infinity, window.asOf)
  const event = (day: Day, order: number, by: string, type: string, summary: string, data: Record<string, unknown>, significant = false) =>
    emit(childEventsTable, { la_code, child_id: child.id, type, occurred_at: at(day, order), recorded_at: at(day, order), recorded_by: by, significant, summary, data })

  // A few periods (most of them short) never had their plan recorded.
  const setOn = period.start + random.between(25, 130)
  if (setOn <= last && random.chance(0.93)) {
    const plan = finalPlan(random, period, (setOn - child.dateOfBirth) / YEAR)
    const changedOn = setOn + random.between(120, 300)
    const steps: Array<[string, Day]> = plan !== 'return_to_family' && changedOn <= last && random.chance(0.2)
      ? [['return_to_family', setOn], [plan, changedOn]] : [[plan, setOn]]
    for (const [p, day] of steps) {
      emit(plansTable, { id: ctx.ids.next(idTable.plan), la_code, child_id: child.id, period_id: periodId, plan: p, set_on: date(day), recorded_by: w.worker, recorded_at: at(day, 45) })
      event(day, 45, w.worker, 'looked_after.permanence_plan_set', `Permanence plan from ${ukDate(date(day)!)}: ${labelFor(permanencePlans, p).toLowerCase()}`,
        { plan: p, date: date(day) }, true)
    }
  }
  for (let day = period.start + random.between(40, 120); day <= last; day += random.between(150, 210)) {
    if (day < window.from || !random.chance(0.85)) continue
    const kind = contactKinds.pick(random)
    emit(contactsTable, { id: ctx.ids.next(idTable.contact), la_code, child_id: child.id, period_id: periodId, contact_date: date(day), kind, recorded_by: iro, recorded_at: at(day, 35) })
    event(day, 35, iro, 'looked_after.iro_contact',
      `Independent reviewing officer’s contact with the child on ${ukDate(date(day)!)}: ${labelFor(iroContactKinds, kind).toLowerCase()}`, { date: date(day), kind })
  }
}
