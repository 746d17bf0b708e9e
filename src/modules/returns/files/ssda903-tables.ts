// The SSDA903 tables as submitted in CSV form (2025/26 and 2026/27: schemas/SSDA903_schema_*.yml), their
// columns in order, and which hold dates (dd/mm/yyyy).

export const SSDA903_TABLES = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: ['CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK',
    'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
} as const satisfies Record<string, readonly string[]>

export type Ssda903TableName = keyof typeof SSDA903_TABLES

/** Columns holding whole dates. DATE_PERM is left out: it may have unknown parts written as ZZ. */
export const SSDA903_DATE_COLUMNS: ReadonlySet<string> = new Set([
  'DOB', 'MC_DOB', 'DECOM', 'DEC', 'REVIEW', 'DUC', 'DATE_INT', 'DATE_MATCH', 'DATE_PLACED', 'DATE_PLACED_CEASED',
  'MIS_START', 'MIS_END', 'SW_DECOM', 'SW_DEC',
])

/** Columns that tell no table from another: every table has CHILD, most DOB, two SEX. */
const SHARED_COLUMNS = new Set(['CHILD', 'DOB', 'SEX'])

/**
 * The table a file's header row is, judged by its columns whatever the file is called: the table whose columns the
 * header covers best, which must share at least one column particular to it. Null when no table fits or two fit
 * equally.
 */
export function recogniseTable(header: readonly string[]): Ssda903TableName | null {
  const given = new Set(header)
  let best: { name: Ssda903TableName; score: number } | null = null
  let tied = false
  for (const [name, columns] of Object.entries(SSDA903_TABLES) as [Ssda903TableName, readonly string[]][]) {
    const shared = columns.filter((column) => given.has(column))
    if (!shared.some((column) => !SHARED_COLUMNS.has(column))) continue
    const score = shared.length / columns.length + shared.length / Math.max(given.size, 1)
    if (!best || score > best.score) { best = { name, score }; tied = false } else if (score === best.score) tied = true
  }
  return best && !tied ? best.name : null
}
