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
    code: '210',
    reason: 'the case flags UN4 children whose latest episode began in the last week of March and passes one looked after '
      + 'since January: the opposite of the message (UN4 is only for children newly looked after), so the rule follows '
      + 'the message',
  },
  {
    ruleset: 'lac2022_23',
    code: '1001',
    reason: 'the case treats child 3333 (69 days looked after since turning 14) as a care leaver but not child 2222 (looked '
      + 'after without a break since 2010 by this year\'s open episode); no reading of "13 weeks since the 14th birthday, '
      + 'some after the 16th" gives both, so the rule follows that definition',
  },
  {
    ruleset: 'lac2022_23',
    code: '392c',
    reason: 'the case expects the well-formed AB1 0JD flagged too, which depends on the real postcode directory (the DfE '
      + 'tool\'s own test of it fails); without that directory only malformed postcodes can be judged',
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
    ruleset: 'lac2022_23',
    code: '558',
    reason: 'the case flags two of four children whose adoption decisions have a ceased date and passes the other two, '
      + 'which look the same in every column the rule names; no reading of the input explains it, so the rule follows '
      + 'the message (an adopted child whose latest decision has a ceased date). Being reproduced against the DfE tool',
  },
  {
    ruleset: 'lac2024_25',
    code: 'SW10STG2',
    reason: 'the case passes an episode that starts inside the previous one and flags one that starts after it ended, the '
      + 'opposite of the message; the rule follows the message (a social worker episode may not start before the '
      + 'previous one ends). Being reproduced against the DfE tool',
  },
  {
    ruleset: 'lac2024_25',
    code: 'SW12STG2',
    reason: 'the case is dated 2023 with a 2024/25 collection year and treats a child as covered only when a social '
      + 'worker episode starts on or after the current care episode; the rule follows the message (a child looked '
      + 'after at 31 March must have social worker episodes back to the start of the year). Being reproduced',
  },
]
