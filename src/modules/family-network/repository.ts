// The module's SQL. Names of people come from the people module's table, read only.
import type { Executor } from '../../platform/audit/audit.js'
import { sql, type Insertable, type Selectable } from 'kysely'
import type {
  FgdmMeetingsTable, FgdmOffersTable, KinshipArrangementsTable, KinshipLocalOffersTable, PreProceedingsTable, ProceedingsApplicationsTable,
  ViabilityAssessmentsTable,
} from './tables.js'

export type PreProceedingsRow = Selectable<PreProceedingsTable>
export type ApplicationRow = Selectable<ProceedingsApplicationsTable>
export type ViabilityRow = Selectable<ViabilityAssessmentsTable> & { person_name: string }
export type ArrangementRow = Selectable<KinshipArrangementsTable> & { carer_name: string }
export type OfferRow = Selectable<FgdmOffersTable> & { person_name: string }
export type LocalOfferRow = Selectable<KinshipLocalOffersTable>

/** The person joined as `p`, by name. */
const fullName = sql<string>`concat(p.first_name, ' ', p.last_name)`

// Pre-proceedings --------------------------------------------------------------------------------------

/** The child's latest pre-proceedings (still open, or the last one to end). */
export async function latestPreProceedings(db: Executor, laCode: string, childId: string): Promise<PreProceedingsRow | undefined> {
  return db.selectFrom('pre_proceedings').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId)
    .orderBy('decision_date', 'desc').orderBy('created_at', 'desc').limit(1).executeTakeFirst()
}

export async function preProceedingsOf(db: Executor, referralIds: readonly string[]): Promise<PreProceedingsRow[]> {
  if (referralIds.length === 0) return []
  return db.selectFrom('pre_proceedings').selectAll().where('referral_id', 'in', referralIds).orderBy('decision_date').execute()
}

