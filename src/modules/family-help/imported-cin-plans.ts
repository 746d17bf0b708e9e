// Child in need plans loaded from a CIN census, on the referral (CIN episode) the front door holds. A plan is the
// same one again when its episode has one starting on the same date; its end is brought up to date, so importing
// the same census again changes nothing.
import type { Executor } from '../../platform/audit/audit.js'
import { appendImportedEvent, endAsKnown, onDay, type ImportSource } from '../../platform/events/imported-history.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { insertCinPlan } from './repository.js'

export interface ImportedCinPlan {
  childId: string
  referralId: string
  startDate: LocalDate
  endDate: LocalDate | null
}

export async function importCinPlan(trx: Executor, source: ImportSource, given: ImportedCinPlan): Promise<void> {
  const held = await trx.selectFrom('cin_plans').where('referral_id', '=', given.referralId).where('start_date', '=', given.startDate)
    .select(['id', 'end_date']).executeTakeFirst()
  const plan = { ...given, endDate: endAsKnown(source, given.endDate, held?.end_date) }
  const id = held?.id ?? await insertCinPlan(trx, {
    la_code: source.laCode, child_id: plan.childId, referral_id: plan.referralId, start_date: plan.startDate, end_date: plan.endDate, created_by: source.recorderId,
  })
  if (!held) {
    await appendImportedEvent(trx, source, {
      childId: plan.childId, type: 'cin_plan.started', occurredAt: onDay(plan.startDate), significant: true,
      summary: 'Child in need plan started', data: { cinPlanId: id, referralId: plan.referralId, startDate: plan.startDate },
    })
  } else if (held.end_date !== plan.endDate) {
    await trx.updateTable('cin_plans').set({ end_date: plan.endDate }).where('id', '=', id).execute()
  }
  if (plan.endDate && held?.end_date !== plan.endDate) {
    await appendImportedEvent(trx, source, {
      childId: plan.childId, type: 'cin_plan.ended', occurredAt: onDay(plan.endDate), significant: true,
      summary: 'Child in need plan ended', data: { cinPlanId: id, endDate: plan.endDate },
    })
  }
}
