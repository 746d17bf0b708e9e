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
  {
    ruleset: 'cin2022_23',
    code: '8935',
    reason:
      'the case contradicts the message ("This child is showing more than one open Child Protection plan"): child1 has ' +
      'two open plans, CPPID1 (listed twice, rows 0 and 1) and CPPID2 (row 2), yet the case flags only the rows of ' +
      'CPPID1, counting open rows per plan rather than open plans per child. Kindred counts a child\'s open plans within ' +
      'each CIN episode (as rule 4004 does for CIN plans; the case has no CINdetailsID, so all of a child\'s count together)',
    flags: [
      'ChildProtectionPlans:0', 'ChildProtectionPlans:1', 'ChildProtectionPlans:2',
      'ChildProtectionPlans:4', 'ChildProtectionPlans:5',
    ],
  },
]
