// Moving every row that names one person to another, and back. The columns are read from the database's
// own foreign keys to people (plus the event stream, which has none), so a table a module adds later is
// moved too without anyone remembering to list it.
import { sql } from 'kysely'
import type { Executor } from '../../../platform/audit/audit.js'

interface MovableColumn { table: string; column: string; keys: string[] }

/**
 * Not moved: the audit log (append-only: read across merged records instead), the merge records themselves,
 * match suggestions (resolved at the merge), what each user has seen (a marker, not history) and
 * `people.merged_into`.
 */
const notMoved = new Set(['audit_log', 'person_merges', 'person_merge_moves', 'record_match_suggestions', 'child_views', 'people'])

async function movableColumns(executor: Executor): Promise<MovableColumn[]> {
  const rows = await sql<{ table_name: string; column_name: string; keys: string[] }>`
    select t.relname::text as table_name, a.attname::text as column_name,
      array(select k.attname::text from pg_constraint p
        join unnest(p.conkey) with ordinality as pk(attnum, n) on true
        join pg_attribute k on k.attrelid = p.conrelid and k.attnum = pk.attnum
        where p.conrelid = t.oid and p.contype = 'p' order by pk.n) as keys
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = 'people'::regclass and cardinality(c.conkey) = 1
    union all
    select 'child_events', 'child_id', array['id']::text[]
    order by 1, 2`.execute(executor)
  return rows.rows.filter((r) => !notMoved.has(r.table_name))
    .map((r) => ({ table: r.table_name, column: r.column_name, keys: r.keys }))
}

export interface Moved { table: string; column: string; keys: Array<Record<string, string>> }

/** Points every row naming `from` at `to`, returning the moved rows' keys by table and column. */
export async function moveRows(executor: Executor, from: string, to: string): Promise<Moved[]> {
  const moved: Moved[] = []
  for (const { table, column, keys } of await movableColumns(executor)) {
    if (keys.length === 0) throw new Error(`${table} has no primary key: its rows cannot be moved back`)
    const keyObject = sql.join(keys.map((k) => sql`${k}::text, ${sql.ref(k)}::text`))
    const result = await sql<{ keys: Array<Record<string, string>> | null }>`
      with moved as (update ${sql.table(table)} set ${sql.ref(column)} = ${to} where ${sql.ref(column)} = ${from} returning *)
      select jsonb_agg(jsonb_build_object(${keyObject})) as keys from moved`.execute(executor)
    const rowKeys = result.rows[0]?.keys ?? []
    if (rowKeys.length > 0) moved.push({ table, column, keys: rowKeys })
  }
  return moved
}

/** Points exactly the rows a merge moved back at `to`, where they still name `from`. */
export async function moveRowsBack(executor: Executor, moves: Moved[], from: string, to: string): Promise<void> {
  for (const { table, column, keys } of moves) {
    const names = Object.keys(keys[0] ?? {})
    const matches = sql.join(names.map((k) => sql`${sql.ref(`t.${k}`)}::text = m.value ->> ${k}`), sql` and `)
    await sql`
      update ${sql.table(table)} as t set ${sql.ref(column)} = ${to}
      from jsonb_array_elements(${JSON.stringify(keys)}::jsonb) as m
      where ${sql.ref(`t.${column}`)} = ${from} and ${matches}`.execute(executor)
  }
}
