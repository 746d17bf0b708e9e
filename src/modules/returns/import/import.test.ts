// `kindred import`: a seeded authority's CIN census and SSDA903, imported into another authority, come back the same
// when that authority's returns are generated from what was imported; a second import changes nothing; a file with
// a column missing is refused with where, and nothing is written.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDatabase } from '../../../../test/support/database.js'
import { createOtherAuthority } from '../../../../test/support/records.js'
import type { Database } from '../../../platform/db/database.js'
import { authorityByCode } from '../../../platform/seed/authorities.js'
import { seedAuthorities } from '../../../platform/seed/generate.js'
import { readReturn, type SubmittedFile } from '../files/read-return.js'
import { generateReturn, type GeneratedReturn } from '../generate/generate-return.js'
import type { ReturnKind } from '../rulesets.js'
import type { Tables } from '../validation/table.js'
import { EXIT_IMPORTED, EXIT_REFUSED, EXIT_UNREADABLE, importCommandOn } from './cli-import.js'
import { importReturn } from './import-return.js'

const from = '877'
const year = 2026
let database: Database
let into: string
const source = new Map<ReturnKind, GeneratedReturn>()

const submitted = (files: readonly { name: string; content: string }[]): SubmittedFile[] =>
  files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.content) }))

async function importAll() {
  const db = database.db
  const ssda903 = source.get('903')!
  return [
    await importReturn(db, { kind: '903', year: year - 1, laCode: into, files: submitted(ssda903.lastYear) }),
    await importReturn(db, { kind: '903', year, laCode: into, files: submitted(ssda903.files) }),
    await importReturn(db, { kind: 'cin', year, laCode: into, files: submitted(source.get('cin')!.files) }),
  ]
}

/** What the database holds for the authority, to show a second import writes nothing. */
async function rowCounts(laCode: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of ['people', 'child_events', 'referrals', 'assessments', 'section47_enquiries', 'child_protection_conferences',
    'child_protection_plans', 'cin_plans', 'care_periods', 'care_episodes', 'looked_after_reviews', 'missing_episodes', 'uasc_statuses',
    'looked_after_health_checks', 'looked_after_wellbeing', 'care_leaver_birthday_contacts', 'adoption_milestones', 'allocations'] as const) {
    const { n } = await database.db.selectFrom(table).where('la_code', '=', laCode).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    counts[table] = Number(n)
  }
  return counts
}

/** A table's rows as sorted text, without the columns named: ids the reader numbers in file order differ. */
function rowsOf(tables: Tables, name: string, without: string[] = [], only?: (row: Record<string, string | null>) => boolean): string[] {
  const table = tables[name]
  if (!table) return []
  const keep = table.columns.filter((c) => !without.includes(c))
  return table.rows.map((cells) => Object.fromEntries(table.columns.map((c, i) => [c, cells[i] ?? null])))
    .filter((row) => only?.(row) ?? true).map((row) => keep.map((c) => row[c] ?? '').join('|')).sort()
}

const read = (kind: ReturnKind, ret: GeneratedReturn) => readReturn(kind, submitted(ret.files)).tables

beforeAll(async () => {
  database = await createTestDatabase()
  await seedAuthorities(database, [{ authority: authorityByCode(from)!, population: 3_000, referralRate: 1, careRate: 1 }], { seed: 5, asOf: '2026-03-31' })
  await aYoungMother(from)
  await aConvictionAndAnIntervention(from)
  for (const kind of ['cin', '903'] as const) source.set(kind, await generateReturn(database.db, kind, year, from))
  into = (await createOtherAuthority(database.db, '887')).laCode
  await staffAsIn(from, into)
}, 180_000)

