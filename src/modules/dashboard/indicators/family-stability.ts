// Outcome 1, family stability: children starting to be looked after and looked after at the end of the period
// (all, and unaccompanied asylum-seeking children), and school stability (SSDA903).
import { sql, type Kysely } from 'kysely'
import { inAuthorities } from '../../../platform/db/authority-scope.js'
import type { DB } from '../../../platform/db/schema.js'
import { carePeriodRows, careEpisodeRows, schoolMoveRows, uascRows } from '../../looked-after/service.js'
import { childRate, childShare, type Indicator, type Scope } from '../indicator.js'
import type { Period } from '../period.js'
import { lookedAfterOn, notShortBreak } from './cohorts.js'

const cla903 = 'SSDA903 return (DfE, “Children looked after in England”), from Kindred’s periods of care'

/** Each child once: those who started a period of care in the period (not a short break). */
const starters = (db: Kysely<DB>, scope: Scope, period: Period) => sql`
  select distinct p.la_code, p.child_id, min(p.start_date) over (partition by p.child_id) as started
  from (${carePeriodRows(db)}) p join (${careEpisodeRows(db)}) e on e.period_id = p.id and e.start_date = p.start_date
  where ${inAuthorities('p.la_code', scope)} and p.start_date between ${period.start} and ${period.end} and ${notShortBreak('e')}`

const uascOn = (db: Kysely<DB>, child: string, on: string) =>
  sql`exists (select 1 from (${uascRows(db)}) u where u.child_id = ${sql.ref(child)} and (u.ceased_on is null or u.ceased_on > ${sql.ref(on)}))`

export const familyStability: Indicator[] = [
  childRate({
    id: 'started-looked-after-rate', outcome: 'access', title: 'Children starting to be looked after',
    definition: 'Children who started to be looked after in the period, each counted once however many times they started, per 10,000 children aged 0 to 17. Short breaks are left out.',
    source: `${cla903}.`,
  }, (db, scope, period) => sql`select s.la_code, s.child_id from (${starters(db, scope, period)}) s`),

  childRate({
    id: 'looked-after-rate', outcome: 'access', title: 'Children looked after',
    definition: 'Children looked after at the end of the period, per 10,000 children aged 0 to 17. Short breaks are left out.',
    source: `${cla903}.`,
  }, (db, scope, period) => sql`select c.la_code, c.child_id from (${lookedAfterOn(db, scope, period.end)}) c`),

  childRate({
    id: 'uasc-started-rate', outcome: 'access', title: 'Unaccompanied asylum-seeking children starting to be looked after',
    definition: 'Unaccompanied asylum-seeking children who started to be looked after in the period, each counted once, per 10,000 children aged 0 to 17.',
    source: `${cla903}; UASC status as recorded.`,
  }, (db, scope, period) => sql`select s.la_code, s.child_id from (${starters(db, scope, period)}) s where ${uascOn(db, 's.child_id', 's.started')}`),

  childRate({
    id: 'uasc-looked-after-rate', outcome: 'access', title: 'Unaccompanied asylum-seeking children looked after',
    definition: 'Unaccompanied asylum-seeking children looked after at the end of the period, per 10,000 children aged 0 to 17.',
    source: `${cla903}; UASC status as recorded.`,
  }, (db, scope, period) => sql`select c.la_code, c.child_id from (${lookedAfterOn(db, scope, period.end)}) c
      where exists (select 1 from (${uascRows(db)}) u where u.child_id = c.child_id and (u.ceased_on is null or u.ceased_on > ${period.end}))`),

  childShare({
    id: 'school-moves', outcome: 'access', title: 'Children looked after with a mid-year school move', unit: 'percent',
    definition: 'Of the children looked after at the end of the period, the percentage with at least one school move in the period at a time other than the start of the school year (a move in August or September is not counted).',
    source: `${cla903}; school moves recorded with the child’s personal education plan (the DfE links the school census).`,
  }, (db, scope, period) => sql`
    select c.la_code, c.child_id, exists (
      select 1 from (${schoolMoveRows(db)}) m where m.child_id = c.child_id and m.event_date between ${period.start} and ${period.end}
        and extract(month from m.event_date) not in (8, 9)
    ) as counted
    from (${lookedAfterOn(db, scope, period.end)}) c`),
]
