// Birthday contacts loaded from the 903's OC3 table: the young person's 17th to 21st birthday in the collection year,
// with whether the authority was in touch, their activity and their accommodation. The 903 gives no date for the
// contact, so it is recorded on the birthday. It is the same contact again for the same birthday, brought up to date,
// so importing the same return again changes nothing.
import type { Executor } from '../../platform/audit/audit.js'
import { appendImportedEvent, onDay, type ImportSource } from '../../platform/events/imported-history.js'
import { addYears, type LocalDate } from '../../platform/working-days/local-date.js'
import { labelFor } from '../placements/service.js'
import { oc3Ages } from './care-leaver.js'
import { accommodationCodes, activityCodes, inTouchCodes } from './codes.js'
import { birthday, ordinal } from './dates.js'

export interface ImportedBirthdayContact {
  childId: string
  dateOfBirth: LocalDate
  inTouch: string
  activity: string
  accommodation: string
}

/** False when none of the young person's 17th to 21st birthdays falls in the return's year. */
export async function importBirthdayContact(trx: Executor, source: ImportSource, contact: ImportedBirthdayContact): Promise<boolean> {
  const yearStart = addYears(source.censusDate, -1)
  const age = oc3Ages.find((a) => birthday(contact.dateOfBirth, a) > yearStart && birthday(contact.dateOfBirth, a) <= source.censusDate)
  if (age === undefined) return false
  const date = birthday(contact.dateOfBirth, age)
  const columns = { in_touch: contact.inTouch, activity: contact.activity, accommodation: contact.accommodation }
  const held = await trx.selectFrom('care_leaver_birthday_contacts').where('child_id', '=', contact.childId).where('birthday_age', '=', age)
    .select(['id', 'in_touch', 'activity', 'accommodation']).executeTakeFirst()
  if (held && held.in_touch === columns.in_touch && held.activity === columns.activity && held.accommodation === columns.accommodation) return true
  if (held) await trx.updateTable('care_leaver_birthday_contacts').set(columns).where('id', '=', held.id).execute()
  else {
    await trx.insertInto('care_leaver_birthday_contacts').values({
      la_code: source.laCode, child_id: contact.childId, birthday_age: age, contact_date: date, recorded_by: source.recorderId, ...columns,
    }).execute()
  }
  await appendImportedEvent(trx, source, {
    childId: contact.childId, type: 'care_leaver.birthday_contact_recorded', occurredAt: onDay(date), significant: contact.inTouch === 'DIED',
    summary: `${ordinal(age)} birthday contact: ${labelFor(inTouchCodes, contact.inTouch).toLowerCase()}; ${labelFor(activityCodes, contact.activity).toLowerCase()}; ${labelFor(accommodationCodes, contact.accommodation).toLowerCase()}`,
    data: { age, date, IN_TOUCH: contact.inTouch, ACTIV: contact.activity, ACCOM: contact.accommodation },
  })
  return true
}
