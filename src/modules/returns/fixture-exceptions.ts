// The DfE rule test cases, for both returns, that cannot pass as written: only the defects the shared returns README
// documents (cases using columns the real return does not have, listed in fixtures/ssda903/NONSTANDARD_COLUMNS.csv;
// 903 rule 392c, which needs the real postcode directory; CIN rule 1530, whose case compares a number with text), each
// with why. Every other case passes exactly as the DfE tools expect, even where their reading is odd (noted at the rule).
// `ruleset` is the fixture folder holding the case (the rule version's `defined_in_year`: lacYYYY_YY for the SSDA903,
// cinYYYY_YY for the CIN census), so one entry covers every collection year using that version.
import type { FixtureCall } from './validation/fixtures.js'

export interface FixtureException {
  ruleset: string
  code: string
  reason: string
  /**
   * For a case that only names a column wrongly: `Table.COLUMN` to the return's real column name. The harness then
   * runs the case with the columns renamed instead of skipping it.
   */
  renamedColumns?: Record<string, string>
  /** For a case whose expected rows cannot be right: what Kindred flags on it instead, table by table (row labels). */
  flags?: Record<string, string[]>
}

export const fixtureExceptions: readonly FixtureException[] = [
  {
    ruleset: 'lac2024_25',
    code: '231',
    reason: 'the case gives UASC status in Header.UASC_STATUS, a column the return does not have (NONSTANDARD_COLUMNS.csv); '
      + 'with the real Header.UASC column the rule flags exactly the expected row',
    renamedColumns: { 'Header.UASC_STATUS': 'UASC' },
  },
  {
    ruleset: 'lac2025_26',
    code: '233',
    reason: 'the case gives the date ceased as Episodes.DATE_EPISODE_CEASED, not the return\'s DEC (NONSTANDARD_COLUMNS.csv); '
      + 'with the column named DEC the rule flags exactly the expected row',
    renamedColumns: { 'Episodes.DATE_EPISODE_CEASED': 'DEC' },
  },
  {
    ruleset: 'lac2022_23',
    code: '392c',
    reason: 'the case expects the well-formed AB1 0JD flagged too, which depends on the real postcode directory (the DfE '
      + 'tool\'s own test of it fails); without that directory only malformed postcodes can be judged',
    flags: { Episodes: ['1', '2', '3'] },
  },
  {
    ruleset: 'lac2026_27',
    code: '709',
    reason: 'the case gives the placement type as Episodes.PLACEMENT, not the return\'s PLACE (NONSTANDARD_COLUMNS.csv); '
      + 'with the column named PLACE the rule flags exactly the expected rows',
    renamedColumns: { 'Episodes.PLACEMENT': 'PLACE' },
  },
  {
    ruleset: 'lac2026_27',
    code: '710',
    reason: 'the case gives the placement type as Episodes.PLACEMENT, not the return\'s PLACE (NONSTANDARD_COLUMNS.csv); '
      + 'with the column named PLACE the rule flags exactly the expected rows',
    renamedColumns: { 'Episodes.PLACEMENT': 'PLACE' },
  },
  {
    ruleset: 'cin2023_24',
    code: '1530',
    reason: 'the case compares UPN characters (text) with LA numbers held as numbers, so it never checked the list; '
      + 'its expected rows also accept "003", which is no DfE local authority number',
    flags: { ChildIdentifiers: ['2', '4', '5', '6'] },
  },
]

export function fixtureException(ruleset: string, code: string): FixtureException | undefined {
  return fixtureExceptions.find((e) => e.ruleset === ruleset && e.code === code)
}

/** Gives a case's wrongly named columns (`Table.COLUMN`) their names in the real return. */
export function renameColumns(call: FixtureCall, renamed: Record<string, string>): void {
  for (const [from, to] of Object.entries(renamed)) {
    const [tableName, columnName] = from.split('.')
    const table = call.tables[tableName ?? '']
    if (table) table.columns = table.columns.map((name) => (name === columnName ? to : name))
  }
}
