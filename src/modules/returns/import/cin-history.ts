// The CIN census as casework history: each child (created, or found by LA child id or UPN), each CIN episode as a
// front-door referral, and within it the assessments, child in need plans, section 47 enquiries with their initial
// conferences, and child protection plans with their reviews, each written by its own module's service.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { ImportSource } from '../../../platform/events/imported-history.js'
import { importAssessment, importProtectionPlan, importSection47 } from '../../child-protection/service.js'
import type { CategoryOfAbuse } from '../../child-protection/tables.js'
import { importCinPlan } from '../../family-help/service.js'
import { importReferral } from '../../front-door/service.js'
import { importChild } from '../../people/service.js'
import type { Tables } from '../validation/table.js'
import { recordOf, type ImportProgress, type ImportedCounts } from './counts.js'
import { dateOf, rowsByChild, type Row } from './rows.js'

export async function importCinCensus(trx: Kysely<DB>, source: ImportSource, tables: Tables, progress: ImportProgress): Promise<ImportedCounts> {
  const rows = rowsByChild(tables, 'LAchildID')
  const counts: ImportedCounts = { children: 0, created: 0, records: {}, skipped: [] }
  const of = (table: string, child: string) => rows.get(table)?.get(child) ?? []
  const children = [...(rows.get('ChildIdentifiers')?.keys() ?? [])]
  progress.start(children.length)
  for (const laChildId of children) {
    const identifiers = of('ChildIdentifiers', laChildId)[0]!
    const sex = identifiers.cell('Sex')
    const child = await recordOf(counts, 'ChildIdentifiers', identifiers, () => importChild(trx, source, {
      laChildId, upn: identifiers.cell('UPN'), upnUnknownReason: identifiers.cell('UPNunknown'),
      dateOfBirth: dateOf(identifiers.cell('PersonBirthDate')), expectedDateOfBirth: dateOf(identifiers.cell('ExpectedPersonBirthDate')),
      sex: sex === 'M' || sex === 'F' || sex === 'U' ? sex : null, ethnicity: of('ChildCharacteristics', laChildId)[0]?.cell('Ethnicity') ?? null,
      disabilities: of('Disabilities', laChildId).map((r) => r.cell('Disability')).filter((d): d is string => d !== null),
    }))
    counts.children++
    if (child.created) counts.created++
    for (const episode of of('CINdetails', laChildId)) {
      const inEpisode = (table: string) => of(table, laChildId).filter((r) => r.cell('CINdetailsID') === episode.cell('CINdetailsID'))
      await importEpisode(trx, source, counts, child.id, episode, inEpisode)
    }
    progress.advance()
  }
  return counts
}

