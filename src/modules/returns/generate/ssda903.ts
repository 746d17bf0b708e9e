// The SSDA903 return for a collection year, read from the casework as the return's own tables (CSV columns, dates
// dd/mm/yyyy). Following the 903 guide: every child looked after at any time in the year, each episode open in the
// year, reviews and missing episodes in the year, social worker episodes in it for children looked after on 31 March,
// OC2 for children looked after continuously for 12 months at 31 March, OC3 for care leavers with a 17th-21st
// birthday in the year, AD1 for children adopted in the year, and PrevPerm for periods that started in it. Dates after
// 31 March are not yet known to the return: an episode ending later is returned open.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import { addYears, type LocalDate } from '../../../platform/working-days/local-date.js'
import { oc3Rows } from '../../care-leavers/service.js'
import {
  adoptionFor, childIdsLookedAfterBetween, healthFor, missingFor, periodsOfCare, reviewsFor, uascFor,
} from '../../looked-after/service.js'
import { childCharacteristics, motherhoodOf, type ChildCharacteristics } from '../../people/service.js'
import { adopterItemsOf } from '../../placements/service.js'
import { socialWorkerEpisodes } from '../../workforce/service.js'
import { SSDA903_TABLES, type Ssda903TableName } from '../files/ssda903-tables.js'
import type { Cell, Table } from '../validation/table.js'
import { inBatches, returnChildId } from './batches.js'
import type { BuildOptions } from './cin-census.js'
import { byCensusDate, overlapsYear, type CollectionYear } from './collection-year.js'

/** The year SWEpisodes joined the return (2023/24). */
const SW_EPISODES_FROM_YEAR = 2024
/** Adoption ends a period of care with one of these reasons (903 REC). */
const ADOPTED = new Set(['E11', 'E12'])
const SHORT_BREAKS = new Set(['V3', 'V4'])

export interface Ssda903Return {
  laCode: string
  year: CollectionYear
  tables: Record<Ssda903TableName, Table>
  /** The return's CHILD id for each Kindred child, to link a finding back to the child's record. */
  childIds: Map<string, string>
}

/** The tables this year's return has, in the order DfE lists them. */
export function ssda903TableNames(year: CollectionYear): Ssda903TableName[] {
  const names = Object.keys(SSDA903_TABLES) as Ssda903TableName[]
  return year.year >= SW_EPISODES_FROM_YEAR ? names : names.filter((name) => name !== 'SWEpisodes')
}

/** yyyy-mm-dd as the 903's dd/mm/yyyy. */
export const dmy = (date: LocalDate | null): Cell => (date ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : null)

type Row = Partial<Record<string, Cell>>

export async function buildSsda903(db: Kysely<DB>, laCode: string, year: CollectionYear, options: BuildOptions = {}): Promise<Ssda903Return> {
  const [inCare, careLeavers] = await Promise.all([
    childIdsLookedAfterBetween(db, laCode, year.start, year.end),
    oc3Rows(db, laCode, year.year - 1, options.childIds),
  ])
  const population = [...new Set([...inCare, ...careLeavers.map((r) => r.CHILD)])].sort()
  const wanted = options.childIds ? population.filter((id) => options.childIds!.includes(id)) : population
  const rows = Object.fromEntries(ssda903TableNames(year).map((name) => [name, [] as Row[]])) as Record<Ssda903TableName, Row[]>
  const childIds = new Map<string, string>()
  const careLeaverIds = new Set(careLeavers.map((r) => r.CHILD))
  await inBatches(wanted, options.onProgress, async (ids) => {
    const batch = await batchRows(db, laCode, year, ids, careLeavers.filter((r) => ids.includes(r.CHILD)), careLeaverIds)
    for (const [id, child] of batch.childIds) childIds.set(id, child)
    for (const [name, more] of Object.entries(batch.rows)) rows[name as Ssda903TableName]?.push(...more)
    return []
  })
  const tables = Object.fromEntries(Object.entries(rows).map(([name, list]) => {
    const columns = [...SSDA903_TABLES[name as Ssda903TableName]]
    return [name, { columns, rows: list.map((row) => columns.map((c) => row[c] ?? null)) }]
  })) as Record<Ssda903TableName, Table>
  return { laCode, year, tables, childIds }
}

