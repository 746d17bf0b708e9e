// The 903 OC3 table for a collection year (1 April to 31 March): one row per care leaver whose 17th to 21st birthday
// fell in the year and who the 903 asks about (relevant or former relevant, not looked after on the birthday).
// Codes as recorded; a birthday with nothing recorded gives a row with blanks, for the return's checks to flag.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { addYears, type LocalDate } from '../../platform/working-days/local-date.js'
import { careHistories } from './care-history.js'
import { contactDueFor, oc3Ages } from './care-leaver.js'
import { birthday } from './dates.js'
import { careLeaverRecords, lookedAfterBornBetween } from './repository.js'

export interface Oc3Row {
  CHILD: string
  DOB: LocalDate
  IN_TOUCH: string | null
  ACTIV: string | null
  ACCOM: string | null
  /** Beside the 903's columns: which birthday the row is about. */
  birthdayAge: number
}

/**
 * `year` is the year the collection starts: 2025 for 1 April 2025 to 31 March 2026. `onlyChildIds` narrows the
 * rows to those young people (one child's live data quality) without reading the rest of the authority's histories.
 */
export async function oc3Rows(db: Kysely<DB>, laCode: string, year: number, onlyChildIds?: readonly string[]): Promise<Oc3Row[]> {
  const start: LocalDate = `${year}-04-01`
  const end: LocalDate = `${year + 1}-03-31`
  const born = await lookedAfterBornBetween(db, laCode, addYears(start, -21), addYears(end, -17))
  const people = onlyChildIds ? born.filter((p) => onlyChildIds.includes(p.id)) : born
  const ids = people.map((p) => p.id)
  const [histories, records] = await Promise.all([careHistories(db, laCode, ids), careLeaverRecords(db, ids)])
  const rows: Oc3Row[] = []
  for (const p of people) {
    const age = oc3Ages.find((a) => birthday(p.date_of_birth, a) >= start && birthday(p.date_of_birth, a) <= end)
    if (age === undefined || !contactDueFor(p.date_of_birth, histories.get(p.id) ?? [], age).due) continue
    const contact = records.contacts.find((c) => c.child_id === p.id && c.birthday_age === age)
    rows.push({ CHILD: p.id, DOB: p.date_of_birth, IN_TOUCH: contact?.in_touch ?? null, ACTIV: contact?.activity ?? null, ACCOM: contact?.accommodation ?? null, birthdayAge: age })
  }
  return rows
}