/** The eldest girl in care in the year becomes a mother, so the 903's MOTHER and MC_DOB are carried. */
async function aYoungMother(laCode: string): Promise<void> {
  const { db } = database
  const girl = await db.selectFrom('people as p').innerJoin('care_episodes as e', 'e.child_id', 'p.id').where('p.la_code', '=', laCode)
    .where('p.sex', '=', 'F').where('e.end_date', 'is', null).where('p.date_of_birth', '<=', '2011-01-01')
    .orderBy('p.date_of_birth').select('p.id').executeTakeFirstOrThrow()
  const baby = await db.insertInto('people').values({
    la_code: laCode, is_child: true, first_name: 'Baby', last_name: 'Test', date_of_birth: '2025-11-02', expected_date_of_birth: null, sex: 'M',
    gender_identity: null, ethnicity: null, religion: null, nhs_number: null, upn: null, upn_unknown_reason: null, la_child_id: null, occupation: null,
  }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('relationships').values({ la_code: laCode, person_id: girl.id, related_person_id: baby.id, type: 'mother' }).execute()
}

/** A child in OC2 (in care a year at 31 March, 10 or over) cautioned, and offered help with substance misuse. */
async function aConvictionAndAnIntervention(laCode: string): Promise<void> {
  const { db } = database
  const child = await db.selectFrom('people as p').innerJoin('care_periods as c', 'c.child_id', 'p.id').where('p.la_code', '=', laCode)
    .where('c.end_date', 'is', null).where('c.start_date', '<=', '2025-03-01').where('p.date_of_birth', '<=', '2013-01-01')
    .orderBy('p.date_of_birth').select('p.id').executeTakeFirstOrThrow()
  await db.insertInto('looked_after_convictions').values({ la_code: laCode, child_id: child.id, recorded_by: null, kind: 'youth_caution', outcome_date: '2025-10-01' }).execute()
  await db.insertInto('looked_after_wellbeing').values({
    la_code: laCode, child_id: child.id, recorded_by: null, recorded_on: '2025-10-01', immunisations_up_to_date: true, sdq_score: 12, sdq_reason: null,
    substance_misuse: true, substance_misuse_intervention: 'offered',
  }).execute()
}

/** The authority's social workers, with their registration numbers, set up before the import as the import needs. */
async function staffAsIn(fromLa: string, intoLa: string): Promise<void> {
  const { db } = database
  const team = await db.selectFrom('teams').where('la_code', '=', intoLa).select(['id', 'agency_id']).executeTakeFirstOrThrow()
  const staff = await db.selectFrom('staff').where('la_code', '=', fromLa).where('registration_number', 'is not', null).where('user_id', 'is not', null)
    .where('left_on', 'is', null).select(['name', 'registration_number']).execute()
  for (const [i, member] of staff.entries()) {
    const user = await db.insertInto('users').values({
      la_code: intoLa, agency_id: team.agency_id, team_id: team.id, manager_id: null, email: `worker${i}@${intoLa}.test`, display_name: member.name,
      role: 'social_worker', password_hash: null, oidc_subject: null, locked_until: null,
    }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('staff').values({
      la_code: intoLa, user_id: user.id, name: member.name, registration_number: member.registration_number, role: 'case_holder', team_id: team.id,
      employment: 'employed', fte: 1, started_on: '2015-01-01', left_on: null, early_career_year: null, ethnicity: null, updated_by: null,
    }).execute()
  }
}
afterAll(async () => { await database?.close() })

describe('importing a return into an authority', () => {
  it('loads the children and their history so the authority\'s own returns come back the same', async () => {
    const outcomes = await importAll()
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported'])
    const cin = { before: read('cin', source.get('cin')!), after: read('cin', await generateReturn(database.db, 'cin', year, into)) }
    expect(rowsOf(cin.after, 'ChildIdentifiers').length).toBeGreaterThan(50)
    for (const table of ['ChildIdentifiers', 'ChildCharacteristics', 'Disabilities', 'CINdetails', 'Assessments', 'CINplanDates', 'Section47', 'ChildProtectionPlans', 'Reviews']) {
      const derived = ['CINdetailsID', 'AssessmentID', 'CPPID']
      expect({ table, rows: rowsOf(cin.after, table, derived) }).toEqual({ table, rows: rowsOf(cin.before, table, derived) })
    }
    const ssda903 = { before: read('903', source.get('903')!), after: read('903', await generateReturn(database.db, '903', year, into)) }
    const lookedAfter = new Set(rowsOf(ssda903.before, 'Episodes').map((row) => row.split('|')[0]))
    expect(lookedAfter.size).toBeGreaterThan(10)
    // A care leaver only in OC3 is returned where the care history imported shows them eligible (below).
    const inCare = (row: Record<string, string | null>) => lookedAfter.has(row.CHILD!)
    expect(rowsOf(ssda903.after, 'Header', [], inCare)).toEqual(rowsOf(ssda903.before, 'Header', [], inCare))
    expect(rowsOf(ssda903.before, 'Header', [], (row) => row.MOTHER === '1').length).toBeGreaterThan(0)
    // The convictions and substance misuse interventions are carried too (aConvictionAndAnIntervention).
    expect(rowsOf(ssda903.before, 'OC2', [], (row) => row.CONVICTED === '1').length).toBeGreaterThan(0)
    expect(rowsOf(ssda903.before, 'OC2', [], (row) => row.INTERVENTION_OFFERED === '1').length).toBeGreaterThan(0)
    for (const table of ['Episodes', 'Reviews', 'UASC', 'Missing', 'PrevPerm', 'OC2', 'PlacedAdoption', 'AD1']) {
      // Adopters are not imported yet.
      const notImported = ['NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR']
      expect({ table, rows: rowsOf(ssda903.after, table, notImported) }).toEqual({ table, rows: rowsOf(ssda903.before, table, notImported) })
    }
    // Social worker episodes of registered social workers; a Family Help lead (XX) has no registration to find them by.
    const registered = (row: Record<string, string | null>) => row.SW_ID?.startsWith('SW') ?? false
    expect(rowsOf(ssda903.before, 'SWEpisodes', [], registered).length).toBeGreaterThan(5)
    expect(rowsOf(ssda903.after, 'SWEpisodes', [], registered)).toEqual(rowsOf(ssda903.before, 'SWEpisodes', [], registered))
    // Every birthday contact is held; a care leaver is returned in OC3 only where the care history imported shows them
    // eligible, and a care leaver who left care before the earliest return imported has none.
    const contacts = await database.db.selectFrom('care_leaver_birthday_contacts').where('la_code', '=', into)
      .where('contact_date', '>=', '2025-04-01').where('contact_date', '<=', '2026-03-31').select('child_id').execute()
    expect(contacts.length).toBe(rowsOf(ssda903.before, 'OC3').length)
    expect(rowsOf(ssda903.before, 'OC3')).toEqual(expect.arrayContaining(rowsOf(ssda903.after, 'OC3')))
  })

  it('names a new child as not known, and says in the chronology where the history came from', async () => {
    const child = await database.db.selectFrom('people').innerJoin('child_protection_plans as p', 'p.child_id', 'people.id').where('people.la_code', '=', into)
      .select(['people.id', 'first_name', 'last_name', 'la_child_id']).executeTakeFirstOrThrow()
    expect(child).toMatchObject({ first_name: 'Not known', last_name: `Imported ${child.la_child_id}` })
    const events = await database.db.selectFrom('child_events').where('child_id', '=', child.id).select(['type', 'summary']).execute()
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['child.registered', 'referral.opened', 'cp_plan.started']))
    expect(events.filter((e) => !/\(imported from the (SSDA903 return|CIN census) 20\d\d to 20\d\d\)$/.test(e.summary))).toEqual([])
  })

  it('changes nothing when the same returns are imported again', async () => {
    const before = await rowCounts(into)
    const outcomes = await importAll()
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported'])
    expect(await rowCounts(into)).toEqual(before)
  })

  it('brings an assessment up to date from a later census, keeping who authorised it', async () => {
    const { workerId } = await createOtherAuthority(database.db, '892')
    const census = source.get('cin')!.files[0]!
    expect((await importReturn(database.db, { kind: 'cin', year, laCode: '892', files: submitted([census]) })).status).toBe('imported')
    // Since imported, the authority has recorded who authorised each one.
    await database.db.updateTable('assessments').set({ authorised_by: workerId }).where('la_code', '=', '892').where('status', '=', 'authorised').execute()
    const authorisers = await database.db.selectFrom('assessments').where('la_code', '=', '892').where('status', '=', 'authorised').select(['id', 'authorised_by']).execute()
    // The first factor the census gives becomes another: one assessment's findings have changed.
    const changed = census.content.replace(/<AssessmentFactors>[^<]+<\/AssessmentFactors>/, '<AssessmentFactors>24A</AssessmentFactors>')
    expect((await importReturn(database.db, { kind: 'cin', year, laCode: '892', files: submitted([{ ...census, content: changed }]) })).status).toBe('imported')
    const after = await database.db.selectFrom('assessments').where('la_code', '=', '892').where('status', '=', 'authorised').select(['id', 'authorised_by', 'factors']).execute()
    expect(after.filter((a) => a.factors.includes('24A')).length).toBeGreaterThan(0)
    expect(after.map(({ id, authorised_by }) => ({ id, authorised_by }))).toEqual(expect.arrayContaining(authorisers))
    expect(after.length).toBe(authorisers.length)
  })

  it('stops at a row the database cannot hold, naming it, and writes nothing of the return', async () => {
    await createOtherAuthority(database.db, '891')
    const census = source.get('cin')!.files[0]!
    // The second child's first referral has a source the DfE list does not have: the first child was written by then.
    const second = census.content.indexOf('<ReferralSource>', census.content.indexOf('<Child>', census.content.indexOf('<Child>') + 1))
    const broken = `${census.content.slice(0, second)}<ReferralSource>ZZ${census.content.slice(census.content.indexOf('</ReferralSource>', second))}`
    const outcome = await importReturn(database.db, { kind: 'cin', year, laCode: '891', files: submitted([{ ...census, content: broken }]) })
    const episodes = read('cin', source.get('cin')!).CINdetails!.rows
    const firstChildEpisodes = episodes.filter((r) => r[0] === episodes[0]![0]).length
    expect(outcome.status === 'refused-row' && outcome.refusal).toMatchObject({ table: 'CINdetails', row: firstChildEpisodes + 1 })
    expect(Object.values(await rowCounts('891')).every((n) => n === 0)).toBe(true)
  })

  it('imports the 903 in its XML form as it does the CSV tables', async () => {
    for (const la of ['894', '895']) await createOtherAuthority(database.db, la)
    const xml = await generateReturn(database.db, '903', year, from, { xml: true })
    const fromXml = await importReturn(database.db, { kind: '903', year, laCode: '894', files: submitted(xml.files) })
    const fromCsv = await importReturn(database.db, { kind: '903', year, laCode: '895', files: submitted(source.get('903')!.files) })
    expect(fromXml.status === 'imported' && fromXml.counts.records).toEqual(fromCsv.status === 'imported' && fromCsv.counts.records)
    expect(await rowCounts('894')).toEqual(await rowCounts('895'))
  })

  it('lists the rows it could not import, with why', async () => {
    await createOtherAuthority(database.db, '893')
    const csv = (name: string, lines: string[]) => ({ name, content: `${lines.join('\r\n')}\r\n` })
    const outcome = await importReturn(database.db, { kind: '903', year, laCode: '893', files: submitted([
      csv('Header.csv', ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', 'A1,M,04/05/2015,WBRI,UN1,,']),
      csv('Episodes.csv', ['CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
        'A1,01/06/2025,S,C2,N1,U1,PR1,,,,ME14 1XX,ME15 6AA,SC123456']),
      csv('Reviews.csv', ['CHILD,DOB,REVIEW,REVIEW_CODE', 'A1,04/05/2015,01/05/2025,PN1', 'B2,01/01/2016,01/09/2025,PN1']),
    ]) })
    expect(outcome.status === 'imported' && outcome.counts).toMatchObject({
      children: 1, created: 1, records: { Header: 1, Episodes: 1 },
      skipped: [
        { table: 'Reviews', row: 1, reason: expect.stringContaining('falls outside any period of care') },
        { table: 'Reviews', row: 2, reason: 'the child has no row in the Header table' },
      ],
    })
  })

  it('refuses a file with a column missing, naming the file, line and column, and writes nothing', async () => {
    const before = await rowCounts('888')
    await createOtherAuthority(database.db, '888')
    const episodes = source.get('903')!.files.find((f) => f.name.endsWith('Episodes.csv'))!
    // The legal status column taken out of every line.
    const withoutLs = episodes.content.split('\n').map((line) => line.split(',').filter((_, i) => i !== 3).join(',')).join('\n')
    const broken = source.get('903')!.files.map((f) => (f === episodes ? { ...f, content: withoutLs } : f))
    const outcome = await importReturn(database.db, { kind: '903', year, laCode: '888', files: submitted(broken) })
    expect(outcome.status).toBe('unreadable')
    expect(outcome.status === 'unreadable' && outcome.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ file: episodes.name, line: 1, message: expect.stringContaining('LS') }),
    ])
    expect(await rowCounts('888')).toEqual(before)
  })
})

