// Batches the rows parts emit, one column array per column, and writes each table's batch as a single
// `insert into t (...) select ... from unnest($1::uuid[], $2::text[], ...)`: one statement and a few
// parameters however many rows, the same on PGlite and PostgreSQL.
import { CompiledQuery } from 'kysely'
import type { Executor } from '../audit/audit.js'
import type { ColumnType, SeedRow, SeedTable } from './part.js'

/** text[] and jsonb values travel as text and are cast in the select. */
const parameterType: Record<ColumnType, string> = {
  uuid: 'uuid[]', text: 'text[]', date: 'date[]', timestamptz: 'timestamptz[]', int: 'int[]', numeric: 'numeric[]', bool: 'bool[]', 'text[]': 'text[]', jsonb: 'text[]',
}

function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`
}

function insertStatement(table: SeedTable): string {
  const names = table.columns.map(([name]) => name)
  const selected = table.columns.map(([name, type]) => (type === 'text[]' || type === 'jsonb' ? `${name}::${type}` : name))
  const arrays = table.columns.map(([, type], i) => `$${i + 1}::${parameterType[type]}`)
  return `insert into ${table.name} (${names.join(', ')}) select ${selected.join(', ')} from unnest(${arrays.join(', ')}) as t (${names.join(', ')})`
}

interface Batch { table: SeedTable; columns: unknown[][]; rows: number }

export class SeedWriter {
  private batches = new Map<string, Batch>()
  private readonly statements = new Map<string, string>()
  readonly counts = new Map<string, number>()

  /** `order` lists every table parts may write, in the order a batch must be written. */
  constructor(private readonly order: readonly SeedTable[]) {}

  emit = (table: SeedTable, row: SeedRow): void => {
    let batch = this.batches.get(table.name)
    if (!batch) {
      batch = { table, columns: table.columns.map(() => []), rows: 0 }
      this.batches.set(table.name, batch)
    }
    const { columns } = table
    for (let i = 0; i < columns.length; i++) {
      const [name, type] = columns[i]!
      const value = row[name] ?? null
      batch.columns[i]!.push(value === null ? null
        : type === 'text[]' ? arrayLiteral(value as string[])
          : type === 'jsonb' ? JSON.stringify(value)
            : value)
    }
    batch.rows++
  }

  /** Rows waiting to be written. */
  get pending(): number {
    let rows = 0
    for (const batch of this.batches.values()) rows += batch.rows
    return rows
  }

  /** Writes everything emitted so far, table by table in order. New rows may be emitted while it runs. */
  async flush(executor: Executor): Promise<void> {
    const batches = this.batches
    this.batches = new Map()
    for (const table of this.order) {
      const batch = batches.get(table.name)
      if (!batch) continue
      let statement = this.statements.get(table.name)
      if (!statement) {
        statement = insertStatement(table)
        this.statements.set(table.name, statement)
      }
      await executor.executeQuery(CompiledQuery.raw(statement, batch.columns))
      this.counts.set(table.name, (this.counts.get(table.name) ?? 0) + batch.rows)
    }
  }
}
