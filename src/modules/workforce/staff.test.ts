// Workforce records: staff and vacancies added through the pages (errors next to the field, answers kept),
// and the census figures at 30 September (ethnicity among them) worked out by hand from a small set of records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { createChild, userId } from '../../../test/support/records.js'
import { censusFigures, censusRates } from './census.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

const teamId = async (name: string) => (await t.database.db.selectFrom('teams').where('la_code', '=', '886').where('name', '=', name).select('id').executeTakeFirstOrThrow()).id
const fieldError = (html: string, id: string) => new RegExp(`id="${id}-error"[^>]*>\\s*<span class="govuk-visually-hidden">Error:</span>([^<]*)`).exec(html)?.[1]?.trim()
const date = (name: string, iso: string) => ({ [`${name}-day`]: iso.slice(8), [`${name}-month`]: iso.slice(5, 7), [`${name}-year`]: iso.slice(0, 4) })

describe('staff records', () => {
  it('adds a social worker linked to their account, refusing bad answers next to the field and keeping them', async () => {
    const manager = await signedIn(t.app, 'team.manager')
    expect((await manager.get('/workforce/staff/new')).statusCode).toBe(200)
    const bad = await manager.post('/workforce/staff/new', { name: 'Sam Okafor', registrationNumber: '12345', role: 'case_holder', teamId: await teamId('Assessment and intervention'),
      employment: 'employed', fte: '1.5', earlyCareerYear: '', ...date('startedOn', '2024-09-01'), ...date('leftOn', '2024-08-01') })
    expect(bad.statusCode).toBe(400)
    expect(fieldError(bad.body, 'registrationNumber')).toBe('Registration number must be SW followed by up to 7 numbers, like SW123456')
    expect(fieldError(bad.body, 'fte')).toBe('Full-time equivalent must be more than 0 and no more than 1, like 0.8')
    expect(fieldError(bad.body, 'leftOn')).toBe('The date they left must be the same as or after the date they started')
    expect(fieldError(bad.body, 'ethnicity')).toBe('Select the social worker’s ethnicity, or that they refused or it is not yet known')
    expect(bad.body).toContain('value="Sam Okafor"')
    const good = await manager.post('/workforce/staff/new', { name: 'Sam Okafor', userId: await userId(t.database.db, 'social.worker'), registrationNumber: 'sw 123456',
      role: 'case_holder', teamId: await teamId('Assessment and intervention'), employment: 'employed', fte: '0.8', earlyCareerYear: '1', ethnicity: 'BAFR', ...date('startedOn', '2024-09-01') })
    expect(good.statusCode).toBe(303)
    const row = await t.database.db.selectFrom('staff').where('registration_number', '=', 'SW123456').selectAll().executeTakeFirstOrThrow()
    expect([row.user_id, Number(row.fte), row.early_career_year, row.left_on, row.ethnicity]).toEqual([await userId(t.database.db, 'social.worker'), 0.8, 1, null, 'BAFR'])
    // The change form starts with the answers recorded, ethnicity among them; an unknown code is refused and kept out.
    expect((await manager.get(`/workforce/staff/${row.id}`)).body).toMatch(/<option value="BAFR" selected>/)
    const unknown = await manager.post(`/workforce/staff/${row.id}`, { name: 'Sam Okafor', registrationNumber: 'SW123456', role: 'case_holder',
      teamId: await teamId('Assessment and intervention'), employment: 'employed', fte: '0.8', earlyCareerYear: '1', ethnicity: 'XXXX', ...date('startedOn', '2024-09-01') })
    expect(fieldError(unknown.body, 'ethnicity')).toBe('Select the social worker’s ethnicity, or that they refused or it is not yet known')
    expect(unknown.body).toContain('value="0.8"')
    const list = await manager.get('/workforce')
    expect(list.body).toContain('Sam Okafor')
    const edit = await manager.post(`/workforce/staff/${row.id}`, { name: 'Sam Okafor', userId: await userId(t.database.db, 'social.worker'), registrationNumber: 'SW123456',
      role: 'senior_practitioner', teamId: await teamId('Assessment and intervention'), employment: 'employed', fte: '1', earlyCareerYear: '', ethnicity: 'REFU', ...date('startedOn', '2024-09-01') })
    expect(edit.statusCode).toBe(303)
    expect((await t.database.db.selectFrom('staff').where('id', '=', row.id).select('role').executeTakeFirstOrThrow()).role).toBe('senior_practitioner')
    await t.database.db.deleteFrom('staff').execute()
  })

  it('is for administrators and team managers only', async () => {
    expect((await (await signedIn(t.app, 'social.worker')).get('/workforce')).statusCode).toBe(403)
    expect((await (await signedIn(t.app, 'admin')).get('/workforce/census')).statusCode).toBe(200)
  })

  it('adds a vacancy and records it filled', async () => {
    const admin = await signedIn(t.app, 'admin')
    await admin.get('/workforce/vacancies')
    const bad = await admin.post('/workforce/vacancies', { teamId: '', fte: 'two', ...date('openSince', '2026-02-30') })
    expect(fieldError(bad.body, 'teamId')).toBe('Select a team')
    expect(fieldError(bad.body, 'fte')).toBe('Full-time equivalent must be a number more than 0 and no more than 50, like 1.5')
    expect(fieldError(bad.body, 'openSince')).toBe('The date the post became vacant must be a real date')
    expect((await admin.post('/workforce/vacancies', { teamId: await teamId('Assessment and intervention'), fte: '1.5', ...date('openSince', '2026-02-01') })).statusCode).toBe(303)
    const vacancy = await t.database.db.selectFrom('vacancies').selectAll().executeTakeFirstOrThrow()
    await admin.get(`/workforce/vacancies/${vacancy.id}/filled`)
    const early = await admin.post(`/workforce/vacancies/${vacancy.id}/filled`, date('filledOn', '2026-01-01'))
    expect(fieldError(early.body, 'filledOn')).toBe('The date the post was filled must be the same as or after the date it became vacant')
    expect((await admin.post(`/workforce/vacancies/${vacancy.id}/filled`, date('filledOn', '2026-03-01'))).statusCode).toBe(303)
    expect((await t.database.db.selectFrom('vacancies').where('id', '=', vacancy.id).select('filled_on').executeTakeFirstOrThrow()).filled_on).toBe('2026-03-01')
    await t.database.db.deleteFrom('vacancies').execute()
  })
})

