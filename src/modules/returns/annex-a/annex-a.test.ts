import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../../test/support/app.js'
import { returnsDir } from '../../../../test/support/shared.js'
import { UsageError } from '../../../cli/command.js'
import { placementAuthority, placementLocation } from './codes.js'
import { annexALists } from './columns.js'
import { annexACommandOn } from './cli.js'
import { annexA, type AnnexAList } from './lists.js'
import { buildCasework, range, unzip, type Casework } from './test-kit.js'
import { buildAdopters, type AdoptionCasework } from './adopters-test-kit.js'
import { excelSerial } from './xlsx.js'
import { generateReturn } from '../generate/generate-return.js'

let t: TestApp
let kids: Casework
let adopters: AdoptionCasework
let lists: AnnexAList[]
let team: string

beforeAll(async () => {
  t = await createTestApp()
  kids = await buildCasework(t)
  adopters = await buildAdopters(t.database.db)
  lists = await annexA(t.database.db, '886', range)
  team = (await t.database.db.selectFrom('users').innerJoin('teams', 'teams.id', 'users.team_id').where('users.display_name', '=', 'Sam Okafor')
    .select('teams.name').executeTakeFirstOrThrow()).name
})
afterAll(async () => { vi.restoreAllMocks(); await t.close() })

/** A list's rows as objects keyed by heading. */
const rowsOf = (n: number) => {
  const list = lists.find((l) => l.number === n)!
  return list.rows.map((row) => Object.fromEntries(list.columns.map((c, i) => [c.header, row[i]])))
}
const ids = (n: number) => rowsOf(n).map((r) => r['Child Unique ID']).sort()

