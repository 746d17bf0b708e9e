// Small, explicit records for tests: a child, an allocation, another authority.
import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.js'
import { demoEmail } from './app.js'

export async function userId(db: Kysely<DB>, local: string): Promise<string> {
  return (await db.selectFrom('users').where('email', '=', demoEmail(local)).select('id').executeTakeFirstOrThrow()).id
}

export async function createChild(db: Kysely<DB>, fields: {
  laCode?: string; firstName?: string; lastName?: string; dateOfBirth?: string; restricted?: boolean
  otherNames?: string[]; nhsNumber?: string; laChildId?: string; postcode?: string
} = {}): Promise<string> {
  const row = await db.insertInto('people').values({
    la_code: fields.laCode ?? '886',
    is_child: true,
    first_name: fields.firstName ?? 'Test',
    last_name: fields.lastName ?? 'Child',
    date_of_birth: fields.dateOfBirth ?? '2018-05-04',
    expected_date_of_birth: null,
    sex: 'F', gender_identity: null, ethnicity: 'WBRI', religion: null,
    nhs_number: fields.nhsNumber ?? null, upn: null, upn_unknown_reason: null, la_child_id: fields.laChildId ?? null, occupation: null,
    restricted: fields.restricted ?? false, other_names: fields.otherNames ?? [],
  }).returning('id').executeTakeFirstOrThrow()
  if (fields.postcode) {
    await db.insertInto('addresses').values({ la_code: fields.laCode ?? '886', person_id: row.id, line1: '1 Test Street', town: null, postcode: fields.postcode, moved_in: null, moved_out: null }).execute()
  }
  return row.id
}

export async function allocate(db: Kysely<DB>, childId: string, workerLocal: string): Promise<void> {
  const worker = await db.selectFrom('users').where('email', '=', demoEmail(workerLocal)).select(['id', 'team_id', 'la_code']).executeTakeFirstOrThrow()
  await db.insertInto('allocations').values({
    la_code: worker.la_code, child_id: childId, worker_id: worker.id, team_id: worker.team_id!, started_on: '2026-01-05', ended_on: null,
  }).execute()
}

/** A second authority with one children's services agency, team and social worker. */
export async function createOtherAuthority(db: Kysely<DB>, code = '887'): Promise<{ laCode: string; workerId: string }> {
  await db.insertInto('local_authorities').values({ code, name: `Other authority ${code}`, rcc_id: 'south-east', population_0_17: 50_000 }).execute()
  const agency = await db.insertInto('agencies').values({ la_code: code, kind: 'childrens_services', name: 'Other CSC', reference: null }).returning('id').executeTakeFirstOrThrow()
  const team = await db.insertInto('teams').values({ la_code: code, agency_id: agency.id, name: 'Other team', kind: 'assessment' }).returning('id').executeTakeFirstOrThrow()
  const worker = await db.insertInto('users').values({
    la_code: code, agency_id: agency.id, team_id: team.id, manager_id: null, email: `worker@${code}.test`,
    display_name: 'Other Worker', role: 'social_worker', password_hash: null, oidc_subject: null, locked_until: null,
  }).returning('id').executeTakeFirstOrThrow()
  return { laCode: code, workerId: worker.id }
}

/** Another worker in the same team as a demo user (for caseloads with more than the demo's people). */
export async function createWorkerBeside(db: Kysely<DB>, colleagueLocal: string, name: string, role: 'social_worker' | 'team_manager' | 'family_help' = 'social_worker'): Promise<string> {
  const colleague = await db.selectFrom('users').where('email', '=', demoEmail(colleagueLocal)).select(['la_code', 'agency_id', 'team_id', 'manager_id']).executeTakeFirstOrThrow()
  const row = await db.insertInto('users').values({
    ...colleague, email: `${name.toLowerCase().replace(/\W+/g, '.')}@kent.demo.kindred.test`, display_name: name, role,
    password_hash: null, oidc_subject: null, locked_until: null,
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** An adult in a child's family network, related as `type` (mother, grandparent, aunt_uncle...). */
export async function addRelative(db: Kysely<DB>, childId: string, fields: {
  firstName: string; lastName?: string; type?: string; parentalResponsibility?: boolean; possibleCarer?: boolean; laCode?: string
}): Promise<{ personId: string; relationshipId: string }> {
  const laCode = fields.laCode ?? '886'
  const person = await db.insertInto('people').values({
    la_code: laCode, is_child: false, first_name: fields.firstName, last_name: fields.lastName ?? 'Relative', date_of_birth: '1985-03-02',
    expected_date_of_birth: null, sex: null, gender_identity: null, ethnicity: null, religion: null, nhs_number: null, upn: null,
    upn_unknown_reason: null, la_child_id: null, occupation: null,
  }).returning('id').executeTakeFirstOrThrow()
  const relationship = await db.insertInto('relationships').values({
    la_code: laCode, person_id: person.id, related_person_id: childId, type: fields.type ?? 'aunt_uncle',
    parental_responsibility: fields.parentalResponsibility ?? false, possible_carer: fields.possibleCarer ?? false,
  }).returning('id').executeTakeFirstOrThrow()
  return { personId: person.id, relationshipId: relationship.id }
}

/** An open referral (CIN episode) for the child, opened by a demo user. */
export async function openCinEpisode(db: Kysely<DB>, childId: string, referralDate: string, openedBy = 'social.worker'): Promise<string> {
  const row = await db.insertInto('referrals').values({
    la_code: '886', child_id: childId, contact_id: null, referral_date: referralDate, referral_source: '1A', primary_need: 'N1', reason: null,
    closure_date: null, reason_for_closure: null, opened_by: await userId(db, openedBy),
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** A period of care written through the looked-after service (903 episodes and events), ended on `leftOn` if given. */
export async function lookedAfterBetween(db: Kysely<DB>, childId: string, cameIntoCare: string, leftOn: string | null, options: {
  legalStatus?: string; placementType?: string; placementPostcode?: string; reasonLeft?: string; by?: string
} = {}): Promise<void> {
  const { startCare, leaveCare } = await import('../../src/modules/looked-after/service.js')
  const actor = { id: await userId(db, options.by ?? 'social.worker'), laCode: '886' }
  const today = new Date().toISOString().slice(0, 10)
  const started = await startCare(db, actor, childId, {
    startDate: cameIntoCare, legalStatus: options.legalStatus ?? 'C2', categoryOfNeed: 'N1', placementType: options.placementType ?? 'U6',
    provider: 'PR1', urn: '1234567', homePostcode: 'ME14 1XX', placementPostcode: options.placementPostcode ?? 'ME15 6AA', visitRegime: 'ordinary',
    previousPermanence: 'Z1', previousPermanenceLa: '', previousPermanenceDate: null,
  }, today)
  if (started.outcome !== 'done') throw new Error(`Could not start care: ${JSON.stringify(started)}`)
  if (leftOn) {
    const left = await leaveCare(db, actor, childId, { date: leftOn, reason: options.reasonLeft ?? 'E17' }, today)
    if (left.outcome !== 'done') throw new Error(`Could not leave care: ${JSON.stringify(left)}`)
  }
}
