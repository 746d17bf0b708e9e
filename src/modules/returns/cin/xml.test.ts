// Reading a CIN census XML file into the rule tables, and clear errors for files that are not well-formed.
import { describe, expect, it } from 'vitest'
import { cinRules } from './rules/index.js'
import { CinXmlError, readCinXml, readCinXmlStream } from './xml.js'
import type { Tables } from '../validation/table.js'

const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails>
      <Collection>CIN</Collection>
      <Year>2026</Year>
      <ReferenceDate>2026-03-31</ReferenceDate>
    </CollectionDetails>
    <Source>
      <SourceLevel>L</SourceLevel>
      <LEA>999</LEA>
      <SoftwareCode>Kindred</SoftwareCode>
    </Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID>CHILD1</LAchildID>
        <UPN>A999000178301</UPN>
        <PersonBirthDate>2015-06-01</PersonBirthDate>
        <Sex>F</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>WBRI</Ethnicity>
        <Disabilities>
          <Disability>MOB</Disability>
          <Disability>HEAR</Disability>
        </Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-05-01</CINreferralDate>
        <ReferralSource>1A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <Assessments>
          <AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-06-10</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>2A</AssessmentFactors>
            <AssessmentFactors>3A</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <Section47>
          <S47ActualStartDate>2025-06-11</S47ActualStartDate>
          <DateOfInitialCPC>2025-06-20</DateOfInitialCPC>
          <ICPCnotRequired>0</ICPCnotRequired>
        </Section47>
        <ReferralNFA>0</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2025-06-20</CPPstartDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews>
            <CPPreviewDate>2025-06-15</CPPreviewDate>
            <CPPreviewDate>2025-09-15</CPPreviewDate>
          </Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers>
        <LAchildID>CHILD2</LAchildID>
        <UPNunknown>UN1</UPNunknown>
        <ExpectedPersonBirthDate>2026-05-01</ExpectedPersonBirthDate>
        <Sex>U</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>NOBT</Ethnicity>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2026-01-10</CINreferralDate>
        <ReferralSource>5A</ReferralSource>
        <CINPlanDates>
          <CINPlanStartDate>2026-02-01</CINPlanStartDate>
        </CINPlanDates>
        <ReferralNFA>0</ReferralNFA>
      </CINdetails>
    </Child>
  </Children>