describe('Annex A lists', () => {
  it('has lists 1 to 11 with exactly the specification’s headings', async () => {
    const spec = await readFile(join(returnsDir, 'annex_a_lists_2024_liia_pipeline.md'), 'utf8')
    for (const list of lists) {
      const section = new RegExp(`## list_${list.number} \\((\\d+) columns\\)\\n((?:- .*\\n)+)`).exec(spec)!
      const headings = section[2]!.trim().split('\n').map((line) => line.slice(2).split(' — ')[0])
      expect(list.columns.map((c) => c.header)).toEqual(headings)
      expect(list.columns).toHaveLength(Number(section[1]))
    }
    expect(lists.map((l) => l.name)).toEqual(annexALists.map((l) => `List ${l.number}`))
  })

  it('list 1 has the contacts received in the range, by the day in England', () => {
    expect(rowsOf(1)).toEqual([{
      'Child Unique ID': 'C-CONTACT', Gender: 'b) Female', Ethnicity: 'a) White', 'Date of Birth': '2015-09-01', 'Age of Child (Years)': 10,
      'Date of Contact': '2025-04-01', 'Contact Source': 'g) Police',
    }])
  })

  it('list 2 has the Family Help assessments started in the range, completed by its end or not yet', () => {
    expect(rowsOf(2).map((r) => [r['Child Unique ID'], r['Assessment start date'], r['Assessment completion date']])).toEqual([
      ['C-HELP', '2025-09-01', '2025-10-13'], ['C-HELP-LATE', '2026-03-02', null],
    ])
    // The lead practitioner's organisation: the family hub the family help practitioner works for.
    expect(rowsOf(2)[0]!['Organisation completing assessment']).toBe('Maidstone Family Hub (demo)')
  })

  it('lists 3, 5, 6 and 7 follow the referral, section 47, conference and plan of the child protection case', () => {
    expect(ids(3)).toEqual([kids.protection])
    expect(rowsOf(3)[0]).toMatchObject({
      'Date of referral': '2025-04-10', 'Referral Source': 'b) Schools', 'Referral NFA?': 'False', 'Number of Referrals in Last 12 Months': 1,
      'Allocated Team': team, 'Allocated Worker': 'Sam Okafor',
    })
    expect(rowsOf(5)).toEqual([expect.objectContaining({
      'Child Unique ID': kids.protection, 'Strategy discussion initiating Section 47 Enquiry Start Date': '2025-04-14',
      'Was an Initial Child Protection Conference deemed unnecessary?': 'False', 'Date of Initial Child Protection Conference': '2025-05-08',
      'Did the Initial Child Protection Conference Result in a Child Protection Plan': 'True',
      'Number of Section 47 Enquiries in the last 12 months': 1, 'Number of ICPCs in the last 12 months': 1,
    })])
    // The episode closed in February 2025 is before the range; the other authority's child is not this authority's.
    expect(rowsOf(6)).toEqual([expect.objectContaining({
      'Child Unique ID': kids.protection, 'CIN Start Date': '2025-04-10', 'Primary Need Code': 'a) Abuse or neglect', 'CIN Closure Date': null,
      'Case Status': 'b) Child Protection plan',
    })])
    expect(rowsOf(7)).toEqual([expect.objectContaining({
      'Child Unique ID': kids.protection, 'Child Protection Plan Start Date': '2025-05-08', 'Initial Category of Abuse': 'a) Neglect',
      'Latest Category of Abuse': 'a) Neglect', 'Child Protection Plan End Date': null,
      'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)': 'False',
      'Number of Previous Child Protection Plans': 0, 'Age of Child (Years)': 9,
    })])
  })

  it('list 8 has the children looked after in the range with their legal status and placement', () => {
    expect(ids(8)).toEqual(['C-ADOPT', 'C-ADOPTED', 'C-CARE', 'C-REVERSED'])
    expect(rowsOf(8).find((r) => r['Child Unique ID'] === 'C-CARE')).toMatchObject({
      'Date Started to be Looked After': '2025-06-01', "Child's Category of Need": 'a) Abuse or neglect',
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)': 'False',
      'Start date of current legal status': '2025-06-01', "Child's Legal Status": 'b) Full care orders', 'Number of Placements in the Last 12 months': 1,
      'What is the permanence plan for this child?': 'f) Long-term fostering', 'Date of Last IRO Visit / Contact to the Child': '2026-02-20',
      'Date Ceased to be Looked After': null, 'Start Date of Most Recent Placement': '2025-06-01', 'Placement Type': 'a) Foster placement',
      'Placement Provider': 'a) Own LA', 'Placement postcode': 'ME15 6AA', 'URN of Placement': '1234567',
      'Placement Location': 'a) In', 'LA of Placement': 'Kent',
      "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": 0,
    })
  })

  it('list 8 gives the authority a placement lies in from its postcode, and whether that is the child’s own', () => {
    expect(rowsOf(8).find((r) => r['Child Unique ID'] === 'C-ADOPT')).toMatchObject({
      'Placement postcode': 'ME4 4AA', 'Placement Location': 'b) Out', 'LA of Placement': 'Medway',
      // Nothing recorded: blank, as the specification allows.
      'What is the permanence plan for this child?': null, 'Date of Last IRO Visit / Contact to the Child': null,
    })
    // A postcode the directory does not know, such as Shetland's, names no authority.
    expect(placementAuthority(null)).toBe('Not recorded')
    expect(placementLocation(null, '886')).toBeNull()
  })

  it('list 9 has the care leaver', () => {
    expect(rowsOf(9)).toEqual([expect.objectContaining({
      'Child Unique ID': 'C-LEAVER', 'Age of Child (Years)': 19, 'Eligibility Category': 'b) Former relevant', 'LA in Touch': 'c) Not recorded',
    })])
  })

  it('list 10 has each child with an adoption decision, the adopters’ family identifier once matched, and why a plan was reversed', () => {
    const blankAfterDecision = {
      'Date of Matching Child and Prospective Adopters': null, 'Date Placed for Adoption': null, 'Date of Adoption Order': null,
      'Date the child was placed for fostering in FFA or concurrent planning placement': null,
    }
    expect(rowsOf(10).sort((a, b) => String(a['Child Unique ID']).localeCompare(String(b['Child Unique ID'])))).toEqual([
      expect.objectContaining({
        'Child Unique ID': 'C-ADOPT', 'Family identifier': null, 'Date the Child Entered Care': '2024-06-01', 'Date of Decision that Child Should be Placed for Adoption': '2025-01-10',
        'Date of Placement Order': '2025-05-01', ...blankAfterDecision, 'Date of Decision that Child Should No Longer be Placed for Adoption': null,
        'Reason Why Child No Longer Placed for Adoption': null,
      }),
      expect.objectContaining({
        'Child Unique ID': 'C-ADOPTED', 'Family identifier': adopters.couple, 'Date the Child Entered Care': '2023-03-01',
        'Date of Decision that Child Should be Placed for Adoption': '2024-08-01', 'Date of Placement Order': '2024-09-02',
        'Date of Matching Child and Prospective Adopters': '2025-06-02', 'Date Placed for Adoption': '2025-07-01', 'Date of Adoption Order': '2026-01-15',
        'Date of Decision that Child Should No Longer be Placed for Adoption': null, 'Reason Why Child No Longer Placed for Adoption': null,
      }),
      expect.objectContaining({
        'Child Unique ID': 'C-REVERSED', 'Family identifier': null, 'Date the Child Entered Care': '2023-05-01',
        'Date of Decision that Child Should be Placed for Adoption': '2024-11-01', 'Date of Placement Order': null, ...blankAfterDecision,
        'Date of Decision that Child Should No Longer be Placed for Adoption': '2025-08-01',
        'Reason Why Child No Longer Placed for Adoption': 'c) Prospective adopters cannot be found',
      }),
    ])
  })

  it('list 11 has one row per adopter in the process in the range, with the children matched and placed with them', () => {
    const couple = {
      'Family identifier': adopters.couple, 'Is the (prospective) adopter fostering for adoption?': 'False', 'Date enquiry received': '2024-09-02',
      'Date Stage 1 started': '2024-10-01', 'Date Stage 1 ended': '2024-12-01', 'Date Stage 2 started': '2024-12-09', 'Date Stage 2 ended': '2025-04-07',
      'Date application submitted': '2024-12-02', 'Date application approved': '2025-05-12', 'Date adopter matched with child(ren)': '2025-06-02',
      'Date child/children placed with adopter(s)': '2025-07-01', 'No. of children placed': 1, 'Date of Adoption Order': '2026-01-15',
      'Date of leaving adoption process': null, 'Reason for leaving adoption process': null,
    }
    expect(rowsOf(11)).toEqual([
      { ...couple, 'Individual adopter identifier': `${adopters.couple}A`, Gender: 'b) Female', Ethnicity: 'c) Asian or Asian British', Disability: 'False' },
      { ...couple, 'Individual adopter identifier': `${adopters.couple}B`, Gender: 'a) Male', Ethnicity: 'a) White', Disability: 'True' },
      {
        'Individual adopter identifier': `${adopters.single}A`, 'Family identifier': adopters.single, Gender: 'b) Female', Ethnicity: 'd) Black or black British',
        Disability: 'Unknown', 'Is the (prospective) adopter fostering for adoption?': 'True', 'Date enquiry received': '2025-10-06',
        'Date Stage 1 started': '2025-11-03', 'Date Stage 1 ended': null, 'Date Stage 2 started': null, 'Date Stage 2 ended': null,
        'Date application submitted': null, 'Date application approved': null, 'Date adopter matched with child(ren)': null,
        'Date child/children placed with adopter(s)': null, 'No. of children placed': 0, 'Date of Adoption Order': null,
        'Date of leaving adoption process': '2026-02-02', 'Reason for leaving adoption process': 'a) Withdrew',
      },
    ])
    expect(JSON.stringify(rowsOf(11))).not.toContain(adopters.gone)
  })

  it('the 903 carries the same reason and the adopters: PlacedAdoption REASON_PLACED_CEASED, AD1 from the household', async () => {
    const ret = await generateReturn(t.database.db, '903', 2026, '886')
    const table = (name: string) => {
      const [header, ...lines] = ret.files.find((f) => f.name.endsWith(`${name}.csv`))!.content.trim().split(/\r?\n/)
      return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header!.split(',')[i], cell])))
    }
    expect(table('PlacedAdoption').find((r) => r.CHILD === 'C-REVERSED')).toMatchObject({ DATE_PLACED_CEASED: '01/08/2025', REASON_PLACED_CEASED: 'RD3' })
    expect(table('PlacedAdoption').find((r) => r.CHILD === 'C-ADOPTED')).toMatchObject({ DATE_PLACED_CEASED: '', REASON_PLACED_CEASED: '' })
    expect(table('AD1')).toEqual([{
      CHILD: 'C-ADOPTED', DOB: '01/08/2022', DATE_INT: '01/08/2024', DATE_MATCH: '02/06/2025', FOSTER_CARE: '0', NB_ADOPTR: '2', SEX_ADOPTR: 'MF', LS_ADOPTR: 'L11',
    }])
  })
})

