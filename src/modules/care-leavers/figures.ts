// OC3 birthday contacts as a query other modules aggregate in SQL (the dashboard's care leaver figures).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'

export const birthdayContactRows = (db: Kysely<DB>) =>
  db.selectFrom('care_leaver_birthday_contacts').select(['la_code', 'child_id', 'birthday_age', 'contact_date', 'in_touch', 'activity', 'accommodation'])
