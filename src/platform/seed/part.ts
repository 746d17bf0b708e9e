// The generator is a pipeline of parts. Each part maps the facts (facts.ts: families, children's
// histories; organisation.ts: teams and workers) to the rows of the tables it owns, and knows nothing of
// the other parts. A casework module adds its tables by adding a part to `seedParts` (parts/index.ts):
// the facts it needs are already generated, and it draws any extra randomness from its own stream, so
// the rows every other part writes stay the same.
import type { Executor } from '../audit/audit.js'
import type { SeedFamily, SeedPeriod } from './facts.js'
import type { IdMaker } from './identifiers.js'
import type { Organisation } from './organisation.js'
import type { AuthorityPlan } from './plan.js'
import type { Random } from './random.js'

/** How a column's values travel: every batch is one `insert ... select from unnest(...)`. */
export type ColumnType = 'uuid' | 'text' | 'date' | 'timestamptz' | 'int' | 'numeric' | 'bool' | 'text[]' | 'jsonb'

export interface SeedTable {
  name: string
  /** Columns in insert order. A column left out of a row is written as null. */
  columns: ReadonlyArray<readonly [string, ColumnType]>
}

export type SeedRow = Record<string, string | number | boolean | null | readonly string[] | Record<string, unknown> | readonly object[]>

/** Hands a row to the writer, which batches it with others for the same table. */
export type Emit = (table: SeedTable, row: SeedRow) => void

export interface SeedContext {
  seed: number
  plan: AuthorityPlan
  period: SeedPeriod
  organisation: Organisation
  ids: IdMaker
  /** A stream only this part and this family use: `ctx.random(part.name, family.index)`. */
  random(part: string, family: number): Random
}

export interface SeedPart {
  name: string
  /** The tables this part writes. The writer writes each batch's tables in part order, so foreign keys hold. */
  tables: readonly SeedTable[]
  /**
   * Reads reference data the rows depend on (postcode centroids, say) and returns the part to run with it.
   * Called once per authority, inside its transaction, before any row is made.
   */
  prepare?(db: Executor): Promise<SeedPart>
  /** Rows that belong to the authority as a whole (organisations, teams, providers), before any family. */
  begin?(ctx: SeedContext, emit: Emit): void
  /** Rows for a batch of families. Deterministic: the same facts and seed give the same rows. */
  families?(ctx: SeedContext, families: readonly SeedFamily[], emit: Emit): void
}