export async function insertPreProceedings(trx: Executor, values: Insertable<PreProceedingsTable>): Promise<string> {
  return (await trx.insertInto('pre_proceedings').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export async function updatePreProceedings(trx: Executor, id: string, values: Partial<Pick<PreProceedingsRow, 'letter_date' | 'outcome' | 'outcome_date'>>): Promise<void> {
  await trx.updateTable('pre_proceedings').set(values).where('id', '=', id).execute()
}

export async function meetingDates(db: Executor, ppIds: readonly string[]): Promise<Array<{ pre_proceedings_id: string; meeting_date: string }>> {
  if (ppIds.length === 0) return []
  return db.selectFrom('pre_proceedings_meetings').select(['pre_proceedings_id', 'meeting_date']).where('pre_proceedings_id', 'in', ppIds).orderBy('meeting_date').execute()
}

export async function insertMeeting(trx: Executor, values: { la_code: string; child_id: string; pre_proceedings_id: string; meeting_date: string; recorded_by: string }): Promise<void> {
  await trx.insertInto('pre_proceedings_meetings').values(values).execute()
}

// Family group decision making ----------------------------------------------------------------------------

export async function offersOf(db: Executor, ppIds: readonly string[]): Promise<OfferRow[]> {
  if (ppIds.length === 0) return []
  return db.selectFrom('fgdm_offers as o').innerJoin('people as p', 'p.id', 'o.person_id')
    .selectAll('o').select(fullName.as('person_name'))
    .where('o.pre_proceedings_id', 'in', ppIds).orderBy('o.offered_on').orderBy('p.last_name').orderBy('p.first_name').execute()
}

export async function insertOffers(trx: Executor, rows: ReadonlyArray<Insertable<FgdmOffersTable>>): Promise<void> {
  if (rows.length) await trx.insertInto('fgdm_offers').values([...rows]).execute()
}

export async function recordResponse(trx: Executor, offerId: string, response: 'accepted' | 'declined', respondedOn: string): Promise<void> {
  await trx.updateTable('fgdm_offers').set({ response, responded_on: respondedOn }).where('id', '=', offerId).execute()
}

export type FgdmMeetingRow = Selectable<FgdmMeetingsTable> & { attendees: string[] }

export async function fgdmMeetingsOf(db: Executor, ppIds: readonly string[]): Promise<FgdmMeetingRow[]> {
  if (ppIds.length === 0) return []
  const meetings = await db.selectFrom('fgdm_meetings').selectAll().where('pre_proceedings_id', 'in', ppIds).execute()
  if (meetings.length === 0) return []
  const attendees = await db.selectFrom('fgdm_meeting_attendees as a').innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.meeting_id', 'p.first_name', 'p.last_name']).where('a.meeting_id', 'in', meetings.map((m) => m.id))
    .orderBy('p.last_name').orderBy('p.first_name').execute()
  return meetings.map((m) => ({
    ...m, attendees: attendees.filter((a) => a.meeting_id === m.id).map((a) => `${a.first_name} ${a.last_name}`),
  }))
}

export async function insertFgdmMeeting(trx: Executor, values: Insertable<FgdmMeetingsTable>, attendeeIds: readonly string[]): Promise<string> {
  const { id } = await trx.insertInto('fgdm_meetings').values(values).returning('id').executeTakeFirstOrThrow()
  if (attendeeIds.length) await trx.insertInto('fgdm_meeting_attendees').values(attendeeIds.map((personId) => ({ meeting_id: id, person_id: personId }))).execute()
  return id
}

export async function exemptionsOf(db: Executor, ppIds: readonly string[]) {
  if (ppIds.length === 0) return []
  return db.selectFrom('fgdm_exemptions as e').innerJoin('users as u', 'u.id', 'e.authorised_by')
    .selectAll('e').select('u.display_name as authorised_by_name').where('e.pre_proceedings_id', 'in', ppIds).execute()
}

export async function insertExemption(trx: Executor, values: { la_code: string; child_id: string; pre_proceedings_id: string; decided_on: string; reasons: string; authorised_by: string }): Promise<void> {
  await trx.insertInto('fgdm_exemptions').values(values).execute()
}

export async function applicationsOf(db: Executor, ppIds: readonly string[]): Promise<ApplicationRow[]> {
  if (ppIds.length === 0) return []
  return db.selectFrom('proceedings_applications').selectAll().where('pre_proceedings_id', 'in', ppIds).execute()
}

export async function insertApplication(trx: Executor, values: Insertable<ProceedingsApplicationsTable>): Promise<void> {
  await trx.insertInto('proceedings_applications').values(values).execute()
}

// Kinship -------------------------------------------------------------------------------------------------

export async function viabilityAssessmentsOf(db: Executor, laCode: string, childIds: readonly string[]): Promise<ViabilityRow[]> {
  if (childIds.length === 0) return []
  return db.selectFrom('viability_assessments as v').innerJoin('people as p', 'p.id', 'v.person_id')
    .selectAll('v').select(fullName.as('person_name'))
    .where('v.la_code', '=', laCode).where('v.child_id', 'in', childIds).orderBy('v.started_on', 'desc').execute()
}

export async function insertViability(trx: Executor, values: Insertable<ViabilityAssessmentsTable>): Promise<string> {
  return (await trx.insertInto('viability_assessments').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export async function completeViability(trx: Executor, id: string, values: Pick<ViabilityRow, 'completed_on' | 'outcome' | 'recommendation'>): Promise<void> {
  await trx.updateTable('viability_assessments').set(values).where('id', '=', id).execute()
}

export async function arrangementsOf(db: Executor, laCode: string, childIds: readonly string[]): Promise<ArrangementRow[]> {
  if (childIds.length === 0) return []
  return db.selectFrom('kinship_arrangements as k').innerJoin('people as p', 'p.id', 'k.carer_id')
    .selectAll('k').select(fullName.as('carer_name'))
    .where('k.la_code', '=', laCode).where('k.child_id', 'in', childIds).orderBy('k.started_on', 'desc').execute()
}

export async function insertArrangement(trx: Executor, values: Insertable<KinshipArrangementsTable>): Promise<string> {
  return (await trx.insertInto('kinship_arrangements').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export async function endArrangement(trx: Executor, id: string, endedOn: string): Promise<void> {
  await trx.updateTable('kinship_arrangements').set({ ended_on: endedOn }).where('id', '=', id).execute()
}

// The local offer -----------------------------------------------------------------------------------------

export async function localOfferOf(db: Executor, laCode: string): Promise<LocalOfferRow | undefined> {
  return db.selectFrom('kinship_local_offers').selectAll().where('la_code', '=', laCode).executeTakeFirst()
}

export async function authoritiesWithLocalOffers(db: Executor): Promise<Array<{ code: string; name: string }>> {
  return db.selectFrom('kinship_local_offers as o').innerJoin('local_authorities as a', 'a.code', 'o.la_code')
    .select(['a.code', 'a.name']).orderBy('a.name').execute()
}

export async function authorityName(db: Executor, laCode: string): Promise<string | undefined> {
  return (await db.selectFrom('local_authorities').select('name').where('code', '=', laCode).executeTakeFirst())?.name
}

export async function saveLocalOffer(trx: Executor, values: Insertable<KinshipLocalOffersTable>): Promise<void> {
  const { la_code: _laCode, ...changes } = values
  await trx.insertInto('kinship_local_offers').values(values).onConflict((oc) => oc.column('la_code').doUpdateSet({ ...changes, updated_at: new Date() })).execute()
}
