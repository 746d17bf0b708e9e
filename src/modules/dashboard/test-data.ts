// A small hand-built authority for the dashboard's tests: each record is here because an indicator counts it
// (or must not), and dashboard.test.ts works out every figure from these rows for the year ending 31 March 2026.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { createChild, createWorkerBeside, userId } from '../../../test/support/records.js'

const la = '886'

async function referral(db: Kysely<DB>, child: string, from: string, to: string | null, laCode = la): Promise<string> {
  const opener = laCode === la ? await userId(db, 'social.worker') : (await db.selectFrom('users').where('la_code', '=', laCode).select('id').executeTakeFirstOrThrow()).id
  return (await db.insertInto('referrals').values({
    la_code: laCode, child_id: child, contact_id: null, referral_date: from, referral_source: '1A', primary_need: 'N1', reason: null,
    closure_date: to, reason_for_closure: to ? 'RC8' : null, opened_by: opener,
  }).returning('id').executeTakeFirstOrThrow()).id
}

async function assessment(db: Kysely<DB>, child: string, referralId: string, completedOn: string, factors: string[], authorised: boolean) {
  const worker = await userId(db, 'social.worker')
  await db.insertInto('assessments').values({
    la_code: la, child_id: child, referral_id: referralId, start_date: completedOn, status: authorised ? 'authorised' : 'submitted', factors,
    outcome: 'child_in_need_plan', completed_on: completedOn, submitted_by: worker, started_by: worker,
    authorised_on: authorised ? completedOn : null, authorised_by: authorised ? await userId(db, 'team.manager') : null,
  }).execute()
}

