// The returns generated from casework built through the real app: a child protection case and a child in care.
// The files are valid against DfE's schemas (xmllint), read back by Kindred's own readers, pass every DfE rule for
// the year, and carry the recorded values in the right places; the CLI writes the same.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Agent, createTestApp, formToken, signedIn, type TestApp } from '../../../../test/support/app.js'
import { createChild, userId } from '../../../../test/support/records.js'
import { generateUpn } from '../../../platform/identifiers/upn.js'
import { returnsDir } from '../../../../test/support/shared.js'
import { caseAt, cpPath, expectRedirect } from '../../child-protection/test-steps.js'
import { dateFields } from '../../child-protection/test-fixtures.js'
import { dateParts, daysAgo, family, send } from '../../family-network/test-kit.js'
import { collectionYearOn } from './collection-year.js'
import { readCinXml } from '../cin/xml.js'
import { readReturn } from '../files/read-return.js'
import { reader, type Table } from '../validation/table.js'
import { checkGenerated } from './check.js'
import { isGeneratedException } from './generated-exceptions.js'
import { generateReturn } from './generate-return.js'

const schemas = path.join(returnsDir, 'schemas')
const work = mkdtempSync(path.join(tmpdir(), 'kindred-returns-'))

/** xmllint's verdict on a document against a schema: '' when valid, else its complaints. */
function schemaProblems(xml: string, schema: string, name: string): string {
  const file = path.join(work, name)
  writeFileSync(file, xml)
  try {
    execFileSync('xmllint', ['--noout', '--schema', path.isAbsolute(schema) ? schema : path.join(schemas, schema), file], { stdio: 'pipe' })
    return ''
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error)
  }
}

/** DfE's 2025/26 schema with Kindred's 2026/27 PreProceedingsandFGDM block added to each CINdetails. */
function schema2027(): string {
  const base = readFileSync(path.join(schemas, 'CIN_schema_2026.xsd'), 'utf8')
  const block = readFileSync(new URL('./cin-2027-pre-proceedings.xsd', import.meta.url), 'utf8').replace(/<!--[\s\S]*?-->/, '')
  const extended = base
    .replace(/(<xs:element name="ChildProtectionPlans" type="childprotectionplanstype"[^>]*\/>)/, '$1\n      <xs:element name="PreProceedingsandFGDM" type="preproceedingsandfgdmtype" minOccurs="0" maxOccurs="unbounded"/>')
    .replace('</xs:schema>', `${block}\n</xs:schema>`)
  const file = path.join(work, 'CIN_schema_2027_kindred.xsd')
  writeFileSync(file, extended)
  return file
}

/** A table's rows as objects, to find values by column. */
const rowsOf = (table: Table | undefined) => {
  if (!table) return []
  const read = reader(table)
  return table.rows.map((_, i) => Object.fromEntries(table.columns.map((c) => [c, read(i, c)])))
}

/**
 * What the records need for the returns beyond the casework itself: a UPN, disabilities, and a worker since April
 * with their Social Work England number on their staff record.
 */
async function completeRecord(t: TestApp, childId: string, serial: number): Promise<void> {
  const db = t.database.db
  await db.updateTable('people').set({ upn: generateUpn({ laCode: 886, establishment: 2001, year: 2019, serial }), disabilities: ['NONE'] })
    .where('id', '=', childId).execute()
  const worker = await db.selectFrom('users').where('id', '=', await userId(db, 'social.worker')).select(['id', 'team_id']).executeTakeFirstOrThrow()
  await db.deleteFrom('allocations').where('child_id', '=', childId).execute()
  await db.insertInto('allocations').values({
    la_code: '886', child_id: childId, worker_id: worker.id, team_id: worker.team_id!, started_on: '2025-04-01', ended_on: null, change_reason: 'FCONTA',
  }).execute()
  if (!await db.selectFrom('staff').where('user_id', '=', worker.id).select('id').executeTakeFirst()) {
    await db.insertInto('staff').values({
      la_code: '886', user_id: worker.id, name: 'Sam Okafor', registration_number: 'SW88612', role: 'case_holder', team_id: worker.team_id,
      employment: 'employed', fte: 1, started_on: '2020-09-01', left_on: null, early_career_year: null, updated_by: null,
    }).execute()
  }
}


let t: TestApp
let worker: Agent
let protectedChild: string
let cared: string

beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
  const chair = await signedIn(t.app, 'iro')
  const db = t.database.db
  // A child protection plan under neglect from an initial conference on 8 May 2025, reviewed on 4 August.
  const plan = await caseAt(t, { worker, chair }, 'plan')
  protectedChild = plan.childId
  await completeRecord(t, protectedChild, 1)
  await expectRedirect(chair, `${cpPath(protectedChild)}/plans/${plan.planId}/reviews/new`, { ...dateFields('conferenceDate', '2025-08-04'), decision: 'continue', category: 'NEG' })
  // A child in care under section 20 from 2 June 2025, then an interim care order, with a review.
  cared = await createChild(db, { firstName: 'Ava', lastName: 'Stone', dateOfBirth: '2015-06-01', laChildId: 'LAC0001' })
  await completeRecord(t, cared, 2)
  const date = (name: string, iso: string) => dateFields(name, iso)
  // Each looked-after form is opened first for its one-time token, as a browser does.
  const lookedAfter = async (form: string, answers: Record<string, string>) => {
    const url = `/children/${cared}/looked-after/${form}`
    await expectRedirect(worker, url, { formToken: await formToken(worker, url), ...answers })
  }
  await lookedAfter('start', {
    ...date('startDate', '2025-06-02'), legalStatus: 'V2', categoryOfNeed: 'N1', placementType: 'U6', provider: 'PR1', urn: '1234567',
    homePostcode: 'ME14 1XX', placementPostcode: 'CT9 1AA', visitRegime: 'ordinary', previousPermanence: 'Z1',
  })
  await lookedAfter('legal-status', { ...date('date', '2025-07-10'), legalStatus: 'C1' })
  await lookedAfter('reviews/new', { ...date('date', '2025-06-27'), participation: 'PN1' })
})
afterAll(async () => { await t?.close() })

