// What the module's changes answer, and the helpers they share.
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { claimFormToken, type Submission } from './submissions.js'

export interface Actor { id: string; laCode: string }
export type FieldErrors = Record<string, string>
export type Outcome = { outcome: 'done' } | { outcome: 'invalid'; errors: FieldErrors } | { outcome: 'not-found' }

class Refused extends Error {
  constructor(readonly outcome: Outcome) { super('refused') }
}

/** Stops the change: the transaction rolls back and the user sees these errors. */
export function refuse(errors: FieldErrors): never {
  throw new Refused({ outcome: 'invalid', errors })
}

/**
 * Runs a change in one transaction. A form sent twice (its token already claimed) is done already. `work` checks
 * and writes; when the form itself had problems (a date that is not real) the change is checked but rolled back,
 * so the service's errors show beside the form's.
 */
export async function change(db: Kysely<DB>, actor: Actor, childId: string, { token, formHasErrors = false }: Submission,
  work: (trx: Transaction<DB>) => Promise<FieldErrors | void>): Promise<Outcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      if (token && !await claimFormToken(trx, actor.laCode, childId, token)) return { outcome: 'done' } as const
      const errors = (await work(trx)) ?? {}
      if (Object.keys(errors).length > 0 || formHasErrors) refuse(errors)
      return { outcome: 'done' } as const
    })
  } catch (error) {
    if (error instanceof Refused) return error.outcome
    throw error
  }
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
export const ukDate = (date: LocalDate): string => dateFormat.format(new Date(`${date}T00:00:00Z`))

export const lookedAfterHref = (childId: string): string => `/children/${childId}/looked-after`

/** The reviewing officer's forms, reached through the reviewing service's own paths (see access.ts). */
export const reviewFormHref = (childId: string): string => `/reviewing/children/${childId}/looked-after-review`
export const iroContactFormHref = (childId: string): string => `/reviewing/children/${childId}/iro-contacts/new`
/** The placement officer's form for a placement change. */
export const placementChangeFormHref = (childId: string): string => `/placements/children/${childId}/change`

/** Common date checks: not in the future, not before a start. Adds to `errors` and says whether it passed. */
export function checkDate(errors: FieldErrors, field: string, date: LocalDate | null, today: LocalDate,
  after?: { date: LocalDate; what: string; strictly?: boolean }): date is LocalDate {
  if (!date) return false
  if (date > today) errors[`${field}-day`] = 'The date must be today or in the past'
  else if (after && (after.strictly ? date <= after.date : date < after.date)) {
    errors[`${field}-day`] = `The date must be ${after.strictly ? 'after' : 'on or after'} ${after.what} (${ukDate(after.date)})`
  }
  return !errors[`${field}-day`]
}
