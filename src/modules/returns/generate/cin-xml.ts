// The CIN census as XML in the 2025/26 shape (CIN_schema_2026.xsd), plus each episode's PreProceedingsandFGDM
// block from 2026/27. The DfE schema copies Kindred holds stop before that block, so its element names are
// Kindred's reading of the 2026/27 specification (cin-2027-pre-proceedings.xsd beside this file describes them).
import type { PreProceedingsAndFgdm } from '../../family-network/service.js'
import type { CinCensus, CinChild, CinEpisode } from './cin-census.js'
import { xmlDocument, type XmlNode } from './xml-writer.js'

export const SOFTWARE_CODE = 'Kindred'

export function cinCensusXml(census: CinCensus, generatedAt: Date = new Date()): string {
  return xmlDocument(['Message', [
    ['Header', [
      ['CollectionDetails', [['Collection', 'CIN'], ['Year', census.year.year], ['ReferenceDate', census.year.end]]],
      ['Source', [
        ['SourceLevel', 'L'], ['LEA', census.laCode], ['SoftwareCode', SOFTWARE_CODE], ['Release', '1'], ['SerialNo', '001'],
        ['DateTime', generatedAt.toISOString().slice(0, 19)],
      ]],
    ]],
    ['Children', census.children.map(child)],
  ]])
}

function child(c: CinChild): XmlNode {
  return ['Child', [
    ['ChildIdentifiers', [
      ['LAchildID', c.LAchildID], ['UPN', c.UPN], ['UPNunknown', c.UPNunknown], ['PersonBirthDate', c.PersonBirthDate],
      ['ExpectedPersonBirthDate', c.ExpectedPersonBirthDate], ['Sex', c.Sex],
    ]],
    ['ChildCharacteristics', [
      ['Ethnicity', c.Ethnicity],
      ['Disabilities', c.Disabilities.length > 0 ? c.Disabilities.map((d): XmlNode => ['Disability', d]) : null],
    ]],
    ...c.episodes.map(episode),
  ]]
}

function episode(e: CinEpisode): XmlNode {
  return ['CINdetails', [
    ['CINreferralDate', e.CINreferralDate], ['ReferralSource', e.ReferralSource], ['PrimaryNeedCode', e.PrimaryNeedCode],
    ['CINclosureDate', e.CINclosureDate], ['ReasonForClosure', e.ReasonForClosure], ['DateOfInitialCPC', e.DateOfInitialCPC],
    ...e.assessments.map((a): XmlNode => ['Assessments', [
      ['AssessmentActualStartDate', a.AssessmentActualStartDate], ['AssessmentInternalReviewDate', a.AssessmentInternalReviewDate],
      ['AssessmentAuthorisationDate', a.AssessmentAuthorisationDate],
      ['FactorsIdentifiedAtAssessment', a.AssessmentFactors.length > 0 ? a.AssessmentFactors.map((f): XmlNode => ['AssessmentFactors', f]) : null],
    ]]),
    ...e.cinPlans.map((p): XmlNode => ['CINPlanDates', [['CINPlanStartDate', p.CINPlanStartDate], ['CINPlanEndDate', p.CINPlanEndDate]]]),
    ...e.section47s.map((s): XmlNode => ['Section47', [
      ['S47ActualStartDate', s.S47ActualStartDate], ['InitialCPCtarget', s.InitialCPCtarget], ['DateOfInitialCPC', s.DateOfInitialCPC],
      ['ICPCnotRequired', s.ICPCnotRequired],
    ]]),
    ['ReferralNFA', e.ReferralNFA],
    ...e.protectionPlans.map((p): XmlNode => ['ChildProtectionPlans', [
      ['CPPstartDate', p.CPPstartDate], ['CPPendDate', p.CPPendDate], ['InitialCategoryOfAbuse', p.InitialCategoryOfAbuse],
      ['LatestCategoryOfAbuse', p.LatestCategoryOfAbuse], ['NumberOfPreviousCPP', p.NumberOfPreviousCPP],
      ['Reviews', p.CPPreviewDates.length > 0 ? p.CPPreviewDates.map((d): XmlNode => ['CPPreviewDate', d]) : null],
    ]]),
    ...e.preProceedings.map(preProceedings),
  ]]
}

const outcomeCodes = { issue: 'ISSUE', step_down: 'STEPDOWN' } as const
const orderCodes = { care: 'C', supervision: 'S' } as const

function preProceedings(p: PreProceedingsAndFgdm): XmlNode {
  return ['PreProceedingsandFGDM', [
    ['PreProceedingsDecisionDate', p.preProceedingsDecisionDate],
    ['LetterBeforeProceedingsDate', p.letterBeforeProceedingsDate],
    ['InitialPreProceedingsMeetingDate', p.initialPreProceedingsMeetingDate],
    ['NumberOfReviewPreProceedingsMeetings', p.reviewPreProceedingsMeetings],
    ['PreProceedingsOutcome', p.preProceedingsOutcome ? outcomeCodes[p.preProceedingsOutcome] : null],
    ['PreProceedingsOutcomeDate', p.preProceedingsOutcomeDate],
    ['FGDMOffered', p.fgdmOffered], ['FGDMOfferDate', p.fgdmOfferDate],
    ['FGDMOfferInLetterBeforeProceedings', p.fgdmOfferInLetterBeforeProceedings],
    ['FGDMAccepted', p.fgdmAccepted], ['FGDMDeclinedByAll', p.fgdmDeclinedByAll], ['FGDMMeetingDate', p.fgdmMeetingDate],
    ['FGDMFamilyPlan', p.fgdmFamilyPlan], ['FGDMBestInterestsExemption', p.fgdmBestInterestsExemption],
    ['FGDMExemptionDate', p.fgdmExemptionDate],
    ['CareProceedingsApplicationDate', p.applicationDate],
    ['CareProceedingsOrderType', p.applicationOrderType ? orderCodes[p.applicationOrderType] : null],
  ]]
}
