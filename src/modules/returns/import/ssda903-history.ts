// The SSDA903 as casework history: each child (created, or found by LA child id or UPN) with the Header's
// characteristics and motherhood, the episodes as periods of care (a period runs from an episode starting one, RNE S, through
// the episodes that follow on with REC X1), PrevPerm on the periods that began in the year, reviews, missing
// episodes, UASC status, adoption milestones (AD1, PlacedAdoption), OC2's health, OC3's birthday contacts and social
// worker episodes as allocations, each written by its own module's service.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { ImportSource } from '../../../platform/events/imported-history.js'
import { importBirthdayContact } from '../../care-leavers/service.js'
import {
  importAdoptionMilestone, importCarePeriod, importHealth, importMissing, importReview, importUasc, type ImportedEpisode, type ImportedHealth, type ImportedMilestone,
} from '../../looked-after/service.js'
import { importChild, importMotherhood } from '../../people/service.js'
import { importSocialWorkerEpisode } from '../../workforce/service.js'
import type { CollectionYear } from '../generate/collection-year.js'
import type { Tables } from '../validation/table.js'
import { recordOf, type ImportProgress, type ImportedCounts } from './counts.js'
import { dateOf, rowsByChild, type Row } from './rows.js'

export async function importSsda903(trx: Kysely<DB>, source: ImportSource, tables: Tables, year: CollectionYear, progress: ImportProgress): Promise<ImportedCounts> {
  const rows = rowsByChild(tables, 'CHILD')
  const counts: ImportedCounts = { children: 0, created: 0, records: {}, skipped: [] }
  const of = (table: string, child: string) => rows.get(table)?.get(child) ?? []
  const children = [...(rows.get('Header')?.keys() ?? [])]
  progress.start(children.length)
  for (const laChildId of children) {
    const header = of('Header', laChildId)[0]!
    const upn = header.cell('UPN')
    const unknown = upn !== null && /^UN\d$/.test(upn)
    const child = await recordOf(counts, 'Header', header, () => importChild(trx, source, {
      laChildId, upn: unknown ? null : upn, upnUnknownReason: unknown ? upn : null, dateOfBirth: dateOf(header.cell('DOB')), expectedDateOfBirth: null,
      sex: sexOf(header.cell('SEX')), ethnicity: header.cell('ETHNIC'), disabilities: null,
    }))
    counts.children++
    if (child.created) counts.created++
    if (header.cell('MOTHER') === '1') await importMotherhood(trx, source, child.id, laChildId, dateOf(header.cell('MC_DOB')))
    await importCare(trx, source, counts, child.id, of('Episodes', laChildId), of('PrevPerm', laChildId), year)
    for (const row of of('Reviews', laChildId)) {
      const date = dateOf(row.cell('REVIEW'))
      const imported = date && row.cell('REVIEW_CODE') && await recordOf(counts, 'Reviews', row, () => importReview(trx, source, child.id, date, row.cell('REVIEW_CODE')!))
      if (!imported) counts.skipped.push({ table: 'Reviews', row: row.index + 1, reason: 'it has no date or participation code Kindred can read, or falls outside any period of care' })
    }
    for (const row of of('Missing', laChildId)) {
      const start = dateOf(row.cell('MIS_START'))
      const kind = row.cell('MISSING')
      if (!start || (kind !== 'M' && kind !== 'A')) { counts.skipped.push({ table: 'Missing', row: row.index + 1, reason: 'it has no start date or kind (M or A) Kindred can read' }); continue }
      await recordOf(counts, 'Missing', row, () => importMissing(trx, source, child.id, kind, start, dateOf(row.cell('MIS_END'))))
    }
    for (const row of of('UASC', laChildId)) await recordOf(counts, 'UASC', row, () => importUasc(trx, source, child.id, dateOf(row.cell('DUC'))))
    for (const row of of('OC2', laChildId)) {
      const imported = await recordOf(counts, 'OC2', row, () => importHealth(trx, source, oc2(child.id, row)))
      if (!imported) counts.skipped.push({ table: 'OC2', row: row.index + 1, reason: 'the child has no period of care on the census date to hold it' })
    }
    for (const row of of('PlacedAdoption', laChildId)) {
      const [placed, ceased] = [dateOf(row.cell('DATE_PLACED')), dateOf(row.cell('DATE_PLACED_CEASED'))]
      await milestone(trx, source, counts, child.id, row, 'PlacedAdoption', 'decision', placed)
      await milestone(trx, source, counts, child.id, row, 'PlacedAdoption', 'no_longer_placed', ceased, row.cell('REASON_PLACED_CEASED'))
    }
    for (const row of of('AD1', laChildId)) {
      await milestone(trx, source, counts, child.id, row, 'AD1', 'decision', dateOf(row.cell('DATE_INT')))
      await milestone(trx, source, counts, child.id, row, 'AD1', 'matched', dateOf(row.cell('DATE_MATCH')))
    }
    for (const row of of('SWEpisodes', laChildId)) await socialWorkerEpisode(trx, source, counts, child.id, row)
    for (const row of of('OC3', laChildId)) {
      const [dateOfBirth, inTouch, activity, accommodation] = [dateOf(row.cell('DOB')) ?? dateOf(header.cell('DOB')), row.cell('IN_TOUCH'), row.cell('ACTIV'), row.cell('ACCOM')]
      const imported = dateOfBirth && inTouch && activity && accommodation
        && await recordOf(counts, 'OC3', row, () => importBirthdayContact(trx, source, { childId: child.id, dateOfBirth, inTouch, activity, accommodation }))
      if (!imported) counts.skipped.push({ table: 'OC3', row: row.index + 1, reason: 'it has no date of birth with a 17th to 21st birthday in the year, or a blank where Kindred needs an answer' })
    }
    progress.advance()
  }
  for (const [table, byChild] of rows) {
    for (const [laChildId, list] of byChild) {
      if (table === 'Header' || rows.get('Header')?.has(laChildId)) continue
      for (const row of list) counts.skipped.push({ table, row: row.index + 1, reason: 'the child has no row in the Header table' })
    }
  }
  return counts
}

