// Figures that span authorities (a regional care cooperative, the deployment) filter by a list of codes,
// or by none at all for every authority: one SQL condition for both.
import { sql, type RawBuilder } from 'kysely'

/** `true` for every authority (null), else the column among the codes. */
export function inAuthorities(column: string, laCodes: readonly string[] | null): RawBuilder<boolean> {
  if (laCodes === null) return sql<boolean>`true`
  if (laCodes.length === 0) return sql<boolean>`false`
  return sql<boolean>`${sql.ref(column)} in (${sql.join(laCodes)})`
}