/** A plan with the strategy discussion, section 47 and initial conference it needs. */
async function plan(db: Kysely<DB>, child: string, referralId: string, start: string, end: string | null, previousPlans: number) {
  const chair = await userId(db, 'iro')
  const worker = await userId(db, 'social.worker')
  const discussion = await db.insertInto('strategy_discussions').values({
    la_code: la, child_id: child, referral_id: referralId, discussion_date: start, attendees: '[]', decision: 'section_47', recorded_by: worker,
  }).returning('id').executeTakeFirstOrThrow()
  const enquiry = await db.insertInto('section47_enquiries').values({
    la_code: la, child_id: child, referral_id: referralId, strategy_discussion_id: discussion.id, start_date: start, outcome: 'conference', outcome_date: start, started_by: worker,
  }).returning('id').executeTakeFirstOrThrow()
  const conference = await db.insertInto('child_protection_conferences').values({
    la_code: la, child_id: child, kind: 'initial', section47_id: enquiry.id, conference_date: start, decision: 'plan', category: 'NEG', chair_id: chair,
  }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('child_protection_plans').values({
    la_code: la, child_id: child, referral_id: referralId, initial_conference_id: conference.id, start_date: start, initial_category: 'NEG', latest_category: 'NEG',
    previous_plans: previousPlans, end_date: end, end_reason: end ? 'no_continuing_risk' : null,
  }).execute()
}

interface EpisodeRow { from: string; to: string | null; rne: string; placement: string; ceased?: string; legal?: string; home?: string; placed?: string }

async function care(db: Kysely<DB>, child: string, from: string, episodes: EpisodeRow[]): Promise<string> {
  const last = episodes[episodes.length - 1]
  const period = await db.insertInto('care_periods').values({ la_code: la, child_id: child, start_date: from, end_date: last?.to ?? null, category_of_need: 'N1' })
    .returning('id').executeTakeFirstOrThrow()
  for (const e of episodes) {
    await db.insertInto('care_episodes').values({
      la_code: la, child_id: child, period_id: period.id, start_date: e.from, end_date: e.to, reason_new_episode: e.rne, legal_status: e.legal ?? 'C2',
      placement_type: e.placement, home_postcode: e.home ?? 'ME14 1XX', placement_postcode: e.placed ?? 'ME15 6AA', reason_ceased: e.to ? (e.ceased ?? 'X1') : null,
    }).execute()
  }
  return period.id
}

async function allocation(db: Kysely<DB>, child: string, worker: string, from: string, to: string | null) {
  const team = (await db.selectFrom('users').where('id', '=', worker).select('team_id').executeTakeFirstOrThrow()).team_id!
  await db.insertInto('allocations').values({ la_code: la, child_id: child, worker_id: worker, team_id: team, started_on: from, ended_on: to }).execute()
}

export interface Children { [name: string]: string }

/** Care leavers born so that each birthday contact below is on the birthday itself. */
const careLeaverBirthDates: Record<string, string> = { CL1: '2008-06-01', CL2: '2007-08-01', CL3: '2006-10-01', CL4: '2004-10-01' }

/** Writes the authority's records; returns the children by the names the test uses. */
export async function buildAuthority(db: Kysely<DB>): Promise<Children> {
  const c: Children = {}
  for (const name of ['C1', 'C2', 'C3', 'C4', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'CL1', 'CL2', 'CL3', 'CL4']) {
    c[name] = await createChild(db, { firstName: name, lastName: 'Dashboard', dateOfBirth: careLeaverBirthDates[name] ?? (name === 'L1' ? '2015-01-01' : '2012-06-01') })
  }
  // Referrals: C1's is within 12 months of its last one; C2's is not, and C2's closes on the last day.
  const c1Old = await referral(db, c.C1!, '2025-01-10', '2025-02-01')
  const c1 = await referral(db, c.C1!, '2025-06-01', null)
  await referral(db, c.C2!, '2024-01-01', '2024-02-01')
  const c2 = await referral(db, c.C2!, '2025-05-01', '2026-03-31')
  const c3 = await referral(db, c.C3!, '2024-12-01', null)
  const c4 = await referral(db, c.C4!, '2024-11-01', '2025-03-01')
  // Assessments: C1's episode finds domestic abuse and neglect, then neglect again; C2's was before the year.
  await assessment(db, c.C1!, c1, '2025-07-01', ['3A', '16A'], true)
  await assessment(db, c.C1!, c1, '2025-08-01', ['16A'], false)
  await assessment(db, c.C2!, c2, '2025-03-01', ['16A'], false)
  // Plans: C1 had one in 2023; C2's has lasted since 2023; C3's is a second plan (recorded); C4's a first.
  await plan(db, c.C1!, c1Old, '2023-01-01', '2023-06-01', 0)
  await plan(db, c.C1!, c1, '2025-09-01', null, 0)
  await plan(db, c.C2!, c2, '2023-06-01', null, 0)
  await plan(db, c.C3!, c3, '2025-10-01', null, 1)
  await plan(db, c.C4!, c4, '2025-11-01', null, 0)
  // Care: L1 moved twice in the year to a children's home ~23 miles away; L2 started in the year, fostered nearby, UASC.
  const l1 = await care(db, c.L1!, '2024-01-01', [
    { from: '2024-01-01', to: '2025-06-01', rne: 'S', placement: 'U6' },
    { from: '2025-06-01', to: '2025-12-01', rne: 'P', placement: 'U4' },
    { from: '2025-12-01', to: null, rne: 'P', placement: 'K2', placed: 'CT1 1AA' },
  ])
  await care(db, c.L2!, '2025-05-01', [{ from: '2025-05-01', to: null, rne: 'S', placement: 'U1' }])
  await db.insertInto('uasc_statuses').values({ child_id: c.L2!, la_code: la, uasc: true, ceased_on: null }).execute()
  await care(db, c.L3!, '2025-07-01', [{ from: '2025-07-01', to: null, rne: 'S', placement: 'U6', legal: 'V3' }])
  await care(db, c.L4!, '2024-06-01', [{ from: '2024-06-01', to: '2025-10-01', rne: 'S', placement: 'U1', ceased: 'E45' }])
  await care(db, c.L5!, '2024-06-01', [{ from: '2024-06-01', to: '2025-11-01', rne: 'S', placement: 'U1', ceased: 'E41' }])
  await care(db, c.L6!, '2024-06-01', [{ from: '2024-06-01', to: '2026-01-01', rne: 'S', placement: 'U1', ceased: 'E4A' }])
  for (const [child, date] of [[c.L1!, '2025-11-15'], [c.L2!, '2025-09-05']] as const) {
    await db.insertInto('looked_after_education').values({ la_code: la, child_id: child, period_id: l1, kind: 'school_move', event_date: date, school_name: null }).execute()
  }
  for (const [date, score] of [['2025-05-01', 10], ['2026-01-10', 16]] as const) {
    await db.insertInto('looked_after_wellbeing').values({ la_code: la, child_id: c.L1!, recorded_on: date, immunisations_up_to_date: true, sdq_score: score, substance_misuse: false }).execute()
  }
  await db.insertInto('looked_after_wellbeing').values({ la_code: la, child_id: c.L2!, recorded_on: '2026-01-10', immunisations_up_to_date: true, sdq_score: 30, substance_misuse: false }).execute()
  // Adoption: L7 decided 1 January 2025, matched 1 July 2025 (181 days).
  const l7 = await care(db, c.L7!, '2024-01-01', [])
  for (const [milestone, date] of [['decision', '2025-01-01'], ['matched', '2025-07-01']] as const) {
    await db.insertInto('adoption_milestones').values({ la_code: la, child_id: c.L7!, period_id: l7, milestone, milestone_date: date }).execute()
  }
  // Care leavers' birthday contacts.
  for (const [name, age, date, activity, accommodation] of [
    ['CL1', 17, '2025-06-01', 'F2', 'D1'], ['CL2', 18, '2025-08-01', 'G5', 'S2'], ['CL3', 19, '2025-10-01', 'F5', 'U1'], ['CL4', 20, '2024-10-01', 'F1', 'U1'],
  ] as const) {
    await db.insertInto('care_leaver_birthday_contacts').values({ la_code: la, child_id: c[name]!, birthday_age: age, contact_date: date, in_touch: 'YES', activity, accommodation }).execute()
  }
  // Social workers: L1 had three in the year, L2 one.
  const worker = await userId(db, 'social.worker')
  const third = await createWorkerBeside(db, 'social.worker', 'Third Worker')
  await allocation(db, c.L1!, worker, '2025-01-01', '2025-06-01')
  await allocation(db, c.L1!, await userId(db, 'team.manager'), '2025-06-01', '2025-12-01')
  await allocation(db, c.L1!, third, '2025-12-01', null)
  await allocation(db, c.L2!, worker, '2025-05-01', null)
  // Workforce at 30 September 2025: the social worker (1 FTE, holding L2), an agency worker, a leaver and a vacancy.
  const team = (await db.selectFrom('users').where('id', '=', worker).select('team_id').executeTakeFirstOrThrow()).team_id!
  await db.insertInto('staff').values([
    { la_code: la, name: 'Sam Okafor', user_id: worker, role: 'case_holder', team_id: team, employment: 'employed', fte: 1, started_on: '2020-01-01' },
    { la_code: la, name: 'Agency Worker', role: 'case_holder', team_id: team, employment: 'agency', fte: 1, started_on: '2025-01-01' },
    { la_code: la, name: 'Leaver', role: 'case_holder', team_id: team, employment: 'employed', fte: 1, started_on: '2020-01-01', left_on: '2025-05-01' },
  ]).execute()
  await db.insertInto('vacancies').values({ la_code: la, team_id: team, fte: 1, open_since: '2025-01-01' }).execute()
  return c
}

/** A second authority in the same RCC: population 50,000 and one child in need at 31 March 2026. */
export async function buildOtherAuthority(db: Kysely<DB>, laCode: string): Promise<void> {
  const child = await createChild(db, { laCode, firstName: 'Other', lastName: 'Child' })
  await referral(db, child, '2025-06-01', null, laCode)
}
