// Staff records for the workforce census: each registered social worker, employed or agency, with their FTE,
// team, dates, early career year and ethnicity, linked to their Kindred account when they have one.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { audit } from '../../platform/audit/audit.js'
import { dateAnswer, FormErrors, text, type DateAnswer, type FormBody } from '../../platform/forms/form.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { ethnicities } from '../people/service.js'
import type { Employment, StaffRole } from './tables.js'

export const staffRoles: Record<StaffRole, string> = {
  case_holder: 'Case holder',
  senior_practitioner: 'Senior practitioner',
  first_line_manager: 'First line manager',
  middle_manager: 'Middle manager',
  senior_manager: 'Senior manager',
  qualified_not_holding_cases: 'Qualified social worker not holding cases',
}
export const employments: Record<Employment, string> = { employed: 'Employed by the authority', agency: 'Agency worker' }
export const earlyCareerYears: Record<string, string> = {
  '': 'Neither',
  1: 'Assessed and supported year in employment (ASYE)',
  2: 'Early career framework, year 2',
  3: 'Early career framework, year 3',
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface StaffMember {
  id: string; name: string; userId: string | null; registrationNumber: string | null; role: StaffRole; teamId: string | null
  team: string | null; employment: Employment; fte: number; startedOn: LocalDate; leftOn: LocalDate | null; earlyCareerYear: number | null
  ethnicity: string | null
}

/** Everyone on the authority's staff records, those in post first, then by name. */
export async function staffList(db: Kysely<DB>, laCode: string): Promise<StaffMember[]> {
  const rows = await staffQuery(db, laCode).orderBy((eb) => eb.case().when('s.left_on', 'is', null).then(0).else(1).end()).orderBy('s.name').execute()
  return rows.map(toMember)
}

export async function staffMember(db: Kysely<DB>, laCode: string, id: string): Promise<StaffMember | null> {
  if (!UUID.test(id)) return null
  const row = await staffQuery(db, laCode).where('s.id', '=', id).executeTakeFirst()
  return row ? toMember(row) : null
}

function staffQuery(db: Kysely<DB>, laCode: string) {
  return db.selectFrom('staff as s').leftJoin('teams as t', 't.id', 's.team_id').where('s.la_code', '=', laCode)
    .select(['s.id', 's.name', 's.user_id', 's.registration_number', 's.role', 's.team_id', 't.name as team', 's.employment', 's.fte',
      's.started_on', 's.left_on', 's.early_career_year', 's.ethnicity'])
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['executeTakeFirstOrThrow']>>

function toMember(r: StaffRow): StaffMember {
  return {
    id: r.id, name: r.name, userId: r.user_id, registrationNumber: r.registration_number, role: r.role, teamId: r.team_id, team: r.team,
    employment: r.employment, fte: Number(r.fte), startedOn: r.started_on, leftOn: r.left_on, earlyCareerYear: r.early_career_year,
    ethnicity: r.ethnicity,
  }
}

/** Accounts of the authority's children's services that can be linked to a staff record: not linked to another. */
export async function linkableAccounts(db: Kysely<DB>, laCode: string, exceptStaffId: string | null): Promise<Array<{ id: string; name: string }>> {
  return db.selectFrom('users as u').where('u.la_code', '=', laCode).where('u.role', 'in', ['social_worker', 'team_manager', 'front_door', 'iro', 'placement_officer'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('staff as s').whereRef('s.user_id', '=', 'u.id').where('s.id', '!=', exceptStaffId ?? '00000000-0000-0000-0000-000000000000'))))
    .select(['u.id', 'u.display_name as name']).orderBy('u.display_name').execute()
}

export interface StaffAnswers {
  name: string; userId: string; registrationNumber: string; role: string; teamId: string; employment: string; fte: string
  earlyCareerYear: string; ethnicity: string; startedOn: DateAnswer['raw']; leftOn: DateAnswer['raw']
}

export type SaveResult = { outcome: 'saved'; id: string } | { outcome: 'invalid'; errors: FormErrors; values: StaffAnswers } | { outcome: 'not-found' }

/** Adds a staff record (no id) or changes one, after checking every answer. */
export async function saveStaff(db: Kysely<DB>, user: SessionUser, id: string | null, body: FormBody): Promise<SaveResult> {
  if (id !== null && !(await staffMember(db, user.laCode, id))) return { outcome: 'not-found' }
  const errors = new FormErrors()
  const name = text(body, 'name')
  const userId = text(body, 'userId')
  const registrationNumber = text(body, 'registrationNumber').toUpperCase().replace(/\s+/g, '')
  const role = text(body, 'role')
  const teamId = text(body, 'teamId')
  const employment = text(body, 'employment')
  const fte = text(body, 'fte')
  const earlyCareerYear = text(body, 'earlyCareerYear')
  const ethnicity = text(body, 'ethnicity')
  if (!name) errors.add('name', 'Enter the social worker’s name')
  else if (name.length > 200) errors.add('name', 'Name must be 200 characters or fewer')
  const accounts = await linkableAccounts(db, user.laCode, id)
  if (userId && !accounts.some((a) => a.id === userId)) errors.add('userId', 'Select an account in this authority that is not linked to someone else')
  if (!registrationNumber) errors.add('registrationNumber', 'Enter the Social Work England registration number')
  else if (!/^SW[0-9]{1,7}$/.test(registrationNumber)) errors.add('registrationNumber', 'Registration number must be SW followed by up to 7 numbers, like SW123456')
  if (!Object.hasOwn(staffRoles, role)) errors.add('role', 'Select the social worker’s role')
  const team = UUID.test(teamId) ? await db.selectFrom('teams').where('id', '=', teamId).where('la_code', '=', user.laCode).select('id').executeTakeFirst() : undefined
  if (!teamId) errors.add('teamId', 'Select a team')
  else if (!team) errors.add('teamId', 'Select a team in this authority')
  if (!Object.hasOwn(employments, employment)) errors.add('employment', 'Select whether the social worker is employed by the authority or an agency worker')
  const fteValue = Number(fte)
  if (!fte) errors.add('fte', 'Enter the full-time equivalent')
  else if (!/^(0?\.[0-9]{1,2}|1(\.0{1,2})?|0)$/.test(fte) || fteValue <= 0) errors.add('fte', 'Full-time equivalent must be more than 0 and no more than 1, like 0.8')
  if (!Object.hasOwn(earlyCareerYears, earlyCareerYear)) errors.add('earlyCareerYear', 'Select the early career year, or neither')
  if (!ethnicities.some((e) => e.code === ethnicity)) errors.add('ethnicity', 'Select the social worker’s ethnicity, or that they refused or it is not yet known')
  const startedOn = dateAnswer(body, 'startedOn', 'the date they started', errors)
  const leftOn = dateAnswer(body, 'leftOn', 'the date they left', errors, { required: false })
  if (startedOn.value && leftOn.value && leftOn.value < startedOn.value) errors.add('leftOn-day', 'The date they left must be the same as or after the date they started')
  const values: StaffAnswers = { name, userId, registrationNumber, role, teamId, employment, fte, earlyCareerYear, ethnicity, startedOn: startedOn.raw, leftOn: leftOn.raw }
  if (!errors.any && registrationNumber && !leftOn.value) {
    const taken = await db.selectFrom('staff').where('la_code', '=', user.laCode).where('registration_number', '=', registrationNumber)
      .where('left_on', 'is', null).where('id', '!=', id ?? '00000000-0000-0000-0000-000000000000').select('id').executeTakeFirst()
    if (taken) errors.add('registrationNumber', 'Someone in post already has this registration number')
  }
  if (errors.any || !startedOn.value) return { outcome: 'invalid', errors, values }

  const row = {
    la_code: user.laCode, user_id: userId || null, name, registration_number: registrationNumber, role: role as StaffRole, team_id: teamId,
    employment: employment as Employment, fte: fteValue, started_on: startedOn.value, left_on: leftOn.value,
    early_career_year: earlyCareerYear ? Number(earlyCareerYear) : null, ethnicity, updated_by: user.id, updated_at: new Date(),
  }
  return db.transaction().execute(async (trx) => {
    const saved = id === null
      ? await trx.insertInto('staff').values(row).returning('id').executeTakeFirstOrThrow()
      : await trx.updateTable('staff').set(row).where('id', '=', id).where('la_code', '=', user.laCode).returning('id').executeTakeFirstOrThrow()
    await audit(trx, { laCode: user.laCode, userId: user.id, action: id === null ? 'staff.added' : 'staff.changed', detail: { staffId: saved.id } })
    return { outcome: 'saved' as const, id: saved.id }
  })
}

/** The answers a staff record's form starts with. */
export function answersFrom(member: StaffMember): StaffAnswers {
  const raw = (date: LocalDate | null) => (date ? { year: date.slice(0, 4), month: String(Number(date.slice(5, 7))), day: String(Number(date.slice(8))) } : { day: '', month: '', year: '' })
  return {
    name: member.name, userId: member.userId ?? '', registrationNumber: member.registrationNumber ?? '', role: member.role, teamId: member.teamId ?? '',
    employment: member.employment, fte: String(member.fte), earlyCareerYear: member.earlyCareerYear ? String(member.earlyCareerYear) : '',
    ethnicity: member.ethnicity ?? '',
    startedOn: raw(member.startedOn), leftOn: raw(member.leftOn),
  }
}
