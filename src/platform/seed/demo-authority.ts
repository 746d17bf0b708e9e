// The demo authority that `npm start` creates on first start: its organisations, teams and one
// sign-in per role. Idempotent: a second run finds the authority and changes nothing.
import type { Kysely } from 'kysely'
import type { AgencyKind, DB } from '../db/schema.js'
import type { Role } from '../auth/roles.js'
import { hashPassword } from '../auth/passwords.js'
import { ethnicMinorityPercent } from './ethnic-minority-shares.js'

export const demoLaCode = '886'
export const demoPassword = 'demo-password-not-for-real-use'

export interface DemoSignIn { role: Role; email: string; name: string }

const agencies: Array<{ key: string; kind: AgencyKind; name: string; reference?: string }> = [
  { key: 'csc', kind: 'childrens_services', name: 'Kent children’s services (demo)' },
  { key: 'police', kind: 'police', name: 'Kent Police (demo)' },
  { key: 'health', kind: 'health', name: 'Kent and Medway NHS (demo)' },
  { key: 'school', kind: 'school', name: 'Riverside Primary School (demo)', reference: '8862001' },
  { key: 'hub', kind: 'family_hub', name: 'Maidstone Family Hub (demo)' },
]

const teams: Array<{ key: string; agency: string; name: string; kind: string }> = [
  { key: 'front-door', agency: 'csc', name: 'Front door (MASH)', kind: 'front_door' },
  { key: 'assessment', agency: 'csc', name: 'Assessment and intervention', kind: 'assessment' },
  { key: 'children-in-care', agency: 'csc', name: 'Children in care', kind: 'children_in_care' },
  { key: 'family-help', agency: 'hub', name: 'Family help', kind: 'family_help' },
  { key: 'reviewing', agency: 'csc', name: 'Independent reviewing service', kind: 'reviewing' },
  { key: 'placements', agency: 'csc', name: 'Placements and sufficiency', kind: 'placements' },
  { key: 'performance', agency: 'csc', name: 'Performance and intelligence', kind: 'performance' },
]

const people: Array<{ role: Role; name: string; email: string; agency: string; team?: string; managedBy?: string }> = [
  { role: 'team_manager', name: 'Priya Shah', email: 'team.manager', agency: 'csc', team: 'assessment' },
  { role: 'social_worker', name: 'Sam Okafor', email: 'social.worker', agency: 'csc', team: 'assessment', managedBy: 'team.manager' },
  { role: 'front_door', name: 'Dan Whitfield', email: 'front.door', agency: 'csc', team: 'front-door', managedBy: 'team.manager' },
  { role: 'family_help', name: 'Aisha Rahman', email: 'family.help', agency: 'hub', team: 'family-help', managedBy: 'team.manager' },
  { role: 'iro', name: 'Helen Marsh', email: 'iro', agency: 'csc', team: 'reviewing' },
  { role: 'placement_officer', name: 'Tom Barker', email: 'placements', agency: 'csc', team: 'placements' },
  { role: 'partner_police', name: 'DC Laura Kemp', email: 'police', agency: 'police' },
  { role: 'partner_health', name: 'Grace Adeyemi', email: 'health.visitor', agency: 'health' },
  { role: 'partner_education', name: 'Mark Ellis', email: 'school.dsl', agency: 'school' },
  { role: 'performance_analyst', name: 'Nina Patel', email: 'analyst', agency: 'csc', team: 'performance' },
  { role: 'rcc_analyst', name: 'Owen Hughes', email: 'rcc.analyst', agency: 'csc', team: 'performance' },
  { role: 'national_analyst', name: 'Ruth Campbell', email: 'national.analyst', agency: 'csc', team: 'performance' },
  { role: 'administrator', name: 'Chris Doyle', email: 'admin', agency: 'csc' },
]

const emailFor = (local: string) => `${local}@kent.demo.kindred.test`

export function demoSignIns(): DemoSignIn[] {
  return people.map((p) => ({ role: p.role, email: emailFor(p.email), name: p.name }))
}

/** Creates the demo authority unless it exists. Returns true when it created it. */
export async function ensureDemoAuthority(db: Kysely<DB>): Promise<boolean> {
  const existing = await db.selectFrom('local_authorities').where('code', '=', demoLaCode).select('code').executeTakeFirst()
  if (existing) return false
  const passwordHash = await hashPassword(demoPassword)
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('regional_care_cooperatives').values({ id: 'south-east', name: 'South East Regional Care Cooperative' })
      .onConflict((oc) => oc.column('id').doNothing()).execute()
    await trx.insertInto('local_authorities').values({
      code: demoLaCode, name: 'Kent (demo)', rcc_id: 'south-east', population_0_17: 355_390,
      ethnic_minority_percent: ethnicMinorityPercent({ code: demoLaCode, regionId: 'south-east' }),
    }).execute()
    const agencyIds = new Map<string, string>()
    for (const agency of agencies) {
      const row = await trx.insertInto('agencies').values({ la_code: demoLaCode, kind: agency.kind, name: agency.name, reference: agency.reference ?? null })
        .returning('id').executeTakeFirstOrThrow()
      agencyIds.set(agency.key, row.id)
    }
    const teamIds = new Map<string, string>()
    for (const team of teams) {
      const row = await trx.insertInto('teams').values({ la_code: demoLaCode, agency_id: agencyIds.get(team.agency)!, name: team.name, kind: team.kind })
        .returning('id').executeTakeFirstOrThrow()
      teamIds.set(team.key, row.id)
    }
    const userIds = new Map<string, string>()
    for (const person of people) {
      const row = await trx.insertInto('users').values({
        la_code: demoLaCode,
        agency_id: agencyIds.get(person.agency)!,
        team_id: person.team ? teamIds.get(person.team)! : null,
        manager_id: person.managedBy ? userIds.get(person.managedBy)! : null,
        email: emailFor(person.email),
        display_name: person.name,
        role: person.role,
        password_hash: passwordHash,
      }).returning('id').executeTakeFirstOrThrow()
      userIds.set(person.email, row.id)
    }
  })
  return true
}
