// Outcome 2, safety: repeat child protection plans, plans lasting two years or more, and the rate of CIN episodes
// with each abuse, neglect and harm-outside-the-home factor at the end of assessment (CIN census).
import { sql } from 'kysely'
import { inAuthorities } from '../../../platform/db/authority-scope.js'
import { assessmentRows, protectionPlanRows } from '../../child-protection/service.js'
import { childRate, childShare, type Indicator } from '../indicator.js'

const cinCensus = 'Children in need census (DfE, “Characteristics of children in need”)'

/** The dashboard's factor rates: the CIN census factor code and what it is called. */
const factors: ReadonlyArray<readonly [string, string, string]> = [
  ['3A', 'domestic-abuse-child', 'Domestic abuse: the child is subject to it'],
  ['3B', 'domestic-abuse-parent', 'Domestic abuse: a parent or carer is subject to it'],
  ['3C', 'domestic-abuse-other', 'Domestic abuse: another person in the household is subject to it'],
  ['17A', 'emotional-abuse', 'Emotional abuse'],
  ['23A', 'faith-linked-abuse', 'Abuse linked to faith or belief'],
  ['16A', 'neglect', 'Neglect'],
  ['18C', 'physical-abuse-adult', 'Physical abuse: adult on child'],
  ['18B', 'physical-abuse-child', 'Physical abuse: child on child'],
  ['18A', 'physical-abuse-unknown', 'Physical abuse: not known who by'],
  ['19C', 'sexual-abuse-adult', 'Sexual abuse: adult on child'],
  ['19B', 'sexual-abuse-child', 'Sexual abuse: child on child'],
  ['19A', 'sexual-abuse-unknown', 'Sexual abuse: not known who by'],
  ['24A', 'child-criminal-exploitation', 'Child criminal exploitation'],
  ['11A', 'child-sexual-exploitation', 'Child sexual exploitation'],
  ['13A', 'gangs', 'Gangs'],
  ['10A', 'going-missing', 'Going or being missing'],
  ['12A', 'trafficking', 'Trafficking'],
]

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

  ...factors.map(([code, id, name]) => childRate({
    id, outcome: 'safety', title: `Assessments identifying: ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
    definition: `CIN episodes with an assessment completed in the period that identified “${name}” (factor ${code}) at its end, per 10,000 children aged 0 to 17. An episode counts once however many of its assessments found the factor.`,
    source: `${cinCensus}, table C3 (factors identified at the end of assessment).`,
  }, (db, scope, period) => sql`
    select a.la_code, a.child_id from (${assessmentRows(db)}) a
    where ${inAuthorities('a.la_code', scope)} and a.completed_on between ${period.start} and ${period.end} and ${code} = any(a.factors)
    group by a.la_code, a.child_id, a.referral_id`)),
]