describe('kindred import', () => {
  const run = (...args: string[]) => importCommandOn((work) => work(database)).run(args)
  let dir: string
  let printed: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kindred-import-'))
    printed = ''
    const capture = (...args: unknown[]) => { printed += `${args.join(' ')}\n` }
    vi.spyOn(console, 'log').mockImplementation(capture)
    vi.spyOn(console, 'error').mockImplementation(capture)
  })
  afterAll(() => {
    vi.restoreAllMocks()
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses an unknown return, a year that is not one, and files that do not exist, importing nothing', async () => {
    const before = await rowCounts('886')
    await expect(run('ssda', '--la', '886', '--year', '2026', dir)).rejects.toThrow('say which return: 903 or cin')
    await expect(run('903', '--la', '886', '--year', '26x', dir)).rejects.toThrow('--year must be the year the collection ends')
    await expect(run('903', '--la', '886', '--year', '2026')).rejects.toThrow('give the files or directory to import')
    const missing = path.join(dir, 'not-there')
    expect(await run('903', '--la', '886', '--year', '2026', missing)).toBe(EXIT_UNREADABLE)
    expect(printed).toContain(`${missing}: no such file or directory`)
    expect(await rowCounts('886')).toEqual(before)
  })

  it('imports a CIN census file and prints the validation summary and what it imported', async () => {
    await createOtherAuthority(database.db, '889')
    const file = path.join(dir, 'census.xml')
    writeFileSync(file, source.get('cin')!.files[0]!.content)
    expect(await run('cin', '--la', '889', '--year', String(year), file)).toBe(EXIT_IMPORTED)
    expect(printed).toMatch(/Checked [\d,]+ children with \d+ rules \(cin2025_26\): [\d,]+ errors?, [\d,]+ quer(y|ies)\./)
    expect(printed).toMatch(/Imported into 889: [\d,]+ children, [\d,]+ of them new and named "Not known" until someone enters their names\./)
    expect(printed).toMatch(/ {2}CINdetails: [\d,]+/)
  })

  it('with --strict, refuses a return that fails a rule, and writes nothing', async () => {
    await createOtherAuthority(database.db, '890')
    const folder = path.join(dir, '903')
    mkdirSync(folder)
    for (const f of source.get('903')!.files) {
      // Rule 101: a sex that is not one of the 903's codes.
      writeFileSync(path.join(folder, f.name), f.name.endsWith('Header.csv') ? f.content.replace(/^([^,\r\n]+),[MF],/m, '$1,X,') : f.content)
    }
    printed = ''
    expect(await run('903', '--strict', '--la', '890', '--year', String(year), folder)).toBe(EXIT_REFUSED)
    expect(printed).toMatch(/Nothing was imported: the return fails [\d,]+ rule checks? and --strict was given/)
    expect(await rowCounts('890')).toEqual(Object.fromEntries(Object.keys(await rowCounts('890')).map((table) => [table, 0])))
  })

  it('refuses malformed XML with the line and column, and exits 3', async () => {
    const file = path.join(dir, 'broken.xml')
    writeFileSync(file, '<Message>\n  <Header>\n</Message>\n')
    printed = ''
    expect(await run('cin', '--la', '889', '--year', String(year), file)).toBe(EXIT_UNREADABLE)
    expect(printed).toMatch(/broken\.xml, line 3, column \d+: /)
    expect(printed).toContain('Nothing was imported')
  })
})