describe('kindred annex-a', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kindred-annex-a-'))
    vi.spyOn(console, 'log').mockImplementation(() => {})
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))
  const command = () => annexACommandOn((work) => work(t.database))

  it('writes a workbook with one sheet per list, header rows and real Excel dates', async () => {
    const out = join(dir, 'annex-a.xlsx')
    expect(await command().run(['--la', '886', '--from', range.from, '--to', range.to, '--out', out])).toBe(0)
    const files = unzip(await readFile(out))
    const book = files.get('xl/workbook.xml')!
    expect([...book.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(annexALists.map((l) => `List ${l.number}`))
    const sheet1 = files.get('xl/worksheets/sheet1.xml')!
    const headers = [...sheet1.split('</row>')[0]!.matchAll(/<t>([^<]*)<\/t>/g)].map((m) => m[1])
    expect(headers).toEqual(annexALists[0].columns.map(([h]) => h))
    // Date of Contact, column F of the first data row: 1 April 2025 is Excel day 45748, in the dd/mm/yyyy style.
    expect(excelSerial('2025-04-01')).toBe(45748)
    expect(sheet1).toContain('<c r="F2" s="2"><v>45748</v></c>')
    expect(files.get('xl/styles.xml')).toContain('formatCode="dd/mm/yyyy"')
  })

  it('refuses a missing authority, a range the wrong way round and no output file', async () => {
    await expect(command().run(['--la', '88', '--from', range.from, '--to', range.to, '--out', 'x.xlsx'])).rejects.toThrow(UsageError)
    await expect(command().run(['--la', '886', '--from', range.to, '--to', range.from, '--out', 'x.xlsx'])).rejects.toThrow('--from must be on or before --to')
    await expect(command().run(['--la', '886', '--from', '2025-02-30', '--to', range.to, '--out', 'x.xlsx'])).rejects.toThrow('real dates')
    await expect(command().run(['--la', '886', '--from', range.from, '--to', range.to])).rejects.toThrow('--out')
    await expect(command().run(['--la', '999', '--from', range.from, '--to', range.to, '--out', join(dir, 'x.xlsx')])).rejects.toThrow('no authority with code 999')
  })
})