async function batchRows(db: Kysely<DB>, laCode: string, year: CollectionYear, ids: readonly string[],
  careLeavers: Awaited<ReturnType<typeof oc3Rows>>, careLeaverIds: ReadonlySet<string>) {
  const [people, mothers, periods, reviews, uasc, adoption, health, missing, workers] = await Promise.all([
    childCharacteristics(db, laCode, ids), motherhoodOf(db, laCode, ids), periodsOfCare(db, laCode, ids), reviewsFor(db, ids),
    uascFor(db, ids), adoptionFor(db, ids), healthFor(db, ids), missingFor(db, ids), socialWorkerEpisodes(db, laCode, ids),
  ])
  const adopters = await adopterItemsOf(db, adoption.flatMap((a) => (a.adopterHouseholdId ? [a.adopterHouseholdId] : [])))
  const rows: Partial<Record<Ssda903TableName, Row[]>> = {}
  const add = (table: Ssda903TableName, row: Row) => (rows[table] ??= []).push(row)
  const childIds = new Map<string, string>()
  for (const person of people) {
    const CHILD = returnChildId(person)
    const DOB = dmy(person.dateOfBirth)
    childIds.set(person.id, CHILD)
    const own = periods.filter((p) => p.childId === person.id)
    const periodsInYear = own.filter((p) => overlapsYear(p.start, p.end, year))
    const episodes = periodsInYear.flatMap((p) => p.episodes).filter((e) => overlapsYear(e.DECOM, e.DEC, year))
    const lookedAfter = episodes.some((e) => !SHORT_BREAKS.has(e.LS))
    add('Header', { CHILD, SEX: person.sex, DOB, ETHNIC: person.ethnicity, UPN: person.upn ?? upnUnknown903(person.upnUnknownReason), ...mother(person, mothers, lookedAfter, careLeaverIds) })
    for (const e of episodes) {
      const ended = byCensusDate(e.DEC, year)
      add('Episodes', {
        CHILD, DECOM: dmy(e.DECOM), RNE: e.RNE, LS: e.LS, CIN: e.CIN, PLACE: e.PLACE, PLACE_PROVIDER: e.PLACE_PROVIDER,
        DEC: dmy(ended), REC: ended ? e.REC : null, REASON_PLACE_CHANGE: e.REASON_PLACE_CHANGE, HOME_POST: e.HOME_POST, PL_POST: e.PL_POST, URN: e.URN,
      })
    }
    for (const r of reviews.filter((r) => r.CHILD === person.id && inYear(r.REVIEW, year))) add('Reviews', { CHILD, DOB, REVIEW: dmy(r.REVIEW), REVIEW_CODE: r.REVIEW_CODE })
    // UASC for a child looked after in the year who was unaccompanied at some time in it (rules 104, 1014).
    for (const u of uasc.filter((u) => u.CHILD === person.id && episodes.length > 0 && (u.DUC === null || u.DUC >= year.start))) {
      add('UASC', { CHILD, SEX: person.sex, DOB, DUC: dmy(byCensusDate(u.DUC, year)) })
    }
    for (const m of missing.filter((m) => m.CHILD === person.id && overlapsYear(m.MIS_START, m.MIS_END, year))) {
      add('Missing', { CHILD, DOB, MISSING: m.MISSING, MIS_START: dmy(m.MIS_START), MIS_END: dmy(byCensusDate(m.MIS_END, year)) })
    }
    const current = own.find((p) => p.end === null || p.end > year.end)
    // Social worker episodes are for children looked after on 31 March: every worker they had in the year,
    // in care or not (rules SW12STG2, SW17STG2).
    if (year.year >= SW_EPISODES_FROM_YEAR && current && !SHORT_BREAKS.has(current.episodes.at(-1)?.LS ?? '')) {
      for (const w of workers.filter((w) => w.CHILD === person.id && overlapsYear(w.SW_DECOM, w.SW_DEC, year))) {
        const ended = byCensusDate(w.SW_DEC, year)
        add('SWEpisodes', { CHILD, DOB, SW_ID: w.SW_ID, SW_DECOM: dmy(w.SW_DECOM), SW_DEC: dmy(ended), SW_REASON: w.SW_REASON })
      }
    }
    if (current && person.dateOfBirth && current.start <= addYears(year.end, -1) && current.episodes.some((e) => !SHORT_BREAKS.has(e.LS))) {
      add('OC2', oc2Row(CHILD, person.dateOfBirth, health.find((h) => h.CHILD === person.id), year))
    }
    for (const o of careLeavers.filter((r) => r.CHILD === person.id)) add('OC3', { CHILD, DOB, IN_TOUCH: o.IN_TOUCH, ACTIV: o.ACTIV, ACCOM: o.ACCOM })
    for (const a of adoption.filter((a) => a.CHILD === person.id)) {
      if (a.DATE_PLACED && (a.DATE_PLACED_CEASED === null || a.DATE_PLACED_CEASED >= year.start) && a.DATE_PLACED <= year.end) {
        const ceased = byCensusDate(a.DATE_PLACED_CEASED, year)
        add('PlacedAdoption', { CHILD, DOB, DATE_PLACED: dmy(a.DATE_PLACED), DATE_PLACED_CEASED: dmy(ceased), REASON_PLACED_CEASED: ceased ? a.REASON_PLACED_CEASED : null })
      }
    }
    const adopted = periodsInYear.find((p) => p.end && inYear(p.end, year) && ADOPTED.has(p.reasonEnded ?? ''))
    if (adopted) {
      const record = adoption.find((a) => a.periodId === adopted.periodId)
      add('AD1', {
        CHILD, DOB, DATE_INT: dmy(record?.DATE_INT ?? null), DATE_MATCH: dmy(record?.DATE_MATCH ?? null),
        FOSTER_CARE: adoptedByFosterCarer(adopted.episodes.at(-1)?.PLACE), ...(record?.adopterHouseholdId ? adopters.get(record.adopterHouseholdId) : {}),
      })
    }
    for (const p of periodsInYear.filter((p) => inYear(p.start, year))) {
      add('PrevPerm', { CHILD, DOB, PREV_PERM: p.previousPermanence.PREV_PERM, LA_PERM: p.previousPermanence.LA_PERM, DATE_PERM: dmy(p.previousPermanence.DATE_PERM) })
    }
  }
  return { rows, childIds }
}

