// Generating a return a batch of children at a time: memory stays flat and each query's id list stays well under
// the database's parameter limit, whatever the size of the authority.
import type { ChildCharacteristics } from '../../people/service.js'

export type BatchProgress = (done: number, total: number) => void

const BATCH_SIZE = 2000

export async function inBatches<T>(ids: readonly string[], onProgress: BatchProgress | undefined, work: (batch: readonly string[]) => Promise<T[]>): Promise<T[]> {
  const results: T[] = []
  for (let i = 0; i < ids.length; i += BATCH_SIZE) {
    const batch = ids.slice(i, i + BATCH_SIZE)
    results.push(...await work(batch))
    onProgress?.(i + batch.length, ids.length)
  }
  return results
}

/**
 * The child's id in the returns: the LA child ID, or for a child recorded without one (say, at the front door) an id
 * made from Kindred's record, ten characters as the 903 allows, so the child is still returned and traceable.
 */
export function returnChildId(person: Pick<ChildCharacteristics, 'id' | 'laChildId'>): string {
  return person.laChildId ?? `K${person.id.replace(/-/g, '').slice(0, 9).toUpperCase()}`
}
