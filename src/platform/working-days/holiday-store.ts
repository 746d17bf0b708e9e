// The bank holidays deadlines are computed from: the `bank_holidays` table, which administrators keep
// up to date. Read once per database and kept for a few minutes, or until a change made here.
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.js'
import { HolidayCalendar, type GovUkBankHolidays } from './bank-holidays.js'
import type { LocalDate } from './local-date.js'

/** Another server or a `kindred` command may change the table: re-read it after this long. */
const maxAgeMs = 5 * 60_000
const cache = new WeakMap<Kysely<DB>, { at: number; calendar: Promise<HolidayCalendar> }>()

export function holidayCalendar(db: Kysely<DB>): Promise<HolidayCalendar> {
  const cached = cache.get(db)
  if (cached && Date.now() - cached.at < maxAgeMs) return cached.calendar
  const calendar = db.selectFrom('bank_holidays').select(['date', 'title']).orderBy('date').execute()
    .then((rows) => new HolidayCalendar(rows))
  calendar.catch(() => cache.delete(db))
  cache.set(db, { at: Date.now(), calendar })
  return calendar
}

export async function addBankHoliday(db: Kysely<DB>, date: LocalDate, title: string): Promise<void> {
  await db.insertInto('bank_holidays').values({ date, title })
    .onConflict((oc) => oc.column('date').doUpdateSet({ title })).execute()
  cache.delete(db)
}

export async function removeBankHoliday(db: Kysely<DB>, date: LocalDate): Promise<void> {
  await db.deleteFrom('bank_holidays').where('date', '=', date).execute()
  cache.delete(db)
}

/** Adds every holiday in a GOV.UK feed (England and Wales), keeping ones already recorded. Returns how many were new. */
export async function importGovUkFeed(db: Kysely<DB>, feed: GovUkBankHolidays): Promise<number> {
  const holidays = HolidayCalendar.fromGovUk(feed).holidays
  if (holidays.length === 0) return 0
  const inserted = await db.insertInto('bank_holidays').values(holidays.map((h) => ({ date: h.date, title: h.title })))
    .onConflict((oc) => oc.column('date').doNothing()).returning('date').execute()
  cache.delete(db)
  return inserted.length
}
