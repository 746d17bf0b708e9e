// The contract every SSDA903 and CIN census rule implements.
import type { Tables } from './table.js'

export interface RuleContext {
  /** First and last day of the collection year (1 April, 31 March) as day numbers (see dates.ts). */
  collectionStart: number
  collectionEnd: number
  /** Other context some rules need (local authority code, provider information, postcode distances...). */
  metadata: Record<string, unknown>
}

/** A flagged row: the table it is in, its position in that table, and the fields at fault. */
export interface Failure {
  table: string
  row: number
  fields: string[]
  /**
   * Rows flagged together for one problem share a group (the CIN census tool's ERROR_ID): a plan and the
   * conference it should match, or two overlapping episodes. Optional: single-row problems need none.
   */
  group?: string
  /** A query about the return as a whole (CIN's `la_level`) rather than any row: `row` is then -1. */
  returnLevel?: boolean
}

export interface Rule {
  /** DfE rule code, exactly as in rules/*.csv (`101`, `197a`, `INT01`, `SW01aSTG1`, `8500`, `8525Q`). */
  code: string
  /** The ruleset folder whose version of the rule this is (`lac2022_23`, `cin2024_25`): the `defined_in_year` column. */
  definedIn: string
  /** Table-at-a-time check: no I/O, no per-row database queries. */
  validate(tables: Tables, context: RuleContext): Failure[]
}
