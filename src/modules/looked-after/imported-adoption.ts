// Adoption milestones loaded from the 903: the decision that the child should be placed for adoption (PlacedAdoption
// DATE_PLACED, AD1 DATE_INT), the decision that they should no longer be (DATE_PLACED_CEASED, with its reason) and the
// match (AD1 DATE_MATCH), each in the period of care it fell in. A period holds each milestone once: a held one is
// brought up to date, so importing the same return again changes nothing. The adopters are not imported.
import type { Executor } from '../../platform/audit/audit.js'
import { appendImportedEvent, onDay, type ImportSource } from '../../platform/events/imported-history.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { labelFor } from '../placements/service.js'
import { adoptionMilestones } from './codes.js'

export type ImportedMilestone = 'decision' | 'matched' | 'no_longer_placed'

/**
 * In the latest period of care begun by the milestone's date, or else the earliest: a decision made years before
 * the return's year falls in a period whose start, in Kindred, is its first episode in the earliest return imported.
 * False when the child has no period of care.
 */
export async function importAdoptionMilestone(trx: Executor, source: ImportSource, childId: string, milestone: ImportedMilestone,
  date: LocalDate, reason: string | null = null): Promise<boolean> {
  const periods = await trx.selectFrom('care_periods').where('child_id', '=', childId).orderBy('start_date').select(['id', 'start_date']).execute()
  const period = periods.filter((p) => p.start_date <= date).at(-1) ?? periods[0]
  if (!period) return false
  const held = await trx.selectFrom('adoption_milestones').where('period_id', '=', period.id).where('milestone', '=', milestone)
    .select(['id', 'milestone_date', 'reason']).executeTakeFirst()
  if (held && held.milestone_date === date && held.reason === reason) return true
  if (held) await trx.updateTable('adoption_milestones').set({ milestone_date: date, reason }).where('id', '=', held.id).execute()
  else {
    await trx.insertInto('adoption_milestones').values({
      la_code: source.laCode, child_id: childId, period_id: period.id, milestone, milestone_date: date, reason, adopter_household_id: null, recorded_by: source.recorderId,
    }).execute()
  }
  await appendImportedEvent(trx, source, {
    childId, type: 'adoption.milestone', occurredAt: onDay(date), significant: true,
    summary: labelFor(adoptionMilestones, milestone), data: { milestone, date, ...(reason && { reason }) },
  })
  return true
}
