// Case notes and visits, recorded in one form, with drafts kept server-side so a long note survives
// a session time-out or a closed laptop.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { SessionUser } from '../../../platform/auth/session.js'
import { appendChildEvent } from '../../../platform/events/child-events.js'
import { dateAnswer, FormErrors, text, type FormBody } from '../../../platform/forms/form.js'
import { todayInEngland } from '../../../platform/working-days/local-date.js'

export const visitTypes = {
  statutory: 'Statutory visit',
  child_protection: 'Child protection visit',
  child_in_need: 'Child in need visit',
  looked_after: 'Looked-after child visit',
  other: 'Other visit',
} as const

const draftForm = 'note'
const answerFields = ['kind', 'occurred-day', 'occurred-month', 'occurred-year', 'subject', 'visitType', 'seen', 'seenAlone', 'othersPresent', 'body', 'formToken'] as const
export type NoteAnswers = Partial<Record<(typeof answerFields)[number], string>>

export function noteAnswers(body: FormBody): NoteAnswers {
  return Object.fromEntries(answerFields.map((f) => [f, typeof body[f] === 'string' ? body[f] : ''])) as NoteAnswers
}

export async function saveDraft(db: Kysely<DB>, user: SessionUser, childId: string, answers: NoteAnswers): Promise<void> {
  await db.insertInto('drafts').values({ user_id: user.id, child_id: childId, form: draftForm, answers: JSON.stringify(answers) })
    .onConflict((oc) => oc.columns(['user_id', 'child_id', 'form']).doUpdateSet({ answers: JSON.stringify(answers), saved_at: new Date() })).execute()
}

export async function loadDraft(db: Kysely<DB>, user: SessionUser, childId: string): Promise<{ answers: NoteAnswers; savedAt: Date } | null> {
  const row = await db.selectFrom('drafts').where('user_id', '=', user.id).where('child_id', '=', childId).where('form', '=', draftForm)
    .select(['answers', 'saved_at']).executeTakeFirst()
  return row ? { answers: row.answers as NoteAnswers, savedAt: new Date(row.saved_at) } : null
}

export type NoteResult = { outcome: 'recorded' } | { outcome: 'invalid'; errors: FormErrors }

export async function recordNote(db: Kysely<DB>, user: SessionUser, childId: string, body: FormBody): Promise<NoteResult> {
  const errors = new FormErrors()
  const kind = text(body, 'kind')
  const occurred = dateAnswer(body, 'occurred', kind === 'visit' ? 'the date of the visit' : 'the date of the note', errors)
  const note = text(body, 'body')
  const formToken = text(body, 'formToken')
  if (kind !== 'note' && kind !== 'visit') errors.add('kind', 'Select whether this is a visit or a case note')
  if (occurred.value && occurred.value > todayInEngland()) errors.add('occurred-day', 'The date must be today or in the past')
  const visitType = text(body, 'visitType')
  const seen = text(body, 'seen')
  const seenAlone = text(body, 'seenAlone')
  if (kind === 'visit') {
    if (!Object.hasOwn(visitTypes, visitType)) errors.add('visitType', 'Select the type of visit')
    if (seen !== 'yes' && seen !== 'no') errors.add('seen', 'Select whether the child was seen')
    if (seenAlone === 'yes' && seen !== 'yes') errors.add('seenAlone', 'The child cannot be seen alone if they were not seen')
  }
  if (kind === 'note' && !text(body, 'subject')) errors.add('subject', 'Enter a subject for the note')
  if (!note) errors.add('body', kind === 'visit' ? 'Enter what you observed' : 'Enter the note')
  else if (note.length > 100_000) errors.add('body', 'The note must be 100,000 characters or fewer')
  if (errors.any || !occurred.value) return { outcome: 'invalid', errors }

  const occurredOn = occurred.value
  await db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('case_notes').values({
      la_code: user.laCode, child_id: childId, kind: kind as 'note' | 'visit', occurred_on: occurredOn,
      subject: kind === 'note' ? text(body, 'subject') : null, visit_type: kind === 'visit' ? visitType : null,
      seen: kind === 'visit' ? seen === 'yes' : null, seen_alone: kind === 'visit' ? seenAlone === 'yes' : null,
      others_present: text(body, 'othersPresent') || null, body: note, recorded_by: user.id, form_token: formToken || null,
    }).onConflict((oc) => oc.column('form_token').doNothing()).returning('id').executeTakeFirst()
    // A second click of the same form: the first already recorded the note.
    if (!inserted) return
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: kind === 'visit' ? 'visit.recorded' : 'note.recorded', occurredAt: occurredOn, recordedBy: user.id,
      significant: kind === 'visit' && seen === 'no',
      summary: kind === 'visit'
        ? `${visitTypes[visitType as keyof typeof visitTypes]}: child ${seen === 'yes' ? (seenAlone === 'yes' ? 'seen alone' : 'seen') : 'not seen'}`
        : `Case note: ${text(body, 'subject')}`,
      data: { noteId: inserted.id, visitType: kind === 'visit' ? visitType : undefined, seen: kind === 'visit' ? seen === 'yes' : undefined, seenAlone: kind === 'visit' ? seenAlone === 'yes' : undefined },
    })
    await trx.deleteFrom('drafts').where('user_id', '=', user.id).where('child_id', '=', childId).where('form', '=', draftForm).execute()
  })
  return { outcome: 'recorded' }
}
