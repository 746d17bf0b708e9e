// A synthetic SSDA903 return for benchmarks: deterministic from the size, shaped like a real authority's (ages,
// legal statuses, placement moves, reviews, missing episodes, social workers, care leavers' OC3 rows, adoptions),
// with a small share of the mistakes real returns carry (blank or wrong codes, mangled dates, episodes out of
// order) so that the rules have failures to find.
import { generateUpn } from '../../../platform/identifiers/upn.js'
import { Random } from '../../../platform/seed/random.js'
import { SSDA903_TABLES, type Ssda903TableName } from '../files/ssda903-tables.js'
import type { Cell, Table } from '../validation/table.js'

const DAY = 86_400_000
const ETHNIC = ['WBRI', 'WBRI', 'WBRI', 'WBRI', 'WOTH', 'MWBC', 'MOTH', 'AIND', 'APKN', 'BAFR', 'BCRB', 'CHNE', 'OOTH']
const LEGAL = ['C2', 'C2', 'C2', 'C2', 'V2', 'V2', 'C1', 'E1']
const PLACE = ['U1', 'U3', 'U4', 'U6', 'U1', 'U3', 'U4', 'K2', 'R1']
const REASON_CEASED = ['E11', 'E12', 'E13', 'E41', 'E45', 'E48', 'E4A', 'E8']
const MOVE_REASON = ['CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CHILD', 'LAREQ', 'PLACE', 'OTHER']
const POSTCODES = ['ME14 1XX', 'CT1 2AB', 'TN23 1DA', 'DA1 1BN', 'CT20 1SN', 'ME15 6RR', 'TN1 1UU', 'CT9 1XZ']
const MISTAKES = 0.01

type Row = Record<string, Cell>

export function synthetic903(children: number, collectionYear: number, seed = 'bench-903'): Record<Ssda903TableName, Table> {
  const random = new Random(`${seed}/${children}/${collectionYear}`)
  const rows = Object.fromEntries(Object.keys(SSDA903_TABLES).map((name) => [name, [] as Row[]])) as Record<Ssda903TableName, Row[]>
  const yearStart = Date.UTC(collectionYear - 1, 3, 1) / DAY
  const yearEnd = Date.UTC(collectionYear, 2, 31) / DAY
  for (let n = 0; n < children; n++) addChild(random, rows, `${100000 + n}`, yearStart, yearEnd, n)
  return Object.fromEntries((Object.keys(rows) as Ssda903TableName[]).map((name) => {
    const columns = SSDA903_TABLES[name]
    return [name, { columns: [...columns], rows: rows[name].map((row) => columns.map((column) => mistake(random, row[column] ?? null))) }]
  })) as Record<Ssda903TableName, Table>
}