describe('the Annex A page', () => {
  it('is for performance analysts only', async () => {
    const worker = await signedIn(t.app, 'social.worker')
    expect((await worker.get('/returns/annex-a')).statusCode).toBe(403)
  })

  it('keeps the answers and says what is wrong, then counts the lists and offers the downloads', async () => {
    const analyst = await signedIn(t.app, 'analyst')
    expect((await analyst.get('/returns/annex-a')).statusCode).toBe(200)
    const wrong = await analyst.post('/returns/annex-a', { 'from-day': '31', 'from-month': '2', 'from-year': '2025', 'to-day': '31', 'to-month': '3', 'to-year': '' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('The first day of the range must be a real date')
    expect(wrong.body).toContain('The last day of the range must include a year')
    expect(wrong.body).toMatch(/name="from-day"[^>]*value="31"/)
    const shown = await analyst.post('/returns/annex-a', { 'from-day': '1', 'from-month': '4', 'from-year': '2025', 'to-day': '31', 'to-month': '3', 'to-year': '2026' })
    expect(shown.statusCode).toBe(200)
    expect(shown.body).toMatch(/List 8: Children in care<\/th>\s*<td[^>]*>4<\/td>/)
    const csv = await analyst.get('/returns/annex-a/list-1.csv?from=2025-04-01&to=2026-03-31')
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body.split('\r\n')[1]).toBe('C-CONTACT,b) Female,a) White,01/09/2015,10,01/04/2025,g) Police')
    const xlsx = await analyst.get('/returns/annex-a/annex-a.xlsx?from=2025-04-01&to=2026-03-31')
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="annex-a-2025-04-01-to-2026-03-31.xlsx"')
    expect((await analyst.get('/returns/annex-a/annex-a.xlsx?from=2026-04-01&to=2025-03-31')).statusCode).toBe(400)
    expect((await analyst.get('/returns/annex-a/list-12.csv?from=2025-04-01&to=2026-03-31')).statusCode).toBe(404)
  })
})
