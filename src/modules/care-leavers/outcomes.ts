// What the module's changes answer: done, or the problems by field. Each change runs in one transaction; a refusal
// rolls it back, so nothing is half-written.
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { claimFormToken, type Submission } from '../looked-after/service.js'

export interface Actor { id: string; laCode: string }
export type FieldErrors = Record<string, string>
export type { Submission }
export type Outcome = { outcome: 'done' } | { outcome: 'invalid'; errors: FieldErrors }

class Refused extends Error {
  constructor(readonly errors: FieldErrors) { super('refused') }
}

/**
 * Runs `work` in a transaction, unless the form was sent before (its token already claimed: done). `work` returns
 * problems (or throws them via `refuse`) to roll back; `formHasErrors` rolls back too.
 */
export async function change(db: Kysely<DB>, actor: Actor, childId: string, { token, formHasErrors = false }: Submission,
  work: (trx: Transaction<DB>) => Promise<FieldErrors | void>): Promise<Outcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      if (token && !await claimFormToken(trx, actor.laCode, childId, token)) return { outcome: 'done' } as const
      const errors = (await work(trx)) ?? {}
      if (Object.keys(errors).length > 0 || formHasErrors) throw new Refused(errors)
      return { outcome: 'done' } as const
    })
  } catch (error) {
    if (error instanceof Refused) return { outcome: 'invalid', errors: error.errors }
    throw error
  }
}

export function refuse(errors: FieldErrors): never {
  throw new Refused(errors)
}

