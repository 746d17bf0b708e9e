// Children as a query other modules aggregate in SQL (ages for the dashboard's figures, names for its lists).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'

export const childRows = (db: Kysely<DB>) =>
  db.selectFrom('people').where('is_child', '=', true).select(['id', 'la_code', 'date_of_birth', 'first_name', 'last_name', 'restricted'])
