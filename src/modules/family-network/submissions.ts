// Every change in this module runs through `once`: one transaction; a refusal or a form with its own problems
// rolls back whatever was written; and the form's one-time token is stored with where the change went, so a
// double click lands on the first result instead of writing twice.
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import type { ChildEvent } from '../../platform/events/child-events.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

export interface Actor { id: string; laCode: string }

/** One change a user asked for: who, about which child, with which form's token, on which day. */
export interface Step {
  db: Kysely<DB>
  actor: Actor
  childId: string
  submission: Submission
  today: LocalDate
}

/** Field name to message, shown next to the field the GOV.UK way. */
export type FieldErrors = Record<string, string>

/** The form's one-time token, and whether the form itself found problems (then the service's are added to them). */
export interface Submission { token: string; formHasErrors: boolean }

export type Done = { outcome: 'done'; redirectTo: string }
export type Invalid = { outcome: 'invalid'; errors: FieldErrors }
/** Refused as a whole (not one field's fault): the message goes at the top of the form. */
export type Refused = { outcome: 'refused'; message: string; field?: string }
export type NotFound = { outcome: 'not-found' }
export type Outcome = Done | Invalid | Refused | NotFound

/** The event a step appends to the child's stream, recorded now by the user. */
export const stepEvent = (step: Step, type: string, summary: string, data: Record<string, unknown>, significant = false): ChildEvent => ({
  laCode: step.actor.laCode, childId: step.childId, type, occurredAt: new Date(), recordedBy: step.actor.id, summary, data, significant,
})

export const invalid = (errors: FieldErrors): Invalid => ({ outcome: 'invalid', errors })
export const refused = (message: string, field?: string): Refused => ({ outcome: 'refused', message, ...(field ? { field } : {}) })
export const notFound: NotFound = { outcome: 'not-found' }
export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0

class Rollback extends Error {
  constructor(readonly result: Outcome) { super('rolled back') }
}

async function earlierSubmission(db: Executor, laCode: string, token: string): Promise<string | undefined> {
  const row = await db.selectFrom('family_network_submissions').select('redirect_to').where('token', '=', token).where('la_code', '=', laCode).executeTakeFirst()
  return row?.redirect_to
}

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'

export async function once(db: Kysely<DB>, actor: Actor, childId: string, submission: Submission,
  work: (trx: Transaction<DB>) => Promise<Outcome>): Promise<Outcome> {
  const earlier = await earlierSubmission(db, actor.laCode, submission.token)
  if (earlier) return { outcome: 'done', redirectTo: earlier }
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await work(trx)
      if (result.outcome !== 'done') throw new Rollback(result)
      if (submission.formHasErrors) throw new Rollback(invalid({}))
      await trx.insertInto('family_network_submissions')
        .values({ token: submission.token, la_code: actor.laCode, child_id: childId, redirect_to: result.redirectTo }).execute()
      return result
    })
  } catch (error) {
    if (error instanceof Rollback) return error.result
    if (!isUniqueViolation(error)) throw error
    // The same form committed first (a double click), or another form changed the same record at once.
    const winner = await earlierSubmission(db, actor.laCode, submission.token)
    return winner ? { outcome: 'done', redirectTo: winner } : refused('Someone else changed this record at the same time. Check the record, then try again')
  }
}
