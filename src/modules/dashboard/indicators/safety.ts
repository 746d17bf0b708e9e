// Outcome 2, safety: repeat child protection plans and plans lasting two years or more (CIN census); the
// assessment-factor rates are in assessment-factors.ts.
import { sql } from 'kysely'
import { inAuthorities } from '../../../platform/db/authority-scope.js'
import { protectionPlanRows } from '../../child-protection/service.js'
import { childShare, type Indicator } from '../indicator.js'

const cinCensus = 'Children in need census (DfE, “Characteristics of children in need”)'

export const safety: Indicator[] = [
  childShare({
    id: 'repeat-protection-plans', outcome: 'safety', title: 'Second or subsequent child protection plans', unit: 'percent',
    definition: 'Of the child protection plans that started in the period, the percentage that were the child’s second or subsequent plan, however long ago the earlier plan was.',
    source: `${cinCensus}, table D3.`,
  }, (db, scope, period) => sql`
    select p.la_code, p.child_id,
      (p.previous_plans > 0 or exists (select 1 from (${protectionPlanRows(db)}) e where e.child_id = p.child_id and e.start_date < p.start_date)) as counted
    from (${protectionPlanRows(db)}) p where ${inAuthorities('p.la_code', scope)} and p.start_date between ${period.start} and ${period.end}`),

  childShare({
    id: 'protection-plans-two-years', outcome: 'safety', title: 'Child protection plans lasting 2 years or more', unit: 'percent',
    definition: 'Of the child protection plans open at the end of the period, the percentage that had lasted 2 years or more by then.',
    source: `${cinCensus}, table D5.`,
  }, (db, scope, period) => sql`
    select p.la_code, p.child_id, p.start_date <= (${period.end}::date - interval '2 years')::date as counted
    from (${protectionPlanRows(db)}) p
    where ${inAuthorities('p.la_code', scope)} and p.start_date <= ${period.end} and (p.end_date is null or p.end_date > ${period.end})`),
]
