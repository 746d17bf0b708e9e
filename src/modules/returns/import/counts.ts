// What an import did, table by table, and the one error it stops on: a row the database refuses (a code Kindred
// cannot hold, say) ends the import, naming the table and row, and the transaction leaves nothing written.
import type { Row, Skipped } from './rows.js'

export interface ImportedCounts {
  children: number
  /** Children Kindred did not hold before. */
  created: number
  /** Rows imported, by the return's table. */
  records: Record<string, number>
  skipped: Skipped[]
}

export interface ImportProgress {
  start(children: number): void
  advance(): void
}

export class ImportRefusedError extends Error {
  constructor(readonly table: string, readonly row: number, readonly reason: string) {
    super(`${table} row ${row}: Kindred could not hold it (${reason})`)
    this.name = 'ImportRefusedError'
  }
}

/**
 * Writes one row of the return through `write`, counting it unless the write answers false (it could not place the
 * row, which the caller reports), or stops the import saying which row failed.
 */
export async function recordOf<T>(counts: ImportedCounts, table: string, row: Row, write: () => Promise<T>): Promise<T> {
  try {
    const result = await write()
    if (result !== false) counts.records[table] = (counts.records[table] ?? 0) + 1
    return result
  } catch (error) {
    if (error instanceof ImportRefusedError) throw error
    throw new ImportRefusedError(table, row.index + 1, (error as Error).message)
  }
}
