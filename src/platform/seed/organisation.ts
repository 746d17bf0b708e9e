// The organisations, teams and workers of a synthetic authority, as facts: sized from its casework (a
// social worker for about 15 open cases, teams of up to seven with a manager). Workers have no password,
// so nobody can sign in as them. The demo authority already has its teams and sign-ins: its organisation
// is read from the database, with a few synthetic colleagues added.
import type { Kysely } from 'kysely'
import type { AgencyKind, DB } from '../db/schema.js'
import type { Role } from '../auth/roles.js'
import { IdMaker, idTables, schoolNumbers } from './identifiers.js'
import { firstName, surname, type Heritage } from './names.js'
import type { AuthorityPlan } from './plan.js'
import { Random, Weighted } from './random.js'

/** The work a case is allocated for; each maps to a kind of team. */
export type CaseworkFunction = 'assessment' | 'child_protection' | 'family_help' | 'children_in_care' | 'care_leavers'

export interface SeedAgency { id: string; kind: AgencyKind; name: string; reference: string | null; existing: boolean }
export interface SeedTeam { id: string; agencyId: string; name: string; kind: string; existing: boolean }
export interface SeedWorker {
  id: string; teamId: string | null; agencyId: string; managerId: string | null
  email: string; displayName: string; role: Role; existing: boolean
  /** How much casework comes to this worker relative to colleagues (the demo social worker gets more). */
  weight: number
}

export interface Organisation {
  agencies: SeedAgency[]
  teams: SeedTeam[]
  workers: SeedWorker[]
  /** For each casework function, the teams that take it and each team's caseholders. */
  caseholders: Record<CaseworkFunction, Array<{ team: SeedTeam; workers: Weighted<SeedWorker> }>>
}

/** Open cases per 10,000 children each function holds at any time (from the rates in rates.ts). */
const openPer10k: Record<CaseworkFunction, number> = {
  assessment: 64, family_help: 160, child_protection: 41, children_in_care: 67, care_leavers: 37,
}
const functionNames: Record<CaseworkFunction, string> = {
  assessment: 'Assessment and intervention', child_protection: 'Child protection', family_help: 'Family help',
  children_in_care: 'Children in care', care_leavers: 'Leaving care',
}
const CASELOAD = 15
const TEAM_SIZE = 7

const workerHeritage = new Weighted<Heritage>([['british', 78], ['irish', 3], ['caribbean', 4], ['african', 6], ['south_asian_muslim', 4], ['indian', 3], ['eastern_european', 2]])

function emailPart(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^a-z]/g, '')
}

export function generateOrganisation(seed: number, plan: AuthorityPlan, ids: IdMaker): Organisation {
  const { authority, population } = plan
  const random = new Random(`${seed}/${authority.code}/organisation`)
  const s = population / 10_000
  const agencies: SeedAgency[] = []
  const teams: SeedTeam[] = []
  const workers: SeedWorker[] = []
  const agency = (kind: AgencyKind, name: string, reference: string | null = null) => {
    const row = { id: ids.next(idTables.agency), kind, name, reference, existing: false }
    agencies.push(row)
    return row
  }
  const csc = agency('childrens_services', `${authority.name} children’s services`)
  agency('police', `${authority.name} police (synthetic)`)
  agency('health', `${authority.name} NHS (synthetic)`)
  for (const town of authority.towns.slice(0, 6)) agency('family_hub', `${town} Family Hub`)
  agency('voluntary', `${authority.name} Family Support Trust`)
  agency('fostering_agency', `${authority.name} Fostering Partnership`)
  agency('provider', `${authority.name} Children’s Homes`)
  const schools = schoolNumbers(population)
  for (const number of [...schools.primary, ...schools.secondary]) {
    const town = random.pick(authority.towns)
    const name = number < 4000 ? `${town} ${random.pick(['Primary', 'Junior', 'Infant', 'C of E Primary', 'Catholic Primary'])} School ${number - 1999}`
      : `${town} ${random.pick(['Academy', 'High School', 'School', 'College'])} ${number - 3999}`
    agency('school', name, `${authority.code}${number}`)
  }

  let people = 0
  const worker = (role: Role, teamId: string | null, managerId: string | null): SeedWorker => {
    const heritage = workerHeritage.pick(random)
    const sex = random.chance(0.8) ? 'F' : 'M'
    const first = firstName(random, heritage, sex, 'parent')
    const last = surname(random, heritage)
    const row: SeedWorker = {
      id: ids.next(idTables.user), teamId, agencyId: csc.id, managerId, role, existing: false, weight: 1,
      email: `${emailPart(first)}.${emailPart(last)}.${authority.code}-${++people}@seed.kindred.test`, displayName: `${first} ${last}`,
    }
    workers.push(row)
    return row
  }
  const team = (name: string, kind: string, members: number, role: Role): SeedWorker[] => {
    const row = { id: ids.next(idTables.team), agencyId: csc.id, name, kind, existing: false }
    teams.push(row)
    const manager = worker('team_manager', row.id, null)
    return Array.from({ length: members }, () => worker(role, row.id, manager.id))
  }
  const caseholders = {} as Organisation['caseholders']
  for (const fn of Object.keys(openPer10k) as CaseworkFunction[]) {
    const needed = Math.max(1, Math.ceil((openPer10k[fn] * s * (fn === 'children_in_care' || fn === 'care_leavers' ? plan.careRate : plan.referralRate)) / CASELOAD))
    const count = Math.ceil(needed / TEAM_SIZE)
    caseholders[fn] = []
    for (let t = 0; t < count; t++) {
      const size = Math.ceil(needed / count)
      const place = authority.towns[t % authority.towns.length]!
      const roles = fn === 'family_help' ? 'family_help' : 'social_worker'
      const members = team(count > 1 ? `${functionNames[fn]} – ${place} ${Math.floor(t / authority.towns.length) + 1}` : functionNames[fn], fn, size, roles)
      caseholders[fn].push({ team: teams[teams.length - 1]!, workers: new Weighted(members.map((m) => [m, m.weight] as const)) })
    }
  }
  team('Front door (MASH)', 'front_door', Math.max(1, Math.round(2 * s * plan.referralRate)), 'front_door')
  team('Independent reviewing service', 'reviewing', Math.max(1, Math.round((108 * s) / 70)), 'iro')
  team('Placements and sufficiency', 'placements', Math.max(1, Math.round((67 * s * plan.careRate) / 60)), 'placement_officer')
  team('Performance and intelligence', 'performance', Math.max(1, Math.round(s / 10)), 'performance_analyst')
  return { agencies, teams, workers, caseholders }
}

