// The groups of children several indicators share, as SQL over the modules' row queries.
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { inAuthorities } from '../../../platform/db/authority-scope.js'
import type { DB } from '../../../platform/db/schema.js'
import type { LocalDate } from '../../../platform/working-days/local-date.js'
import { careEpisodeRows } from '../../looked-after/service.js'
import type { Scope } from '../indicator.js'

/** Short breaks (V3, V4) are left out of every looked-after figure, as the 903 publication does. */
export const notShortBreak = (alias: string) => sql`${sql.ref(`${alias}.legal_status`)} not in ('V3', 'V4')`

/**
 * Children looked after on a day: an episode that started by then and had not ended (one ending that day has
 * ended), not a short break. Columns: la_code, child_id and the episode's own.
 */
export function lookedAfterOn(db: Kysely<DB>, scope: Scope, on: LocalDate): RawBuilder<unknown> {
  return sql`select e.* from (${careEpisodeRows(db)}) e
    where ${inAuthorities('e.la_code', scope)} and e.start_date <= ${on} and (e.end_date is null or e.end_date > ${on}) and ${notShortBreak('e')}`
}