async function importEpisode(trx: Kysely<DB>, source: ImportSource, counts: ImportedCounts, childId: string, episode: Row, inEpisode: (table: string) => Row[]): Promise<void> {
  const referralDate = dateOf(episode.cell('CINreferralDate'))
  if (!referralDate) return void counts.skipped.push({ table: 'CINdetails', row: episode.index + 1, reason: 'it has no referral date Kindred can read, so nothing in the episode was imported' })
  const closureDate = dateOf(episode.cell('CINclosureDate'))
  const referralId = await recordOf(counts, 'CINdetails', episode, () => importReferral(trx, source, {
    childId, referralDate, source: episode.cell('ReferralSource') ?? '', primaryNeed: episode.cell('PrimaryNeedCode') ?? 'N0',
    closureDate, reasonForClosure: closureDate ? episode.cell('ReasonForClosure') : null, referralNfa: episode.cell('ReferralNFA') === '1' || episode.cell('ReferralNFA') === 'true',
  }))
  const plans = inEpisode('ChildProtectionPlans')
  const section47s = inEpisode('Section47')
  const cinPlans = inEpisode('CINplanDates')
  for (const row of inEpisode('Assessments')) {
    const startDate = dateOf(row.cell('AssessmentActualStartDate'))
    if (!startDate) { counts.skipped.push({ table: 'Assessments', row: row.index + 1, reason: 'it has no start date Kindred can read' }); continue }
    const later = (rows: Row[], column: string) => rows.some((r) => (dateOf(r.cell(column)) ?? '') >= startDate)
    await recordOf(counts, 'Assessments', row, () => importAssessment(trx, source, {
      childId, referralId, startDate, authorisedOn: dateOf(row.cell('AssessmentAuthorisationDate')),
      factors: (row.cell('AssessmentFactors') ?? '').split(',').map((f) => f.trim()).filter(Boolean),
      // The census does not say what an assessment led to: the episode's next step after it shows.
      outcome: later(section47s, 'S47ActualStartDate') ? 'strategy_discussion' : later(cinPlans, 'CINPlanStartDate') ? 'child_in_need_plan' : 'no_further_action',
    }))
  }
  for (const row of cinPlans) {
    const startDate = dateOf(row.cell('CINPlanStartDate'))
    if (!startDate) { counts.skipped.push({ table: 'CINplanDates', row: row.index + 1, reason: 'it has no start date Kindred can read' }); continue }
    await recordOf(counts, 'CINplanDates', row, () => importCinPlan(trx, source, { childId, referralId, startDate, endDate: dateOf(row.cell('CINPlanEndDate')) }))
  }
  const conferences = new Map<string, string>()
  for (const row of section47s) {
    const startDate = dateOf(row.cell('S47ActualStartDate'))
    if (!startDate) { counts.skipped.push({ table: 'Section47', row: row.index + 1, reason: 'it has no start date Kindred can read' }); continue }
    const conferenceDate = dateOf(row.cell('DateOfInitialCPC'))
    const plan = conferenceDate ? plans.find((p) => dateOf(p.cell('CPPstartDate')) === conferenceDate) : undefined
    const conferenceId = await recordOf(counts, 'Section47', row, () => importSection47(trx, source, {
      childId, referralId, startDate, initialConferenceTarget: dateOf(row.cell('InitialCPCtarget')), initialConferenceDate: conferenceDate,
      icpcNotRequired: row.cell('ICPCnotRequired') === '1' || row.cell('ICPCnotRequired') === 'true',
      planCategory: plan ? category(plan.cell('InitialCategoryOfAbuse')) : null,
    }))
    if (conferenceId && conferenceDate) conferences.set(conferenceDate, conferenceId)
  }
  for (const row of plans) await importPlan(trx, source, counts, childId, referralId, row, conferences, inEpisode('Reviews'))
}

async function importPlan(trx: Kysely<DB>, source: ImportSource, counts: ImportedCounts, childId: string, referralId: string, row: Row,
  conferences: Map<string, string>, reviews: Row[]): Promise<void> {
  const startDate = dateOf(row.cell('CPPstartDate'))
  const initialCategory = category(row.cell('InitialCategoryOfAbuse'))
  if (!startDate || !initialCategory) {
    counts.skipped.push({ table: 'ChildProtectionPlans', row: row.index + 1, reason: 'it has no start date or initial category of abuse Kindred can read' })
    return
  }
  await recordOf(counts, 'ChildProtectionPlans', row, async () => {
    // A plan from an earlier year's enquiry: its initial conference is held here on an enquiry of that day.
    const initialConferenceId = conferences.get(startDate) ?? (await importSection47(trx, source, {
      childId, referralId, startDate, initialConferenceTarget: null, initialConferenceDate: startDate, icpcNotRequired: false, planCategory: initialCategory,
    }))!
    await importProtectionPlan(trx, source, {
      childId, referralId, initialConferenceId, startDate, endDate: dateOf(row.cell('CPPendDate')), initialCategory,
      latestCategory: category(row.cell('LatestCategoryOfAbuse')) ?? initialCategory, previousPlans: Number(row.cell('NumberOfPreviousCPP') ?? 0) || 0,
      reviewDates: reviews.filter((r) => r.cell('CPPID') === row.cell('CPPID')).map((r) => dateOf(r.cell('CPPreviewDate'))).filter((d): d is string => d !== null),
    })
  })
}

const CATEGORIES = new Set(['NEG', 'PHY', 'SAB', 'EMO'])
const category = (cell: string | null): CategoryOfAbuse | null => (cell && CATEGORIES.has(cell) ? cell as CategoryOfAbuse : null)