const inYear = (date: LocalDate, year: CollectionYear): boolean => date >= year.start && date <= year.end

/** AD1 FOSTER_CARE: whether the child was placed for adoption with their foster carer (A3, A5) or not (A4, A6; rule 335). */
const adoptedByFosterCarer = (place: string | undefined): string | null =>
  place === 'A3' || place === 'A5' ? '1' : place === 'A4' || place === 'A6' ? '0' : null

/**
 * The 903 knows UN1-UN5 only (rule 168); the census's two newer reasons in the 903's terms: newly arrived from
 * overseas (UN6) has never attended a school in England (UN2), and a UPN not obtained before a referral closed (UN7)
 * is not yet obtained (UN4).
 */
const upnUnknown903 = (reason: string | null): string | null => (reason === 'UN6' ? 'UN2' : reason === 'UN7' ? 'UN4' : reason)

/**
 * MOTHER for a girl looked after in the year: 1 with her eldest child's date of birth when her family network
 * records her as a mother, 0 otherwise. Care leavers not looked after in the year leave it blank (rule 628).
 */
function mother(person: ChildCharacteristics, mothers: Map<string, LocalDate | null>, lookedAfter: boolean, careLeavers: ReadonlySet<string>): Row {
  if (person.sex !== 'F' || (!lookedAfter && careLeavers.has(person.id))) return {}
  return mothers.has(person.id) ? { MOTHER: '1', MC_DOB: dmy(mothers.get(person.id) ?? null) } : { MOTHER: '0' }
}

/** Whole years of age on a date. */
const ageOn = (dateOfBirth: LocalDate, date: LocalDate): number =>
  Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4)) - (date.slice(5) < dateOfBirth.slice(5) ? 1 : 0)

/**
 * The OC2 items each age answers, as the 903 guide asks: the SDQ for children aged 4 to 16 (blank under 4 at
 * 31 March or 17 at 1 April: rules 188, 189), development checks for the under-5s only (545, 546), convictions
 * (and youth cautions) in the year from 10 (542, 543).
 */
function oc2Row(CHILD: string, dateOfBirth: LocalDate, health: Awaited<ReturnType<typeof healthFor>>[number] | undefined, year: CollectionYear): Row {
  const within = (date: LocalDate | null | undefined) => (date && inYear(date, year) ? '1' : '0')
  const ageAtEnd = ageOn(dateOfBirth, year.end)
  const sdq = ageAtEnd >= 4 && ageOn(dateOfBirth, year.start) < 17
  return {
    CHILD, DOB: dmy(dateOfBirth),
    SDQ_SCORE: sdq && health?.SDQ_SCORE != null ? String(health.SDQ_SCORE) : null, SDQ_REASON: sdq ? health?.SDQ_REASON ?? null : null,
    CONVICTED: ageAtEnd >= 10 ? (health?.convictions.some((d) => inYear(d, year)) ? '1' : '0') : null,
    HEALTH_CHECK: ageAtEnd < 5 ? within(health?.lastHealthAssessment) : null, IMMUNISATIONS: health?.IMMUNISATIONS ?? null, TEETH_CHECK: within(health?.lastDentalCheck),
    HEALTH_ASSESSMENT: within(health?.lastHealthAssessment), ...substanceMisuse(health, year),
  }
}

/**
 * SUBSTANCE_MISUSE: 1 for a problem identified in the year, 0 when the records show none then. With a problem, the
 * intervention: received (INTERVENTION_RECEIVED 1, OFFERED blank: rule 158), offered and not taken up (0 and 1) or
 * neither (0 and 0); received in any record of the year counts first.
 */
function substanceMisuse(health: Awaited<ReturnType<typeof healthFor>>[number] | undefined, year: CollectionYear): Row {
  const problems = (health?.substanceMisuse ?? []).filter((p) => inYear(p.on, year))
  if (problems.length === 0) return { SUBSTANCE_MISUSE: health?.SUBSTANCE_MISUSE == null ? null : '0' }
  const had = (intervention: string) => problems.some((p) => p.intervention === intervention)
  const [received, offered] = had('received') ? ['1', null] : had('offered') ? ['0', '1'] : had('not_offered') ? ['0', '0'] : [null, null]
  return { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: received, INTERVENTION_OFFERED: offered }
}