async function importCare(trx: Kysely<DB>, source: ImportSource, counts: ImportedCounts, childId: string, episodeRows: Row[], prevPerm: Row[], year: CollectionYear): Promise<void> {
  const episodes: Array<{ row: Row; episode: ImportedEpisode; categoryOfNeed: string }> = []
  for (const row of episodeRows) {
    const startDate = dateOf(row.cell('DECOM'))
    const [reasonNewEpisode, legalStatus, placementType] = [row.cell('RNE'), row.cell('LS'), row.cell('PLACE')]
    if (!startDate || !reasonNewEpisode || !legalStatus || !placementType) {
      counts.skipped.push({ table: 'Episodes', row: row.index + 1, reason: 'it has no start date, reason for the new episode, legal status or placement Kindred can read' })
      continue
    }
    const endDate = dateOf(row.cell('DEC'))
    episodes.push({
      row, categoryOfNeed: row.cell('CIN') ?? '',
      episode: {
        startDate, reasonNewEpisode, legalStatus, placementType, provider: row.cell('PLACE_PROVIDER'), urn: row.cell('URN'),
        homePostcode: row.cell('HOME_POST'), placementPostcode: row.cell('PL_POST'), endDate, reasonCeased: endDate ? row.cell('REC') : null,
        reasonPlaceChange: row.cell('REASON_PLACE_CHANGE'),
      },
    })
  }
  episodes.sort((a, b) => a.episode.startDate.localeCompare(b.episode.startDate))
  const periods: (typeof episodes)[] = []
  for (const item of episodes) {
    const previous = periods.at(-1)?.at(-1)
    if (!previous || item.episode.reasonNewEpisode === 'S' || previous.episode.reasonCeased !== 'X1') periods.push([item])
    else periods.at(-1)!.push(item)
  }
  // PrevPerm has a row for each period that began in the year, in order.
  const permanence = [...prevPerm]
  for (const period of periods) {
    const first = period[0]!
    const began = first.episode.reasonNewEpisode === 'S' && first.episode.startDate >= year.start && first.episode.startDate <= year.end
    const previous = began ? permanence.shift() : undefined
    await recordOf(counts, 'Episodes', first.row, () => importCarePeriod(trx, source, {
      childId, categoryOfNeed: first.categoryOfNeed, episodes: period.map((p) => p.episode),
      previousPermanence: previous ? { code: previous.cell('PREV_PERM'), la: previous.cell('LA_PERM'), date: dateOf(previous.cell('DATE_PERM')) } : null,
    }))
    counts.records.Episodes! += period.length - 1
    if (previous) counts.records.PrevPerm = (counts.records.PrevPerm ?? 0) + 1
  }
}