/** Demo authority: its teams and workers as created by demo-authority.ts, plus synthetic colleagues. */
export async function loadDemoOrganisation(db: Kysely<DB>, seed: number, laCode: string, ids: IdMaker, demoWorkerEmail: string): Promise<Organisation> {
  const random = new Random(`${seed}/${laCode}/organisation`)
  const agencies = (await db.selectFrom('agencies').where('la_code', '=', laCode).selectAll().execute())
    .map((a) => ({ id: a.id, kind: a.kind, name: a.name, reference: a.reference, existing: true }))
  const teams = (await db.selectFrom('teams').where('la_code', '=', laCode).selectAll().execute())
    .map((t) => ({ id: t.id, agencyId: t.agency_id, name: t.name, kind: t.kind, existing: true }))
  const users = await db.selectFrom('users').where('la_code', '=', laCode).selectAll().execute()
  const workers: SeedWorker[] = users.map((u) => ({
    id: u.id, teamId: u.team_id, agencyId: u.agency_id, managerId: u.manager_id, email: u.email, displayName: u.display_name,
    role: u.role as Role, existing: true, weight: u.email === demoWorkerEmail ? 6 : 1,
  }))
  const teamOf = (kind: string) => {
    const found = teams.find((t) => t.kind === kind)
    if (!found) throw new Error(`The demo authority has no ${kind} team`)
    return found
  }
  const managerOf = (teamId: string) => workers.find((w) => w.teamId === teamId && w.role === 'team_manager')?.id
    ?? workers.find((w) => w.role === 'team_manager')?.id ?? null
  let added = 0
  const colleagues = (team: SeedTeam, count: number, role: Role) => {
    for (let i = 0; i < count; i++) {
      const sex = random.chance(0.8) ? 'F' : 'M'
      const first = firstName(random, 'british', sex, 'parent')
      const last = surname(random, 'british')
      workers.push({
        id: ids.next(idTables.user), teamId: team.id, agencyId: team.agencyId, managerId: managerOf(team.id), role, existing: false, weight: 1,
        email: `${emailPart(first)}.${emailPart(last)}.${laCode}-${++added}@seed.kindred.test`, displayName: `${first} ${last}`,
      })
    }
  }
  colleagues(teamOf('assessment'), 2, 'social_worker')
  colleagues(teamOf('children_in_care'), 2, 'social_worker')
  colleagues(teamOf('family_help'), 1, 'family_help')
  const holders = (kind: string) => {
    const team = teamOf(kind)
    const members = workers.filter((w) => w.teamId === team.id && w.role !== 'team_manager')
    return [{ team, workers: new Weighted(members.map((m) => [m, m.weight] as const)) }]
  }
  return {
    agencies, teams, workers,
    caseholders: {
      assessment: holders('assessment'), child_protection: holders('assessment'), family_help: holders('family_help'),
      children_in_care: holders('children_in_care'), care_leavers: holders('children_in_care'),
    },
  }
}

