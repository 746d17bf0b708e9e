// Drafts kept on the server, one per user, child and form, so what a practitioner has typed survives a
// session time-out, a closed laptop or a failed save. Only the user who wrote a draft ever sees it.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { Executor } from '../../../platform/audit/audit.js'

export interface Draft<T> { answers: T; savedAt: Date }

export async function saveDraft(db: Kysely<DB>, userId: string, childId: string, form: string, answers: Record<string, string>): Promise<Date> {
  const savedAt = new Date()
  const json = JSON.stringify(answers)
  await db.insertInto('drafts').values({ user_id: userId, child_id: childId, form, answers: json, saved_at: savedAt })
    .onConflict((oc) => oc.columns(['user_id', 'child_id', 'form']).doUpdateSet({ answers: json, saved_at: savedAt })).execute()
  return savedAt
}

export async function loadDraft<T>(db: Kysely<DB>, userId: string, childId: string, form: string): Promise<Draft<T> | null> {
  const row = await db.selectFrom('drafts').where('user_id', '=', userId).where('child_id', '=', childId).where('form', '=', form)
    .select(['answers', 'saved_at']).executeTakeFirst()
  return row ? { answers: row.answers as T, savedAt: new Date(row.saved_at) } : null
}

/** Inside the transaction that saves the record, so a saved note never leaves its draft behind. */
export async function discardDraft(executor: Executor, userId: string, childId: string, form: string): Promise<void> {
  await executor.deleteFrom('drafts').where('user_id', '=', userId).where('child_id', '=', childId).where('form', '=', form).execute()
}