describe('the CIN census generated from the casework', () => {
  it('is valid against the 2025/26 schema, reads back, passes every DfE rule, and carries the plan as recorded', async () => {
    const generated = await generateReturn(t.database.db, 'cin', 2026, '886')
    const xml = generated.files[0]!.content
    expect(schemaProblems(xml, 'CIN_schema_2026.xsd', 'cin.xml')).toBe('')
    const check = checkGenerated('cin', 2026, '886', generated.files)
    // Queries ask for a reason rather than a change: this small return uses few disability codes (2887Q, 2888Q), and
    // the enquiry followed a strategy discussion without an assessment (2991Q).
    expect(check.outcome.ok && check.outcome.report.map((r) => `${r.kind} ${r.rule}`)).toEqual(['Query 2887Q', 'Query 2888Q', 'Query 2991Q'])
    const tables = readCinXml(xml)
    const child = generated.childIds.get(protectedChild)
    expect(rowsOf(tables.ChildProtectionPlans).filter((p) => p.LAchildID === child)).toEqual([expect.objectContaining({
      CPPstartDate: '2025-05-08', CPPendDate: null, InitialCategoryOfAbuse: 'NEG', LatestCategoryOfAbuse: 'NEG', NumberOfPreviousCPP: '0',
    })])
    expect(rowsOf(tables.Reviews).map((r) => r.CPPreviewDate)).toEqual(['2025-08-04'])
    expect(rowsOf(tables.Section47)).toEqual([expect.objectContaining({ S47ActualStartDate: '2025-04-14', InitialCPCtarget: '2025-05-08', DateOfInitialCPC: '2025-05-08', ICPCnotRequired: '0' })])
  })
})

describe('the 2026/27 CIN census', () => {
  it('adds the episode’s pre-proceedings and family group decision making, valid against the extended schema', async () => {
    const f = await family(t.database.db, { first: 'Kit', last: 'Marlow' })
    const decided = daysAgo(60)
    expect((await send(worker, `/children/${f.childId}/pre-proceedings/start`, dateParts(decided, 'decisionDate'))).statusCode).toBe(303)
    const year = collectionYearOn(decided).year
    const generated = await generateReturn(t.database.db, 'cin', year, '886')
    const xml = generated.files[0]!.content
    expect(schemaProblems(xml, schema2027(), 'cin-2027.xml')).toBe('')
    expect(xml).toContain(`<PreProceedingsDecisionDate>${decided}</PreProceedingsDecisionDate>`)
    expect(xml).toMatch(/<FGDMOffered>0<\/FGDMOffered>/)
    // The reader reads past the block: the rest of the census is checked as in 2025/26.
    expect(rowsOf(readCinXml(xml).CINdetails).some((r) => r.LAchildID === generated.childIds.get(f.childId))).toBe(true)
  })
})

describe('the SSDA903 generated from the casework', () => {
  it('writes the DfE tables as CSV that read back, pass every DfE rule, and carry the episodes and the review', async () => {
    const generated = await generateReturn(t.database.db, '903', 2026, '886')
    expect(generated.files.map((f) => f.name)).toEqual([
      'Header.csv', 'Episodes.csv', 'Reviews.csv', 'UASC.csv', 'OC2.csv', 'OC3.csv', 'AD1.csv', 'PlacedAdoption.csv', 'PrevPerm.csv', 'Missing.csv', 'SWEpisodes.csv',
    ])
    const check = checkGenerated('903', 2026, '886', generated.files, generated.lastYear)
    expect(check.outcome.ok && check.outcome.report.filter((r) => !isGeneratedException('903', r.rule)).map((r) => `${r.rule} ${r.message}`)).toEqual([])
    const { tables } = readReturn('903', generated.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.content) })))
    expect(rowsOf(tables.Episodes).map((e) => [e.CHILD, e.DECOM, e.RNE, e.LS, e.PLACE, e.DEC])).toEqual([
      ['LAC0001', '02/06/2025', 'S', 'V2', 'U6', '10/07/2025'],
      ['LAC0001', '10/07/2025', 'L', 'C1', 'U6', null],
    ])
    expect(rowsOf(tables.Reviews)).toEqual([{ CHILD: 'LAC0001', DOB: '01/06/2015', REVIEW: '27/06/2025', REVIEW_CODE: 'PN1' }])
    // The worker since April, though the child came into care in June: by registration number, the first for the referral.
    expect(rowsOf(tables.SWEpisodes)).toEqual([{ CHILD: 'LAC0001', DOB: '01/06/2015', SW_ID: 'SW88612', SW_DECOM: '01/04/2025', SW_DEC: null, SW_REASON: 'FCONTA' }])
  })

  it('writes the XML form valid against the SSDA903 schema, calling the placement PL', async () => {
    const generated = await generateReturn(t.database.db, '903', 2026, '886', { xml: true })
    const xml = generated.files[0]!.content
    expect(schemaProblems(xml, 'SSDA903_expanded_2021_CLA.xsd', '903.xml')).toBe('')
    expect(xml).toContain('<PL>U6</PL>')
    const { tables } = readReturn('903', generated.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.content) })))
    expect(rowsOf(tables.Episodes).map((e) => e.PLACE)).toEqual(['U6', 'U6'])
  })
})
