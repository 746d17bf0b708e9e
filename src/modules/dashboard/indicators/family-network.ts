// Outcome 3, family network: children leaving care to special guardianship or a child arrangements order (SSDA903).
import { sql, type Kysely } from 'kysely'
import { inAuthorities } from '../../../platform/db/authority-scope.js'
import type { DB } from '../../../platform/db/schema.js'
import { careEpisodeRows } from '../../looked-after/service.js'
import { childShare, type Indicator, type IndicatorDefinition, type Scope } from '../indicator.js'
import type { Period } from '../period.js'
import { notShortBreak } from './cohorts.js'

const cla903 = 'SSDA903 return (DfE, “Children looked after in England”), reason episode ceased'

/** Children who ceased to be looked after in the period, with whether their reason is one of `reasons`. */
const ceasedFor = (reasons: readonly string[]) => (db: Kysely<DB>, scope: Scope, period: Period) => sql`
  select e.la_code, e.child_id, e.reason_ceased in (${sql.join(reasons)}) as counted from (${careEpisodeRows(db)}) e
  where ${inAuthorities('e.la_code', scope)} and e.end_date between ${period.start} and ${period.end} and e.reason_ceased <> 'X1' and ${notShortBreak('e')}`

const leaving = (definition: Omit<IndicatorDefinition, 'unit' | 'outcome'>, reasons: readonly string[]) =>
  childShare({ ...definition, outcome: 'family-network', unit: 'percent' }, ceasedFor(reasons))

export const familyNetwork: Indicator[] = [
  leaving({
    id: 'left-care-special-guardianship', title: 'Leaving care to special guardianship',
    definition: 'Of the times children ceased to be looked after in the period, the percentage whose reason was a special guardianship order (903 codes E45 to E48). Short breaks are left out.',
    source: `${cla903}.`,
  }, ['E45', 'E46', 'E47', 'E48']),
  leaving({
    id: 'left-care-child-arrangements', title: 'Leaving care to a child arrangements order',
    definition: 'Of the times children ceased to be looked after in the period, the percentage whose reason was a child arrangements order or residence order (903 code E41). Short breaks are left out.',
    source: `${cla903}.`,
  }, ['E41']),
]