describe('the workforce census at 30 September 2025', () => {
  it('computes headcount, FTE, agency, turnover, vacancy and caseload as the census defines them', async () => {
    const db = t.database.db
    const team = await teamId('Assessment and intervention')
    const staff = (name: string, fields: { employment?: 'employed' | 'agency'; fte: number; started: string; left?: string; user?: string; ethnicity?: string }) => ({
      la_code: '886', name, role: 'case_holder' as const, team_id: team, employment: fields.employment ?? 'employed', fte: fields.fte,
      started_on: fields.started, left_on: fields.left ?? null, user_id: fields.user ?? null, ethnicity: fields.ethnicity ?? null,
    })
    await db.insertInto('staff').values([
      staff('A', { fte: 1, started: '2020-01-01', user: await userId(db, 'social.worker'), ethnicity: 'BCRB' }), // in post, holds 3 cases; ethnic minority
      staff('B', { fte: 0.5, started: '2021-01-01', user: await userId(db, 'team.manager'), ethnicity: 'WIRI' }), // in post, holds 1 case; White (Irish)
      staff('C', { fte: 1, started: '2022-01-01', ethnicity: 'REFU' }), // in post, no cases; refused: ethnicity not known
      staff('D', { fte: 1, started: '2019-01-01', left: '2025-03-31', ethnicity: 'AIND' }), // left in the year: 1 FTE
      staff('E', { fte: 0.5, started: '2019-01-01', left: '2024-09-30' }), // left before the year began
      staff('F', { employment: 'agency', fte: 1, started: '2025-06-01', ethnicity: 'BAFR' }), // agency
      staff('G', { fte: 1, started: '2025-10-01', ethnicity: 'MWBC' }), // starts after the census date
    ]).execute()
    await db.insertInto('vacancies').values([
      { la_code: '886', team_id: team, fte: 1, open_since: '2025-01-01', filled_on: null },
      { la_code: '886', team_id: team, fte: 2, open_since: '2024-01-01', filled_on: '2025-09-30' }, // filled on the day
    ]).execute()
    const worker = await userId(db, 'social.worker')
    const manager = await userId(db, 'team.manager')
    for (const [who, started, ended] of [[worker, '2025-01-01', null], [worker, '2025-02-01', null], [worker, '2025-09-30', null], [worker, '2025-01-01', '2025-09-30'], [manager, '2025-05-05', null]] as const) {
      await db.insertInto('allocations').values({ la_code: '886', child_id: await createChild(db), worker_id: who, team_id: team, started_on: started, ended_on: ended }).execute()
    }
    const figures = (await censusFigures(db, ['886'], '2025-09-30')).get('886')!
    expect(figures).toMatchObject({ employedHeadcount: 3, employedFte: 2.5, agencyHeadcount: 1, agencyFte: 1, leaversFte: 1, vacancyFte: 1, casesHeld: 4, caseholderFte: 1.5,
      ethnicityKnownHeadcount: 2, ethnicMinorityHeadcount: 1 })
    const rates = censusRates(figures)
    expect(rates.turnover).toBeCloseTo(1 / 2.5) // leavers FTE / employed FTE
    expect(rates.agency).toBeCloseTo(1 / 3.5) // agency / (agency + employed)
    expect(rates.vacancy).toBeCloseTo(1 / 3.5) // vacancies / (vacancies + employed)
    expect(rates.caseload).toBeCloseTo(4 / 1.5) // cases / FTE of those holding cases
    expect(rates.ethnicMinority).toBeCloseTo(1 / 2) // A of A and B: C refused, D has left, F is agency, G not yet started
    const page = await (await signedIn(t.app, 'team.manager')).get('/workforce/census?year=2025')
    expect(page.body).toContain('Workforce census at 30 September 2025')
    expect(page.body).toContain('40% (leavers FTE ÷ employed FTE)')
    expect(page.body).toContain('50% (not White ÷ ethnicity known, headcount)')
  })
})
