// Outcome 2, safety: the rate of CIN episodes with each abuse, neglect and harm-outside-the-home factor at the end
// of assessment (CIN census). All 17 rates come from one pass over the period's assessments, shared by the 17
// indicators asking for the same authorities and period at once (the dashboard asks for every indicator together).
import { sql, type Kysely } from 'kysely'
import { inAuthorities } from '../../../platform/db/authority-scope.js'
import type { DB } from '../../../platform/db/schema.js'
import { assessmentRows } from '../../child-protection/service.js'
import type { Fraction, Indicator, Scope } from '../indicator.js'
import type { Period } from '../period.js'
import { sharedWhileRunning } from '../shared-while-running.js'

/** The dashboard's factor rates: the CIN census factor code, the indicator's id and what the factor is called. */
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
const codes = factors.map(([code]) => code)

/** Each CIN episode (child and referral) once per factor its assessments authorised in the period found. */
const episodeFactors = (db: Kysely<DB>, scope: Scope, period: Period) => sql<{ la_code: string; child_id: string; factor: string }>`
  select a.la_code, a.child_id, f.code as factor
  from (${assessmentRows(db)}) a cross join lateral unnest(a.factors) f(code)
  where ${inAuthorities('a.la_code', scope)} and a.authorised_on between ${period.start} and ${period.end} and f.code in (${sql.join(codes)})
  group by a.la_code, a.child_id, a.referral_id, f.code`

/** Every factor's numerator and denominator (the population in 10,000s) for each authority in scope, in one query. */
const everyFactor = sharedWhileRunning(
  ({ scope, period }: { scope: Scope; period: Period }) => `${scope?.join(',') ?? 'all'}/${period.start}/${period.end}`,
  async (db, { scope, period }) => {
    const { rows } = await sql<{ la_code: string; factor: string; numerator: string | number; denominator: string | number }>`
      select a.code as la_code, f.code as factor, coalesce(x.n, 0) as numerator, coalesce(a.population_0_17, 0) / 10000.0 as denominator
      from local_authorities a cross join unnest(array[${sql.join(codes)}]::text[]) f(code)
      left join (select e.la_code, e.factor, count(*) as n from (${episodeFactors(db, scope, period)}) e group by e.la_code, e.factor) x
        on x.la_code = a.code and x.factor = f.code
      where ${inAuthorities('a.code', scope)}`.execute(db)
    const byFactor = new Map<string, Map<string, Fraction>>(codes.map((code) => [code, new Map()]))
    for (const r of rows) byFactor.get(r.factor)!.set(r.la_code.trim(), { numerator: Number(r.numerator), denominator: Number(r.denominator) })
    return byFactor
  },
)

const cinCensus = 'Children in need census (DfE, “Characteristics of children in need”)'

export const assessmentFactors: Indicator[] = factors.map(([code, id, name]) => ({
  id, outcome: 'safety', unit: 'per10k', title: `Assessments identifying: ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
  definition: `CIN episodes with an assessment completed (authorised by a manager) in the period that identified “${name}” (factor ${code}) at its end, per 10,000 children aged 0 to 17. An episode counts once however many of its assessments found the factor.`,
  source: `${cinCensus}, table C3 (factors identified at the end of assessment).`,
  figures: async (db, scope, period) => (await everyFactor(db, { scope, period })).get(code)!,
  children: (db, laCode, period) => sql<{ child_id: string }>`select e.child_id from (${episodeFactors(db, [laCode], period)}) e where e.factor = ${code}`,
}))
