// Multi-agency child protection teams (CWSA 2026 s3): set up with every required agency represented,
// holding section 47 cases with a named lead child protection practitioner.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { FormErrors, list, text, type FormBody } from '../../platform/forms/form.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import type { MemberCapacity } from './tables.js'

export const capacities: Record<MemberCapacity, { label: string; roles: string[]; agencyKind: string }> = {
  social_worker: { label: 'Social worker', roles: ['social_worker', 'team_manager'], agencyKind: 'childrens_services' },
  education: { label: 'Nominee of education', roles: ['partner_education'], agencyKind: 'school' },
  health: { label: 'Registered health professional nominated by the health board', roles: ['partner_health'], agencyKind: 'health' },
  police: { label: 'Police officer or member of police staff', roles: ['partner_police'], agencyKind: 'police' },
}
const capacityKeys = Object.keys(capacities) as MemberCapacity[]

/** The people of the authority who can fill each place on a team. */
export async function eligibleMembers(db: Kysely<DB>, laCode: string) {
  const users = await db.selectFrom('users as u').innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .where('u.la_code', '=', laCode).where('u.active', '=', true).where('u.password_hash', 'is not', null)
    .select(['u.id', 'u.display_name', 'u.role', 'a.kind', 'a.name as agency']).orderBy('u.display_name').execute()
  return capacityKeys.map((capacity) => ({
    capacity, label: capacities[capacity].label,
    users: users.filter((u) => capacities[capacity].roles.includes(u.role) && u.kind === capacities[capacity].agencyKind),
  }))
}

export type TeamResult = { outcome: 'created'; teamId: string } | { outcome: 'invalid'; errors: FormErrors; values: Record<string, unknown> }

export async function createMultiAgencyTeam(db: Kysely<DB>, user: SessionUser, body: FormBody): Promise<TeamResult> {
  const errors = new FormErrors()
  const name = text(body, 'name')
  const chosen = Object.fromEntries(capacityKeys.map((c) => [c, list(body, `members-${c}`)])) as Record<MemberCapacity, string[]>
  if (!name) errors.add('name', 'Enter a name for the team')
  const eligible = await eligibleMembers(db, user.laCode)
  for (const group of eligible) {
    const allowed = new Set(group.users.map((u) => u.id))
    const picked = chosen[group.capacity]
    if (picked.length === 0) errors.add(`members-${group.capacity}`, `A multi-agency child protection team must include a ${group.label.charAt(0).toLowerCase()}${group.label.slice(1)}`)
    else if (picked.some((id) => !allowed.has(id))) errors.add(`members-${group.capacity}`, `Choose ${group.label.toLowerCase()}s from the list`)
  }
  if (name && !errors.any) {
    const clash = await db.selectFrom('multi_agency_teams').where('la_code', '=', user.laCode).where('name', '=', name).select('id').executeTakeFirst()
    if (clash) errors.add('name', 'There is already a team with this name')
  }
  if (errors.any) return { outcome: 'invalid', errors, values: { name, ...chosen } }
  const teamId = await db.transaction().execute(async (trx) => {
    const team = await trx.insertInto('multi_agency_teams').values({ la_code: user.laCode, name }).returning('id').executeTakeFirstOrThrow()
    const seen = new Set<string>()
    for (const capacity of capacityKeys) {
      for (const userId of chosen[capacity]) {
        if (seen.has(userId)) continue
        seen.add(userId)
        await trx.insertInto('multi_agency_team_members').values({ team_id: team.id, user_id: userId, capacity }).execute()
      }
    }
    return team.id
  })
  return { outcome: 'created', teamId }
}

export function teamsFor(db: Kysely<DB>, user: SessionUser, { all }: { all: boolean }) {
  let query = db.selectFrom('multi_agency_teams as t').where('t.la_code', '=', user.laCode)
    .select((eb) => ['t.id', 't.name',
      eb.selectFrom('multi_agency_team_members as m').whereRef('m.team_id', '=', 't.id').select((e) => e.fn.countAll<string>().as('n')).as('members'),
      eb.selectFrom('multi_agency_team_cases as c').whereRef('c.team_id', '=', 't.id').where('c.closed_on', 'is', null).select((e) => e.fn.countAll<string>().as('n')).as('cases'),
    ]).orderBy('t.name')
  if (!all) query = query.where((eb) => eb.exists(eb.selectFrom('multi_agency_team_members as m').whereRef('m.team_id', '=', 't.id').where('m.user_id', '=', user.id)))
  return query.execute()
}

