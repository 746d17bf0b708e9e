// Enabler, workforce: turnover, agency, vacancy, caseload and the share of social workers from ethnic minority
// backgrounds from the workforce census figures at the census date (children's social work workforce), beside the
// share of residents (Census 2021); and children looked after with 3 or more social workers (SSDA903).
import { sql } from 'kysely'
import { inAuthorities } from '../../../platform/db/authority-scope.js'
import { censusFigures, socialWorkerAllocationRows, type CensusFigures } from '../../workforce/service.js'
import { childShare, type Fraction, type Indicator, type IndicatorDefinition } from '../indicator.js'
import { lookedAfterOn } from './cohorts.js'

const csww = 'Children’s social work workforce census (DfE), from Kindred’s staff records and allocations'

function censusIndicator(definition: Omit<IndicatorDefinition, 'outcome' | 'source'>, fraction: (f: CensusFigures) => Fraction): Indicator {
  return {
    ...definition, outcome: 'workforce', source: `${csww}.`,
    figures: async (db, scope, period) => new Map([...(await censusFigures(db, scope, period.census))].map(([la, f]) => [la, fraction(f)])),
  }
}

export const workforce: Indicator[] = [
  censusIndicator({
    id: 'social-worker-turnover', title: 'Social worker turnover', unit: 'percent',
    definition: 'The full-time equivalent (FTE) of employed social workers who left in the 12 months to the census date (30 September, or today), as a percentage of the FTE of employed social workers in post on that date.',
  }, (f) => ({ numerator: f.leaversFte, denominator: f.employedFte })),
  censusIndicator({
    id: 'agency-worker-rate', title: 'Agency social workers', unit: 'percent',
    definition: 'The FTE of agency social workers on the census date, as a percentage of the FTE of agency and employed social workers together.',
  }, (f) => ({ numerator: f.agencyFte, denominator: f.agencyFte + f.employedFte })),
  censusIndicator({
    id: 'vacancy-rate', title: 'Social worker vacancies', unit: 'percent',
    definition: 'The FTE of vacant social work posts on the census date, as a percentage of vacancies and employed social workers together.',
  }, (f) => ({ numerator: f.vacancyFte, denominator: f.vacancyFte + f.employedFte })),
  censusIndicator({
    id: 'average-caseload', title: 'Average caseload', unit: 'cases',
    definition: 'Children allocated on the census date to social workers in post (employed or agency), divided by the FTE of the social workers holding at least one case.',
  }, (f) => ({ numerator: f.casesHeld, denominator: f.caseholderFte })),
  censusIndicator({
    id: 'social-workers-ethnic-minority', title: 'Social workers from ethnic minority backgrounds', unit: 'percent',
    definition: 'Employed social workers in post on the census date (headcount) from ethnic minority backgrounds, as a percentage of those whose ethnicity is known. '
      + 'Ethnic minority means every ethnic group except White (so white minorities, such as Irish or Gypsy or Roma, are not counted). '
      + 'Social workers who refused to say, or whose ethnicity is not known, are left out of both figures, as the census leaves them out. '
      + 'Agency workers are not included: the census’s diversity figures describe the authority’s own social workers.',
  }, (f) => ({ numerator: f.ethnicMinorityHeadcount, denominator: f.ethnicityKnownHeadcount })),
  {
    id: 'residents-ethnic-minority', outcome: 'workforce', title: 'Residents from ethnic minority backgrounds (to compare)', unit: 'percent',
    definition: 'The percentage of the authority’s residents in any ethnic group except White at the 2021 Census, to compare with its social workers. '
      + 'It is the same in every year. For a regional care cooperative or all authorities, each authority’s percentage is weighted by its children aged 0 to 17; '
      + 'authorities without the figure are left out.',
    source: 'ONS Census 2021, table TS021 (ethnic group), as the authority’s administrator sets it.',
    figures: async (db, scope) => {
      const { rows } = await sql<{ la_code: string; numerator: string; denominator: number }>`
        select a.code as la_code, a.ethnic_minority_percent / 100.0 * a.population_0_17 as numerator, a.population_0_17 as denominator
        from local_authorities a
        where ${inAuthorities('a.code', scope)} and a.ethnic_minority_percent is not null and a.population_0_17 > 0`.execute(db)
      return new Map(rows.map((r) => [r.la_code.trim(), { numerator: Number(r.numerator), denominator: Number(r.denominator) }]))
    },
  },

  childShare({
    id: 'three-or-more-social-workers', outcome: 'workforce', title: 'Children looked after with 3 or more social workers in the year', unit: 'percent',
    definition: 'Of the children looked after at the end of the period, the percentage allocated to 3 or more different social workers during it (each social worker counted once per child).',
    source: 'SSDA903 return, social worker episodes, from Kindred’s allocations.',
  }, (db, scope, period) => sql`
    select c.la_code, c.child_id, coalesce(w.workers, 0) >= 3 as counted
    from (${lookedAfterOn(db, scope, period.end)}) c
    left join (
      select a.child_id, count(distinct a.worker_id) as workers from (${socialWorkerAllocationRows(db)}) a
      where ${inAuthorities('a.la_code', scope)} and a.started_on <= ${period.end} and (a.ended_on is null or a.ended_on >= ${period.start})
      group by a.child_id
    ) w on w.child_id = c.child_id`),
]