/** A social worker episode as an allocation to the staff member with that registration number. */
async function socialWorkerEpisode(trx: Kysely<DB>, source: ImportSource, counts: ImportedCounts, childId: string, row: Row): Promise<void> {
  const [registrationNumber, startedOn] = [row.cell('SW_ID'), dateOf(row.cell('SW_DECOM'))]
  const allocated = registrationNumber?.startsWith('SW') && startedOn && await recordOf(counts, 'SWEpisodes', row, () => importSocialWorkerEpisode(trx, source, {
    childId, registrationNumber, startedOn, endedOn: dateOf(row.cell('SW_DEC')), reason: row.cell('SW_REASON'),
  }))
  if (!allocated) counts.skipped.push({ table: 'SWEpisodes', row: row.index + 1, reason: 'no worker in Kindred’s staff records, with an account and a team, holds that Social Work England number' })
}

/** One adoption milestone a row gives (none when the date is blank); a row Kindred cannot place is reported. */
async function milestone(trx: Kysely<DB>, source: ImportSource, counts: ImportedCounts, childId: string, row: Row, table: string,
  kind: ImportedMilestone, date: string | null, reason: string | null = null): Promise<void> {
  if (!date) return
  const placed = (kind !== 'no_longer_placed' || reason) && await recordOf(counts, table, row, () => importAdoptionMilestone(trx, source, childId, kind, date, reason))
  if (!placed) counts.skipped.push({ table, row: row.index + 1, reason: kind === 'no_longer_placed' && !reason ? 'it has no reason the child is no longer to be placed for adoption' : 'the child has no period of care to hold it' })
}

/** OC2's items: 1 is yes, 0 no, blank not said. */
function oc2(childId: string, row: Row): ImportedHealth {
  const yes = (column: string) => (row.cell(column) === null ? null : row.cell(column) === '1')
  const score = row.cell('SDQ_SCORE')
  return {
    childId, healthAssessment: yes('HEALTH_ASSESSMENT') === true || yes('HEALTH_CHECK') === true, dentalCheck: yes('TEETH_CHECK') === true,
    immunisationsUpToDate: yes('IMMUNISATIONS'), substanceMisuse: yes('SUBSTANCE_MISUSE'),
    convicted: yes('CONVICTED') === true,
    substanceMisuseIntervention: interventionOf(yes('INTERVENTION_RECEIVED'), yes('INTERVENTION_OFFERED')),
    sdqScore: score !== null && /^\d+$/.test(score) ? Number(score) : null, sdqReason: row.cell('SDQ_REASON'),
  }
}

/** Received (1, blank), offered and not taken up (0, 1) or not offered (0, 0), as the generator writes them. */
function interventionOf(received: boolean | null, offered: boolean | null): ImportedHealth['substanceMisuseIntervention'] {
  if (received === true) return 'received'
  if (received === false && offered !== null) return offered ? 'offered' : 'not_offered'
  return null
}

/** The 903's SEX: M, F or U since 2024/25; 1 and 2 before. */
function sexOf(cell: string | null): 'M' | 'F' | 'U' | null {
  if (cell === '1') return 'M'
  if (cell === '2') return 'F'
  return cell === 'M' || cell === 'F' || cell === 'U' ? cell : null
}
