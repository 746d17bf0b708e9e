// The children's social work workforce census figures, as the DfE defines them, at a census date (30 September,
// or any day): in-post FTE, agency FTE, leavers in the year to the date, vacancies, and cases held. One set-based
// query for any number of authorities, so the dashboard computes England with it as well as one authority.
import { sql, type Kysely } from 'kysely'
import { inAuthorities } from '../../platform/db/authority-scope.js'
import type { DB } from '../../platform/db/schema.js'
import { addYears, type LocalDate } from '../../platform/working-days/local-date.js'

export interface CensusFigures {
  laCode: string
  employedHeadcount: number
  employedFte: number
  agencyHeadcount: number
  agencyFte: number
  /** Employed social workers who left in the year to the census date. */
  leaversFte: number
  startersFte: number
  vacancyFte: number
  /** Children allocated on the census date to social workers in post (employed or agency). */
  casesHeld: number
  /** FTE of the social workers in post holding at least one case. */
  caseholderFte: number
  earlyCareerHeadcount: number
  /** Employed social workers whose ethnicity is known (not refused, obtained), and of them those not White. */
  ethnicityKnownHeadcount: number
  ethnicMinorityHeadcount: number
}

export const rate = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null)

/** Turnover, agency, vacancy and ethnic minority rates (as fractions) and average caseload, as the census defines them. */
export function censusRates(f: CensusFigures) {
  return {
    turnover: rate(f.leaversFte, f.employedFte),
    agency: rate(f.agencyFte, f.agencyFte + f.employedFte),
    vacancy: rate(f.vacancyFte, f.vacancyFte + f.employedFte),
    caseload: rate(f.casesHeld, f.caseholderFte),
    ethnicMinority: rate(f.ethnicMinorityHeadcount, f.ethnicityKnownHeadcount),
  }
}

/** The census figures for each authority with staff records (all authorities when `laCodes` is null). */
export async function censusFigures(db: Kysely<DB>, laCodes: readonly string[] | null, on: LocalDate): Promise<Map<string, CensusFigures>> {
  const yearBefore = addYears(on, -1)
  const { rows } = await sql<Record<string, string | number>>`
    with in_post as (
      select s.la_code, s.user_id, s.employment, s.fte::float8 as fte, s.early_career_year,
        -- The census's ethnic minority groups are all but White (DfE codes W...); refused and not obtained are not known.
        s.ethnicity is not null and s.ethnicity not in ('REFU', 'NOBT') as ethnicity_known, s.ethnicity not like 'W%' as ethnic_minority
      from staff s where ${inAuthorities('s.la_code', laCodes)} and s.started_on <= ${on} and (s.left_on is null or s.left_on > ${on})
    ), cases as (
      select a.worker_id, count(*) as n from allocations a
      where ${inAuthorities('a.la_code', laCodes)} and a.started_on <= ${on} and (a.ended_on is null or a.ended_on > ${on})
      group by a.worker_id
    ), by_la as (
      select p.la_code,
        count(*) filter (where p.employment = 'employed') as employed_headcount,
        coalesce(sum(p.fte) filter (where p.employment = 'employed'), 0) as employed_fte,
        count(*) filter (where p.employment = 'agency') as agency_headcount,
        coalesce(sum(p.fte) filter (where p.employment = 'agency'), 0) as agency_fte,
        coalesce(sum(c.n), 0) as cases_held,
        coalesce(sum(p.fte) filter (where c.n > 0), 0) as caseholder_fte,
        count(*) filter (where p.early_career_year is not null) as early_career_headcount,
        count(*) filter (where p.employment = 'employed' and p.ethnicity_known) as ethnicity_known_headcount,
        count(*) filter (where p.employment = 'employed' and p.ethnicity_known and p.ethnic_minority) as ethnic_minority_headcount
      from in_post p left join cases c on c.worker_id = p.user_id
      group by p.la_code
    ), moves as (
      select s.la_code,
        coalesce(sum(s.fte::float8) filter (where s.left_on > ${yearBefore} and s.left_on <= ${on}), 0) as leavers_fte,
        coalesce(sum(s.fte::float8) filter (where s.started_on > ${yearBefore} and s.started_on <= ${on}), 0) as starters_fte
      from staff s where ${inAuthorities('s.la_code', laCodes)} and s.employment = 'employed'
      group by s.la_code
    ), open_vacancies as (
      select v.la_code, sum(v.fte::float8) as vacancy_fte from vacancies v
      where ${inAuthorities('v.la_code', laCodes)} and v.open_since <= ${on} and (v.filled_on is null or v.filled_on > ${on})
      group by v.la_code
    )
    select b.*, coalesce(m.leavers_fte, 0) as leavers_fte, coalesce(m.starters_fte, 0) as starters_fte, coalesce(v.vacancy_fte, 0) as vacancy_fte
    from by_la b left join moves m on m.la_code = b.la_code left join open_vacancies v on v.la_code = b.la_code`.execute(db)
  return new Map(rows.map((r) => [String(r.la_code), {
    laCode: String(r.la_code), employedHeadcount: Number(r.employed_headcount), employedFte: Number(r.employed_fte),
    agencyHeadcount: Number(r.agency_headcount), agencyFte: Number(r.agency_fte), leaversFte: Number(r.leavers_fte),
    startersFte: Number(r.starters_fte), vacancyFte: Number(r.vacancy_fte), casesHeld: Number(r.cases_held),
    caseholderFte: Number(r.caseholder_fte), earlyCareerHeadcount: Number(r.early_career_headcount),
    ethnicityKnownHeadcount: Number(r.ethnicity_known_headcount), ethnicMinorityHeadcount: Number(r.ethnic_minority_headcount),
  }]))
}

/** The census date for a year: 30 September of that year. */
export const censusDate = (year: number): LocalDate => `${year}-09-30`
