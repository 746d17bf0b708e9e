// Every change in this module runs through `once`: one transaction, refused outcomes roll back whatever was
// written, and the form's one-time token is stored with where the change went, so a double click lands
// on the first result instead of writing twice.
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { earlierSubmission, recordSubmission } from './repository.js'

export interface Actor { id: string; laCode: string }

/**
 * The form's one-time token, and whether the form itself found problems (a date that is not real): then the
 * change is tried and rolled back, so the service's own errors are shown alongside the form's.
 */
export interface Submission { token: string; formHasErrors?: boolean }

/** The change was made (now, or by an earlier click of the same form): go here next. */
export interface Done { outcome: 'done'; redirectTo: string }

/** Two different forms changed the same record at once (a unique index said no). */
export interface ChangedMeanwhile { outcome: 'changed-meanwhile' }

/** The change would have been made, but the form had problems of its own: nothing was kept. */
export interface TriedOnly { outcome: 'invalid'; errors: Record<string, string> }

class Refusal<R> extends Error {
  constructor(readonly result: R) { super('refused') }
}

class SentTwice extends Error {}

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'

export async function once<R extends { outcome: string }>(
  db: Kysely<DB>, actor: Actor, childId: string, { token, formHasErrors = false }: Submission,
  work: (trx: Transaction<DB>) => Promise<R | Done>,
): Promise<R | Done | ChangedMeanwhile | TriedOnly> {
  const earlier = await earlierSubmission(db, actor.laCode, token)
  if (earlier) return { outcome: 'done', redirectTo: earlier }
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await work(trx)
      if (result.outcome !== 'done') throw new Refusal(result)
      if (formHasErrors) throw new Refusal<TriedOnly>({ outcome: 'invalid', errors: {} })
      const { redirectTo } = result as Done
      if (!await recordSubmission(trx, { token, laCode: actor.laCode, childId, redirectTo })) throw new SentTwice()
      return result
    })
  } catch (error) {
    if (error instanceof Refusal) return error.result as R | TriedOnly
    if (error instanceof SentTwice) return { outcome: 'done', redirectTo: (await earlierSubmission(db, actor.laCode, token))! }
    if (isUniqueViolation(error)) {
      const winner = await earlierSubmission(db, actor.laCode, token)
      return winner ? { outcome: 'done', redirectTo: winner } : { outcome: 'changed-meanwhile' }
    }
    throw error
  }
}
