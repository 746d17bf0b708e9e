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
  {
    ruleset: 'lac2024_25',
    code: 'SW10STG2',
    reason: 'the case contradicts the message ("A new social worker episode has started before the end date of the previous '
      + 'social worker episode"): it expects row 7 flagged (child 3\'s episode from 30/01/2000, after every earlier episode '
      + 'of the child had ended, by 20/01/2000) and expects row 1 to pass (child 1\'s episode from 02/01/2000, inside '
      + 'the episode 01/01/2000 to 09/01/2000), and likewise row 9 (child 6, from 01/01/2000 inside 01/01/1999 to '
      + '09/01/2000). The rule flags an episode that starts before the previous one ends: rows 1, 3, 5 and 9',
    flags: { SWEpisodes: ['1', '3', '5', '9'] },
  },
  {
    ruleset: 'lac2024_25',
    code: 'SW12STG2',
    reason: 'the case contradicts the message ("If a child is looked after on 31 March then all social worker episodes for '
      + 'the full previous year should be reported"): its year is 1 April 2024 to 31 March 2025, yet it expects child 10 '
      + 'flagged, who left care on 10/04/2023 and so was not looked after on 31 March 2025, and child 7, looked after on '
      + '31 March with a social worker episode from 01/02/2023, before the year began, so covering all of it. The rule '
      + 'flags children looked after on 31 March whose social worker episodes start after 1 April: rows 1 and 4',
    flags: { Episodes: ['1', '4'] },
  },
]
