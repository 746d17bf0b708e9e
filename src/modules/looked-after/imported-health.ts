// Health as the 903's OC2 table gives it for a child looked after for 12 months at 31 March: whether the child had a
// health assessment and a dental check in the year (no dates), and the latest immunisations, SDQ and substance misuse
// with its intervention.
// With no dates to go on, each is recorded on the census date, as the return knows it. A check already held in the
// year, or the wellbeing already recorded on that date, is not recorded again, so importing the same return again
// changes nothing.
import type { Executor } from '../../platform/audit/audit.js'
import { appendImportedEvent, onDay, type ImportSource } from '../../platform/events/imported-history.js'
import { addYears } from '../../platform/working-days/local-date.js'

export interface ImportedHealth {
  childId: string
  healthAssessment: boolean
  dentalCheck: boolean
  /** Null when the return leaves them blank: then no wellbeing is recorded. */
  immunisationsUpToDate: boolean | null
  substanceMisuse: boolean | null
  /** OC2's INTERVENTION_RECEIVED and INTERVENTION_OFFERED, as the wellbeing record's code; null when not said. */
  substanceMisuseIntervention: 'received' | 'offered' | 'not_offered' | null
  /** OC2's CONVICTED: convicted or cautioned in the year, recorded as a conviction on the census date. */
  convicted: boolean
  sdqScore: number | null
  /** The 903 leaves the SDQ blank for children too young or too old for it, whose reason is SDQ1. */
  sdqReason: string | null
}

/** False when the child has no period of care on the census date to hold the checks. */
export async function importHealth(trx: Executor, source: ImportSource, health: ImportedHealth): Promise<boolean> {
  const date = source.censusDate
  const { childId } = health
  const period = await trx.selectFrom('care_periods').where('child_id', '=', childId).where('start_date', '<=', date)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', date)])).select('id').executeTakeFirst()
  if (!period) return false
  const kinds = [...(health.healthAssessment ? ['health_assessment'] : []), ...(health.dentalCheck ? ['dental_check'] : [])]
  for (const kind of kinds) {
    const held = await trx.selectFrom('looked_after_health_checks').where('child_id', '=', childId).where('kind', '=', kind)
      .where('check_date', '>', addYears(date, -1)).where('check_date', '<=', date).select('id').executeTakeFirst()
    if (held) continue
    await trx.insertInto('looked_after_health_checks').values({ la_code: source.laCode, child_id: childId, period_id: period.id, kind, check_date: date, recorded_by: source.recorderId }).execute()
    await appendImportedEvent(trx, source, {
      childId, type: 'health.check_recorded', occurredAt: onDay(date),
      summary: `${kind === 'dental_check' ? 'Dental check' : 'Health assessment'} in the year to the census date`, data: { date, kind },
    })
  }
  if (health.convicted) await importConviction(trx, source, childId)
  if (health.immunisationsUpToDate === null || health.substanceMisuse === null) return true
  const sdq = health.sdqScore !== null ? { sdq_score: health.sdqScore, sdq_reason: null } : { sdq_score: null, sdq_reason: health.sdqReason ?? 'SDQ1' }
  const columns = { immunisations_up_to_date: health.immunisationsUpToDate, substance_misuse: health.substanceMisuse,
    substance_misuse_intervention: health.substanceMisuse ? health.substanceMisuseIntervention : null, ...sdq }
  const held = await trx.selectFrom('looked_after_wellbeing').where('child_id', '=', childId).where('recorded_on', '=', date)
    .select(['id', 'immunisations_up_to_date', 'substance_misuse', 'substance_misuse_intervention', 'sdq_score', 'sdq_reason']).executeTakeFirst()
  if (held && (Object.keys(columns) as (keyof typeof columns)[]).every((k) => held[k] === columns[k])) return true
  if (held) await trx.updateTable('looked_after_wellbeing').set(columns).where('id', '=', held.id).execute()
  else await trx.insertInto('looked_after_wellbeing').values({ la_code: source.laCode, child_id: childId, recorded_on: date, recorded_by: source.recorderId, ...columns }).execute()
  await appendImportedEvent(trx, source, {
    childId, type: 'health.wellbeing_recorded', occurredAt: onDay(date),
    summary: `Health and wellbeing at the census date: immunisations ${columns.immunisations_up_to_date ? 'up to date' : 'not up to date'}, ${sdq.sdq_score === null ? 'no SDQ score' : `SDQ score ${sdq.sdq_score}`}`,
    data: { date, sdqScore: sdq.sdq_score, sdqReason: sdq.sdq_reason, substanceMisuse: columns.substance_misuse, intervention: columns.substance_misuse_intervention },
  })
  return true
}

/** The 903 gives no date or kind: a conviction on the census date, unless one is already held in the year. */
async function importConviction(trx: Executor, source: ImportSource, childId: string): Promise<void> {
  const date = source.censusDate
  const held = await trx.selectFrom('looked_after_convictions').where('child_id', '=', childId)
    .where('outcome_date', '>', addYears(date, -1)).where('outcome_date', '<=', date).select('id').executeTakeFirst()
  if (held) return
  await trx.insertInto('looked_after_convictions').values({ la_code: source.laCode, child_id: childId, kind: 'conviction', outcome_date: date, recorded_by: source.recorderId }).execute()
  await appendImportedEvent(trx, source, {
    childId, type: 'youth_justice.recorded', occurredAt: onDay(date),
    summary: 'Convicted or cautioned in the year to the census date', data: { kind: 'conviction', date },
  })
}
