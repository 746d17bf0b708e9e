// Rule test cases that cannot pass as written, each with why. `ruleset` is the fixture folder holding the defective
// case (the rule version's `defined_in_year`), so one entry covers every collection year using that version.
// Implementations follow the rule's message and the real return's columns, not the defective case.

export interface FixtureException {
  ruleset: string
  code: string
  reason: string
}

export const fixtureExceptions: FixtureException[] = [
  {
    ruleset: 'lac2022_23',
    code: '392c',
    reason: 'the case flags AB1 0JD, well formed but not in the postcode directory (Aberdeen retired AB1), which ' +
      'needs the ONS directory; the case supplies none, so only malformed postcodes can be flagged. The rule checks ' +
      'metadata.postcodes when given (see group-300-499.test.ts).',
  },
]
