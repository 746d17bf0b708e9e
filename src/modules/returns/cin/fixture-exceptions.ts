// CIN rule test cases that cannot pass as written, each with why and what the rule does flag on that case.
// `ruleset` is the fixture folder holding the case (the rule version's `defined_in_year`). Implementations follow
// the rule's message and the real return, not the defective case.

export interface CinFixtureException {
  ruleset: string
  code: string
  reason: string
  /** What Kindred flags on the case instead, as `Table:rowLabel`. */
  flags: string[]
}

export const cinFixtureExceptions: CinFixtureException[] = [
  {
    ruleset: 'cin2023_24',
    code: '1530',
    reason:
      'the case compares UPN characters (text) with LA numbers held as numbers, so it never checked the list; ' +
      'its expected rows also accept "003", which is no DfE local authority number',
    flags: ['ChildIdentifiers:2', 'ChildIdentifiers:4', 'ChildIdentifiers:5', 'ChildIdentifiers:6'],
  },
]