export async function teamDetail(db: Kysely<DB>, user: SessionUser, teamId: string, { all }: { all: boolean }) {
  const team = await db.selectFrom('multi_agency_teams').where('id', '=', teamId).where('la_code', '=', user.laCode).select(['id', 'name']).executeTakeFirst()
  if (!team) return null
  const members = await db.selectFrom('multi_agency_team_members as m').innerJoin('users as u', 'u.id', 'm.user_id').innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .where('m.team_id', '=', teamId).select(['u.id', 'u.display_name', 'm.capacity', 'a.name as agency']).orderBy('m.capacity').orderBy('u.display_name').execute()
  if (!all && !members.some((m) => m.id === user.id)) return null
  const cases = await db.selectFrom('multi_agency_team_cases as c').innerJoin('people as p', 'p.id', 'c.child_id').innerJoin('users as lead', 'lead.id', 'c.lead_practitioner_id')
    .where('c.team_id', '=', teamId).where('c.closed_on', 'is', null).where('p.restricted', '=', false)
    .select(['c.child_id', 'p.first_name', 'p.last_name', 'p.date_of_birth', 'lead.display_name as lead', 'c.opened_on']).orderBy('c.opened_on', 'desc').execute()
  return { team, members, cases }
}

export type CaseResult = { outcome: 'assigned' } | { outcome: 'invalid'; errors: FormErrors; values: Record<string, string> }

/** The team takes the child's section 47 case; every member is then involved with the child. */
export async function assignCaseToTeam(db: Kysely<DB>, user: SessionUser, teamId: string, body: FormBody): Promise<CaseResult> {
  const errors = new FormErrors()
  const childId = text(body, 'childId')
  const leadId = text(body, 'leadPractitionerId')
  const detail = await teamDetail(db, user, teamId, { all: true })
  const child = /^[0-9a-f-]{36}$/i.test(childId)
    ? await db.selectFrom('people').where('id', '=', childId).where('la_code', '=', user.laCode).where('is_child', '=', true).select(['id', 'restricted']).executeTakeFirst()
    : undefined
  if (!child || child.restricted) errors.add('childId', 'Enter the Kindred ID of a child in this authority')
  const lead = detail?.members.find((m) => m.id === leadId)
  if (!lead) errors.add('leadPractitionerId', 'Choose the lead child protection practitioner from the team')
  else if (lead.capacity !== 'social_worker') errors.add('leadPractitionerId', 'The lead child protection practitioner must be a social worker on the team')
  if (child && !errors.any) {
    const open = await db.selectFrom('multi_agency_team_cases').where('child_id', '=', childId).where('closed_on', 'is', null).select('id').executeTakeFirst()
    if (open) errors.add('childId', 'A multi-agency team already holds this child’s case')
  }
  if (errors.any || !detail || !child || !lead) return { outcome: 'invalid', errors, values: { childId, leadPractitionerId: leadId } }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('multi_agency_team_cases').values({
      la_code: user.laCode, team_id: teamId, child_id: childId, lead_practitioner_id: leadId, opened_on: todayInEngland(), closed_on: null,
    }).execute()
    await trx.insertInto('involvements').values(detail.members.map((m) => ({
      la_code: user.laCode, child_id: childId, user_id: m.id, agency_id: null, kind: 'multi_agency_team', ended_at: null,
    }))).execute()
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: 'multi_agency_team.case_assigned', occurredAt: new Date(), recordedBy: user.id, significant: true,
      summary: `${detail.team.name} took the case; lead child protection practitioner ${lead.display_name}`,
      data: { teamId, leadPractitionerId: leadId },
    })
  })
  return { outcome: 'assigned' }
}