function addChild(random: Random, rows: Record<Ssda903TableName, Row[]>, child: string, yearStart: number, yearEnd: number, n: number): void {
  const ageAtEnd = random.pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 14, 15, 15, 16, 16, 17, 17])
  const dobDay = yearEnd - ageAtEnd * 365 - random.below(365)
  const dob = dmy(dobDay)
  const sex = random.chance(0.56) ? 'M' : 'F'
  const identity = { CHILD: child, DOB: dob }
  rows.Header.push({
    ...identity, SEX: sex, ETHNIC: random.pick(ETHNIC), MOTHER: sex === 'F' ? '0' : null,
    UPN: ageAtEnd >= 4 ? generateUpn({ laCode: 886, establishment: 1000 + Math.floor(n / 1000), year: 10 + (n % 15), serial: n % 1000 }) : 'UN1',
  })

  // Care began up to six years ago (not before birth); a few moves, each a new episode; most still looked after.
  const careStart = Math.max(dobDay + random.below(60), yearEnd - random.below(Math.min(6 * 365, (yearEnd - dobDay) || 1)))
  let start = careStart
  const legal = random.pick(LEGAL)
  const need = random.pick(['N1', 'N1', 'N2', 'N4'])
  const moves = random.below(4)
  const leaves = random.chance(0.35)
  // Only children looked after at some time in the year are in the return: those who left, left during it.
  const end = leaves ? Math.min(yearEnd, Math.max(start + 30, yearStart) + random.below(300)) : null
  const lastDay = end ?? yearEnd
  const step = Math.max(1, Math.floor((lastDay - start) / (moves + 1)))
  let socialWorkerStart = Math.max(start, yearStart)
  for (let e = 0; e <= moves; e++) {
    const episodeEnd = e < moves ? start + step : end
    const place = random.pick(PLACE)
    rows.Episodes.push({
      CHILD: child, DECOM: dmy(start), RNE: e === 0 ? 'S' : 'P', LS: legal, CIN: need,
      PLACE: place, PLACE_PROVIDER: place.startsWith('U') ? 'PR1' : random.pick(['PR1', 'PR4', 'PR5']),
      DEC: episodeEnd === null ? null : dmy(episodeEnd),
      REC: episodeEnd === null ? null : e < moves ? 'X1' : random.pick(REASON_CEASED),
      REASON_PLACE_CHANGE: e < moves ? random.pick(MOVE_REASON) : null,
      HOME_POST: POSTCODES[n % POSTCODES.length]!, PL_POST: POSTCODES[(n + 1 + e) % POSTCODES.length]!,
      URN: place === 'K2' ? `SC${String(400000 + random.below(99999))}` : 'XXXXXXX',
    })
    if (episodeEnd !== null) start = episodeEnd
  }

  // Reviews every six months while in care this year; missing episodes for some older children.
  for (let review = Math.max(yearStart, careStart + 20); review <= lastDay; review += 182) {
    rows.Reviews.push({ ...identity, REVIEW: dmy(review), REVIEW_CODE: ageAtEnd >= 4 ? random.pick(['PN1', 'PN2', 'PN3', 'PN4']) : 'PN0' })
  }
  if (ageAtEnd >= 11 && random.chance(0.12)) {
    for (let m = random.between(1, 4), day = yearStart + random.below(200); m > 0; m--, day += 20) {
      rows.Missing.push({ ...identity, MISSING: random.pick(['M', 'A']), MIS_START: dmy(day), MIS_END: random.chance(0.9) ? dmy(day + 1 + random.below(3)) : null })
    }
  }
  for (let w = random.between(1, 3); w > 0 && socialWorkerStart <= lastDay; w--) {
    const changes = w > 1 && socialWorkerStart + 120 < lastDay
    const swEnd = changes ? socialWorkerStart + 120 : end
    // Since April 2023 every social worker episode gives the reason it began.
    const reason = random.pick(['MANAGE', 'LEFTRL', 'ORGRST', 'CHCHAN', 'OTHERS'])
    rows.SWEpisodes.push({ ...identity, SW_ID: `SW${random.below(900)}`, SW_DECOM: dmy(socialWorkerStart), SW_DEC: swEnd === null ? null : dmy(swEnd), SW_REASON: reason })
    if (swEnd === null) break
    socialWorkerStart = swEnd + 1
  }

  if (!leaves && careStart <= yearStart) addHealth(random, rows, identity, ageAtEnd)
  if (ageAtEnd >= 16 && random.chance(0.4)) {
    rows.OC3.push({ ...identity, IN_TOUCH: 'YES', ACTIV: random.pick(['F1', 'P1', 'F2', 'G4']), ACCOM: random.pick(['B1', 'C1', 'D1', 'T1', 'S1']) })
  }
  if (ageAtEnd <= 4 && random.chance(0.1)) addAdoption(random, rows, identity, yearStart)
  if (ageAtEnd >= 14 && sex === 'M' && random.chance(0.08)) rows.UASC.push({ ...identity, SEX: sex, DUC: dmy(dobDay + 18 * 365) })
  // Every period of care that began in the year says whether the child had a permanence order before.
  if (careStart >= yearStart) rows.PrevPerm.push({ ...identity, PREV_PERM: 'Z1', LA_PERM: null, DATE_PERM: null })
}

function addHealth(random: Random, rows: Record<Ssda903TableName, Row[]>, identity: Row, age: number): void {
  const yes = () => (random.chance(0.9) ? '1' : '0')
  const sdq = age >= 4 && age <= 16
  rows.OC2.push({
    ...identity, SDQ_SCORE: sdq ? String(random.below(40)) : null, SDQ_REASON: null,
    CONVICTED: age >= 10 ? (random.chance(0.04) ? '1' : '0') : null, HEALTH_CHECK: age < 5 ? yes() : null, IMMUNISATIONS: yes(), TEETH_CHECK: yes(),
    HEALTH_ASSESSMENT: yes(), SUBSTANCE_MISUSE: random.chance(0.05) && age >= 10 ? '1' : '0', INTERVENTION_RECEIVED: null, INTERVENTION_OFFERED: null,
  })
}

function addAdoption(random: Random, rows: Record<Ssda903TableName, Row[]>, identity: Row, yearStart: number): void {
  const decision = yearStart + random.below(200)
  rows.PlacedAdoption.push({ ...identity, DATE_PLACED: dmy(decision), DATE_PLACED_CEASED: null, REASON_PLACED_CEASED: null })
  rows.AD1.push({
    ...identity, DATE_INT: dmy(decision - 30), DATE_MATCH: dmy(decision), FOSTER_CARE: '0', NB_ADOPTR: '2',
    SEX_ADOPTR: random.pick(['MF', 'MM', 'FF']), LS_ADOPTR: random.pick(['L0', 'L11', 'L12']),
  })
}

/** Now and then, the kind of slip a real return has: a blank, a code that is not one, a date Excel has reformatted. */
function mistake(random: Random, cell: Cell): Cell {
  if (!random.chance(MISTAKES) || cell === null) return cell
  switch (random.below(3)) {
    case 0: return null
    case 1: return /^\d{2}\/\d{2}\/\d{4}$/.test(cell) ? `${cell.slice(6)}-${cell.slice(3, 5)}-${cell.slice(0, 2)} 00:00:00` : 'X9'
    default: return cell.toLowerCase()
  }
}

function dmy(day: number): string {
  const date = new Date(day * DAY)
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`
}
