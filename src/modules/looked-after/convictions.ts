// Youth justice outcomes while a child is looked after: a conviction, youth caution or youth conditional caution,
// each with its date, for the 903's OC2 CONVICTED ("during the year", for children aged 10 or over).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { addYears, type LocalDate } from '../../platform/working-days/local-date.js'
import { convictionKinds, isCode, labelFor } from './codes.js'
import { change, checkDate, ukDate, type Actor, type FieldErrors, type Outcome } from './outcomes.js'
import { event, periodOn } from './records.js'
import { lockChild } from './repository.js'
import type { Submission } from './submissions.js'

/** The age of criminal responsibility in England. */
const CRIMINAL_RESPONSIBILITY_AGE = 10

export async function recordConviction(db: Kysely<DB>, actor: Actor, childId: string, a: { kind: string; date: LocalDate | null },
  today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const errors: FieldErrors = {}
    if (!isCode(convictionKinds, a.kind)) errors.kind = 'Select whether the child was convicted, or given a youth caution or youth conditional caution'
    checkDate(errors, 'date', a.date, today)
    const period = await periodOn(trx, actor, childId, a.date, 'date', errors)
    const dob = (await lockChild(trx, actor.laCode, childId))?.date_of_birth ?? null
    if (period && a.date && dob && a.date < addYears(dob, CRIMINAL_RESPONSIBILITY_AGE)) {
      errors['date-day'] = `The child was under ${CRIMINAL_RESPONSIBILITY_AGE} on this date, the age of criminal responsibility. Check the date`
    }
    if (period && a.date && isCode(convictionKinds, a.kind) && await trx.selectFrom('looked_after_convictions').select('id')
      .where('child_id', '=', childId).where('kind', '=', a.kind).where('outcome_date', '=', a.date).executeTakeFirst()) {
      errors['date-day'] = `${labelFor(convictionKinds, a.kind)} on ${ukDate(a.date)} is already recorded`
    }
    if (Object.keys(errors).length > 0 || !period || !a.date) return errors
    if (form.formHasErrors) return
    await trx.insertInto('looked_after_convictions').values({ la_code: actor.laCode, child_id: childId, kind: a.kind, outcome_date: a.date, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, 'youth_justice.recorded', `${labelFor(convictionKinds, a.kind)} on ${ukDate(a.date)}`,
      { kind: a.kind, date: a.date }, true))
  })
}
