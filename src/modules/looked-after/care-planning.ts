// Care planning while a child is looked after: the permanence plan, with its history (each plan holds from the
// day it was set until the next), and the independent reviewing officer's contacts with the child between
// reviews. Each change is one transaction with its event.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { isCode, labelFor, type Code } from './codes.js'
import { change, checkDate, ukDate, type Actor, type FieldErrors, type Outcome } from './outcomes.js'
import { periodOn } from './records.js'
import type { Submission } from './submissions.js'

/** The plans Ofsted's Annex A asks about (its categories a to g). */
export const permanencePlans: readonly Code[] = [
  { code: 'return_to_family', label: 'Return to family' },
  { code: 'adoption', label: 'Adoption' },
  { code: 'sgo_cao', label: 'Special guardianship order or child arrangements order' },
  { code: 'supported_living', label: 'Supported living in the community' },
  { code: 'long_term_residential', label: 'Long-term residential placement' },
  { code: 'long_term_fostering', label: 'Long-term fostering' },
  { code: 'other', label: 'Other' },
]

export const iroContactKinds: readonly Code[] = [
  { code: 'visit', label: 'Visit in person' },
  { code: 'video_call', label: 'Video call' },
  { code: 'phone_call', label: 'Phone call' },
  { code: 'message', label: 'Letter, email or message' },
]

export async function recordPermanencePlan(db: Kysely<DB>, actor: Actor, childId: string, a: { plan: string; date: LocalDate | null },
  today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const errors: FieldErrors = {}
    if (!isCode(permanencePlans, a.plan)) errors.plan = 'Select the permanence plan'
    checkDate(errors, 'date', a.date, today)
    const period = await periodOn(trx, actor, childId, a.date, 'date', errors)
    if (period && a.date && await trx.selectFrom('permanence_plans').select('id').where('child_id', '=', childId).where('set_on', '=', a.date).executeTakeFirst()) {
      errors['date-day'] = `A permanence plan set on ${ukDate(a.date)} is already recorded. Give the day this plan was set`
    }
    if (Object.keys(errors).length > 0 || !period || !a.date) return errors
    if (form.formHasErrors) return
    await trx.insertInto('permanence_plans').values({ la_code: actor.laCode, child_id: childId, period_id: period.id, plan: a.plan, set_on: a.date, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'looked_after.permanence_plan_set', occurredAt: new Date(), recordedBy: actor.id, significant: true,
      summary: `Permanence plan from ${ukDate(a.date)}: ${labelFor(permanencePlans, a.plan).toLowerCase()}`, data: { plan: a.plan, date: a.date },
    })
  })
}

export async function recordIroContact(db: Kysely<DB>, actor: Actor, childId: string, a: { kind: string; date: LocalDate | null },
  today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const errors: FieldErrors = {}
    if (!isCode(iroContactKinds, a.kind)) errors.kind = 'Select how you were in contact with the child'
    checkDate(errors, 'date', a.date, today)
    const period = await periodOn(trx, actor, childId, a.date, 'date', errors)
    if (Object.keys(errors).length > 0 || !period || !a.date) return errors
    if (form.formHasErrors) return
    await trx.insertInto('iro_contacts').values({ la_code: actor.laCode, child_id: childId, period_id: period.id, contact_date: a.date, kind: a.kind, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'looked_after.iro_contact', occurredAt: new Date(), recordedBy: actor.id,
      summary: `Independent reviewing officer’s contact with the child on ${ukDate(a.date)}: ${labelFor(iroContactKinds, a.kind).toLowerCase()}`,
      data: { date: a.date, kind: a.kind },
    })
  })
}

/** Every permanence plan of these children, oldest first. */
export async function permanencePlansOf(db: Kysely<DB>, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('permanence_plans').where('child_id', 'in', childIds).select(['child_id', 'plan', 'set_on']).orderBy('child_id').orderBy('set_on').execute()
}

/** Every IRO contact with these children, oldest first. */
export async function iroContactsOf(db: Kysely<DB>, childIds: readonly string[]) {
  if (childIds.length === 0) return []
  return db.selectFrom('iro_contacts').where('child_id', 'in', childIds).select(['child_id', 'contact_date', 'kind']).orderBy('child_id').orderBy('contact_date').execute()
}
