// Staff records and vacancies for a generated authority's workers, at national rates (children's social work
// workforce census, 2023-2025): about 17% of FTE from agencies, 16% of employed FTE leaving each year (with
// leavers over the last five years, so past census dates have figures) and vacancies about 20% of posts.
// Ethnicity as the 2024 census found it: not known for about 12%, and of the rest about 23% from ethnic minority
// (non-White) backgrounds, Black African the largest group.
import { firstName, surname } from '../../platform/seed/names.js'
import type { SeedContext, SeedPart, SeedTable, Emit } from '../../platform/seed/part.js'
import { date } from '../../platform/seed/parts/dates.js'
import { Random, Weighted } from '../../platform/seed/random.js'
import type { StaffRole } from './tables.js'

export const staffTable: SeedTable = {
  name: 'staff',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['user_id', 'uuid'], ['name', 'text'], ['registration_number', 'text'], ['role', 'text'], ['team_id', 'uuid'],
    ['employment', 'text'], ['fte', 'numeric'], ['started_on', 'date'], ['left_on', 'date'], ['early_career_year', 'int'], ['ethnicity', 'text']],
}
export const vacanciesTable: SeedTable = {
  name: 'vacancies', columns: [['id', 'uuid'], ['la_code', 'text'], ['team_id', 'uuid'], ['fte', 'numeric'], ['open_since', 'date'], ['filled_on', 'date']],
}

const rates = { agency: 0.17, turnover: 0.16, vacancy: 0.2 }
/** Id table numbers from the workforce's migration range, clear of the platform's. */
const idTable = { staff: 90, vacancy: 91 }
const registeredRoles: Record<string, StaffRole> = {
  social_worker: 'case_holder', front_door: 'case_holder', team_manager: 'first_line_manager', iro: 'qualified_not_holding_cases',
}
const YEAR = 365
/** Per 1,000 social workers: 120 not known, then 880 split 77% White and 23% ethnic minority. */
const ethnicities = new Weighted<string>([
  ['NOBT', 90], ['REFU', 30], ['WBRI', 600], ['WIRI', 18], ['WOTH', 56], ['WROM', 1], ['WIRT', 1],
  ['BAFR', 90], ['BCRB', 22], ['BOTH', 8], ['AIND', 18], ['APKN', 16], ['ABAN', 6], ['AOTH', 8], ['CHNE', 2],
  ['MWBC', 12], ['MWBA', 4], ['MWAS', 5], ['MOTH', 5], ['OOTH', 8],
])

function fte(random: Random): number {
  return random.chance(0.8) ? 1 : random.pick([0.8, 0.6, 0.5])
}

function writeWorkforce(ctx: SeedContext, emit: Emit): void {
  const la_code = ctx.plan.authority.code
  const random = new Random(`${ctx.seed}/${la_code}/workforce`)
  // Its own sequence, so adding ethnicity left every other seeded value as it was.
  const ethnicityRandom = new Random(`${ctx.seed}/${la_code}/workforce/ethnicity`)
  const asOf = ctx.period.asOf
  let registered = 0
  const registration = () => `SW${la_code}${String(++registered).padStart(4, '0')}`
  const teams = [...new Map(Object.values(ctx.organisation.caseholders).flat().map((h) => [h.team.id, h.team])).values()]

  let employedFte = 0
  for (const worker of ctx.organisation.workers) {
    const role = registeredRoles[worker.role]
    if (!role) continue
    const agency = random.chance(rates.agency)
    const days = agency ? random.between(30, 2 * YEAR) : random.between(30, 12 * YEAR)
    const worked = fte(random)
    if (!agency) employedFte += worked
    const earlyCareer = agency ? null : days < YEAR ? 1 : days < 2 * YEAR && random.chance(0.5) ? 2 : days < 3 * YEAR && random.chance(0.4) ? 3 : null
    emit(staffTable, {
      id: ctx.ids.next(idTable.staff), la_code, user_id: worker.id, name: worker.displayName, registration_number: registration(),
      role: role === 'case_holder' && random.chance(0.2) ? 'senior_practitioner' : role, team_id: worker.teamId,
      employment: agency ? 'agency' : 'employed', fte: worked, started_on: date(asOf - days), left_on: null, early_career_year: earlyCareer,
      ethnicity: ethnicities.pick(ethnicityRandom),
    })
  }
  for (let year = 0; year < 5; year++) {
    // Leavers and vacancies each year in proportion to the employed FTE, so the rates hold at every census date.
    const leavers = random.round(rates.turnover * employedFte)
    for (let left = 0; left < leavers; left++) {
      const leftOn = asOf - year * YEAR - random.below(YEAR)
      const sex = random.chance(0.8) ? 'F' : 'M'
      emit(staffTable, {
        id: ctx.ids.next(idTable.staff), la_code, user_id: null, name: `${firstName(random, 'british', sex, 'parent')} ${surname(random, 'british')}`,
        registration_number: registration(), role: 'case_holder', team_id: random.pick(teams).id, employment: 'employed', fte: fte(random),
        started_on: date(leftOn - random.between(200, 8 * YEAR)), left_on: date(leftOn), early_career_year: null,
        ethnicity: ethnicities.pick(ethnicityRandom),
      })
    }
    // A vacancy rate of 20% is vacancies ÷ (vacancies + employed FTE): a quarter of the employed FTE.
    const vacancies = random.round((rates.vacancy / (1 - rates.vacancy)) * employedFte)
    for (let posts = 0; posts < vacancies; posts++) {
      const openSince = asOf - year * YEAR - random.between(30, YEAR - 30)
      const filled = year === 0 ? null : openSince + random.between(60, YEAR)
      emit(vacanciesTable, {
        id: ctx.ids.next(idTable.vacancy), la_code, team_id: random.pick(teams).id, fte: 1, open_since: date(openSince), filled_on: filled === null || filled > asOf ? null : date(filled),
      })
    }
  }
}

export const workforceSeedPart: SeedPart = { name: 'workforce', tables: [staffTable, vacanciesTable], begin: writeWorkforce }