</Message>
`

function rowsOf(tables: Tables, name: string): Record<string, string | null>[] {
  const table = tables[name]!
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? null])))
}

function flagged(tables: Tables, code: string): string[] {
  const rule = cinRules.find((r) => r.code === code)!
  const context = { collectionStart: Date.UTC(2025, 3, 1) / 86_400_000, collectionEnd: Date.UTC(2026, 2, 31) / 86_400_000, metadata: {} }
  return rule.validate(tables, context).map((failure) => `${failure.table}:${failure.row}`)
}

function errorOf(xml: string): CinXmlError {
  try {
    readCinXml(xml)
  } catch (error) {
    if (error instanceof CinXmlError) return error
    throw error
  }
  throw new Error('expected the XML to be rejected')
}

describe('reading a CIN census XML file', () => {
  const tables = readCinXml(SAMPLE)

  it('reads the header', () => {
    expect(rowsOf(tables, 'Header')).toEqual([
      expect.objectContaining({ Collection: 'CIN', Year: '2026', ReferenceDate: '2026-03-31', LEA: '999', SerialNo: null }),
    ])
  })

  it('gives every record its child, and the identifiers the XML leaves implicit', () => {
    expect(rowsOf(tables, 'ChildIdentifiers').map((row) => [row.LAchildID, row.UPN, row.UPNunknown, row.Sex])).toEqual([
      ['CHILD1', 'A999000178301', null, 'F'],
      ['CHILD2', null, 'UN1', 'U'],
    ])
    expect(rowsOf(tables, 'ChildCharacteristics')).toEqual([
      { LAchildID: 'CHILD1', Ethnicity: 'WBRI' },
      { LAchildID: 'CHILD2', Ethnicity: 'NOBT' },
    ])
    expect(rowsOf(tables, 'Disabilities')).toEqual([
      { LAchildID: 'CHILD1', Disability: 'MOB' },
      { LAchildID: 'CHILD1', Disability: 'HEAR' },
    ])
    expect(rowsOf(tables, 'CINdetails').map((row) => [row.LAchildID, row.CINdetailsID, row.ReferralNFA])).toEqual([
      ['CHILD1', '1', '0'],
      ['CHILD2', '2', '0'],
    ])
    expect(rowsOf(tables, 'CINplanDates')).toEqual([
      { LAchildID: 'CHILD2', CINdetailsID: '2', CINPlanStartDate: '2026-02-01', CINPlanEndDate: null },
    ])
  })

  it('keeps an assessment on one row with its factors together', () => {
    expect(rowsOf(tables, 'Assessments')).toEqual([
      {
        LAchildID: 'CHILD1', CINdetailsID: '1', AssessmentID: '1', AssessmentActualStartDate: '2025-05-02',
        AssessmentInternalReviewDate: null, AssessmentAuthorisationDate: '2025-06-10', AssessmentFactors: '2A,3A',
      },
    ])
  })

  it('links each review to its plan', () => {
    expect(rowsOf(tables, 'ChildProtectionPlans')).toEqual([
      expect.objectContaining({ LAchildID: 'CHILD1', CINdetailsID: '1', CPPID: '1', CPPstartDate: '2025-06-20', CPPendDate: null }),
    ])
    expect(rowsOf(tables, 'Reviews')).toEqual([
      { LAchildID: 'CHILD1', CINdetailsID: '1', CPPID: '1', CPPreviewDate: '2025-06-15' },
      { LAchildID: 'CHILD1', CINdetailsID: '1', CPPID: '1', CPPreviewDate: '2025-09-15' },
    ])
  })

  it('gives the rules what they need', () => {
    expect(flagged(tables, '100')).toEqual([])
    expect(flagged(tables, '2885')).toEqual([])
    expect(flagged(tables, '8897Q')).toEqual([])
    // The first review is before the plan started; the unborn child is flagged for a missing disability only if born.
    expect(flagged(tables, '8841')).toEqual(['ChildProtectionPlans:0', 'Reviews:0'])
    expect(flagged(tables, '8540')).toEqual([])
  })

  it('reads the same tables from a stream split anywhere, even inside a character', async () => {
    const bytes = new TextEncoder().encode(SAMPLE.replace('<Collection>CIN</Collection>', '<Collection>CIN é</Collection>'))
    async function* chunks(): AsyncIterable<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7)
    }
    const streamed = await readCinXmlStream(chunks())
    expect(rowsOf(streamed, 'Header')[0]!.Collection).toBe('CIN é')
    expect(streamed.Reviews).toEqual(tables.Reviews)
  })
})

describe('rejecting a CIN census XML file that cannot be read', () => {
  it('names the line and column of a tag left open', () => {
    const error = errorOf('<Message>\n  <Children>\n    <Child>\n  </Children>\n</Message>')
    expect(error.line).toBe(4)
    expect(error.message).toMatch(/^CIN census XML, line 4, column \d+: a closing tag comes while <Child> is still open$/)
  })

  it('names the line of text that is not XML', () => {
    expect(errorOf('<Message>\n<Header>\n<CollectionDetails><Year>2026</Year></CollectionDetails>\n<Header & >\n').line).toBe(4)
  })

  it('rejects another kind of document', () => {
    expect(errorOf('<?xml version="1.0"?>\n<EXPSSDA903/>').message).toContain('the root element is <EXPSSDA903>, not <Message>')
  })

  it('rejects an element out of place', () => {
    const error = errorOf('<Message>\n<Children>\n<Child>\n<ChildIdentifiers>\n<CINreferralDate>2025-01-01</CINreferralDate>')
    expect(error.line).toBe(5)
    expect(error.reason).toContain('<CINreferralDate> is not a CIN census element here (inside <ChildIdentifiers>)')
  })

  it('rejects a document that stops early', () => {
    expect(errorOf('<Message>\n<Children>\n').reason).toMatch(/unclosed|end/i)
  })
})
