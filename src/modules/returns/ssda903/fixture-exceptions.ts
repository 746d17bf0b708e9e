// Rule test cases that cannot pass as written, each with why. `ruleset` is the fixture folder holding the defective
// case (the rule version's `defined_in_year`), so one entry covers every collection year using that version.
// Implementations follow the rule's message and the real return's columns, not the defective case.

export interface FixtureException {
  ruleset: string
  code: string
  reason: string
}

export const fixtureExceptions: FixtureException[] = []
