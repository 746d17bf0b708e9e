// One computation for every caller that asks the same question while it runs. The dashboard asks for all its
// indicators at once, and several indicators read one pass over the same rows (the 17 assessment factors): the
// first asks, the others wait for the same answer. Nothing is kept once it is answered, so a figure is never stale.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'

export function sharedWhileRunning<A, T>(keyOf: (args: A) => string, compute: (db: Kysely<DB>, args: A) => Promise<T>): (db: Kysely<DB>, args: A) => Promise<T> {
  // Per database, so two test apps (or an app and a bench) never share an answer.
  const running = new WeakMap<Kysely<DB>, Map<string, Promise<T>>>()
  return (db, args) => {
    const mine = running.get(db) ?? new Map<string, Promise<T>>()
    running.set(db, mine)
    const key = keyOf(args)
    const pending = mine.get(key)
    if (pending) return pending
    const answer = compute(db, args).finally(() => mine.delete(key))
    mine.set(key, answer)
    return answer
  }
}
