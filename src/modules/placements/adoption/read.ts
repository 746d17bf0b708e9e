// Prospective adopter households as the pages, the 903 and Annex A read them: each with its adopters in order.
import type { Kysely, Selectable } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { LocalDate } from '../../../platform/working-days/local-date.js'
import { sexAdoptr } from './codes.js'
import type { AdopterHouseholdsTable, AdoptersTable } from './tables.js'

export type Adopter = Selectable<AdoptersTable> & { identifier: string }
export type Household = Selectable<AdopterHouseholdsTable> & { adopters: Adopter[]; names: string }

async function withAdopters(db: Kysely<DB>, households: Array<Selectable<AdopterHouseholdsTable>>): Promise<Household[]> {
  if (households.length === 0) return []
  const adopters = await db.selectFrom('adopters').selectAll().where('household_id', 'in', households.map((h) => h.id)).orderBy('position').execute()
  return households.map((h) => {
    const own = adopters.filter((a) => a.household_id === h.id)
      // The individual identifier: the household's reference and A or B, stable and alphanumeric (Annex A list 11).
      .map((a) => ({ ...a, identifier: `${h.reference}${a.position === 1 ? 'A' : 'B'}` }))
    return { ...h, adopters: own, names: own.map((a) => `${a.first_name} ${a.last_name}`).join(' and ') }
  })
}

/** The authority's households, newest enquiry first. */
export async function householdsOf(db: Kysely<DB>, laCode: string): Promise<Household[]> {
  return withAdopters(db, await db.selectFrom('adopter_households').selectAll().where('la_code', '=', laCode)
    .orderBy('enquiry_received', 'desc').orderBy('reference', 'desc').execute())
}

export async function householdOf(db: Kysely<DB>, laCode: string, id: string): Promise<Household | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const row = await db.selectFrom('adopter_households').selectAll().where('la_code', '=', laCode).where('id', '=', id).executeTakeFirst()
  return row && (await withAdopters(db, [row]))[0]
}

/** Households whose recruitment was live at some time in the range: enquiry by its end, not left before its start. */
export async function householdsInProcess(db: Kysely<DB>, laCode: string, from: LocalDate, to: LocalDate): Promise<Household[]> {
  return withAdopters(db, await db.selectFrom('adopter_households').selectAll().where('la_code', '=', laCode)
    .where('enquiry_received', '<=', to).where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', from)]))
    .orderBy('reference').execute())
}

export async function householdsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Household[]> {
  if (ids.length === 0) return []
  return withAdopters(db, await db.selectFrom('adopter_households').selectAll().where('id', 'in', [...new Set(ids)]).execute())
}

/** The 903 AD1 adopter items of each household: how many adopters, their sexes and their legal status. */
export async function adopterItemsOf(db: Kysely<DB>, householdIds: readonly string[]) {
  const households = await householdsByIds(db, householdIds)
  return new Map(households.map((h) => [h.id, {
    NB_ADOPTR: String(h.adopters.length), SEX_ADOPTR: sexAdoptr(h.adopters.map((a) => a.sex)), LS_ADOPTR: h.legal_status,
  }]))
}
