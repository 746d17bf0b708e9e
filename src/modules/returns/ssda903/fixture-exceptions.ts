// Rule test cases that cannot pass as written, each with why. `ruleset` is the fixture folder holding the defective
// case (the rule version's `defined_in_year`), so one entry covers every collection year using that version.
// Implementations follow the rule's message and the real return's columns, not the defective case.

export interface FixtureException {
  ruleset: string
  code: string
  reason: string
  /**
   * For a case that only names a column wrongly: `Table.COLUMN` to the return's real column name. The harness then
   * runs the case with the columns renamed instead of skipping it.
   */
  renamedColumns?: Record<string, string>
  /** For a case whose expected rows are wrong: what Kindred flags on it instead, table by table (row labels). */
  flags?: Record<string, string[]>
}

export const fixtureExceptions: FixtureException[] = [
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
]
