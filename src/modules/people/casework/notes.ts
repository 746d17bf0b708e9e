// Case notes and visits, recorded in one form. Saving writes the note, appends its event to the
// child's stream and clears the user's draft, all in one transaction.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { SessionUser } from '../../../platform/auth/session.js'
import { appendChildEvent } from '../../../platform/events/child-events.js'
import { dateAnswer, FormErrors, text, type FormBody } from '../../../platform/forms/form.js'
import { todayInEngland, type LocalDate } from '../../../platform/working-days/local-date.js'
import { discardDraft } from './drafts.js'

export const visitTypes = {
  statutory: 'Statutory visit',
  child_protection: 'Child protection visit',
  child_in_need: 'Child in need visit',
  looked_after: 'Child looked after visit',
  other: 'Other visit',
} as const
type VisitType = keyof typeof visitTypes

/** The draft's name in the drafts table. */
export const noteDraftForm = 'note'

const answerFields = ['kind', 'occurred-day', 'occurred-month', 'occurred-year', 'visitType', 'seen', 'seenAlone',
  'othersPresent', 'subject', 'body', 'significant', 'formToken'] as const
export type NoteAnswers = Partial<Record<(typeof answerFields)[number], string>>

export const limits = { subject: 200, othersPresent: 500, body: 100_000 }

/** What the user typed, untrimmed, for a draft or to show back: only the form's own fields. */
export function noteAnswers(body: FormBody): NoteAnswers {
  return Object.fromEntries(answerFields.map((f) => [f, typeof body[f] === 'string' ? body[f] : ''])) as NoteAnswers
}

type Note =
  | { kind: 'visit'; occurredOn: LocalDate; visitType: VisitType; seen: boolean; seenAlone: boolean; othersPresent: string | null; body: string; significant: boolean }
  | { kind: 'note'; occurredOn: LocalDate; subject: string; body: string; significant: boolean }

function checkNote(body: FormBody): { note: Note } | { errors: FormErrors } {
  const errors = new FormErrors()
  const kind = text(body, 'kind')
  if (kind !== 'note' && kind !== 'visit') errors.add('kind', 'Select whether you are recording a visit or a case note')
  const occurred = dateAnswer(body, 'occurred', kind === 'visit' ? 'the date of the visit' : 'the date', errors)
  if (occurred.value && occurred.value > todayInEngland()) {
    errors.add('occurred-day', `${kind === 'visit' ? 'The date of the visit' : 'The date'} must be today or in the past`)
  }
  const visitType = text(body, 'visitType')
  const seen = text(body, 'seen')
  const seenAlone = text(body, 'seenAlone')
  const othersPresent = text(body, 'othersPresent')
  const subject = text(body, 'subject')
  if (kind === 'visit') {
    if (!Object.hasOwn(visitTypes, visitType)) errors.add('visitType', 'Select the type of visit')
    if (seen !== 'yes' && seen !== 'no') errors.add('seen', 'Select whether the child was seen')
    if (seenAlone === 'yes' && seen === 'no') errors.add('seenAlone', 'The child cannot have been seen alone if they were not seen')
    else if (seen === 'yes' && seenAlone !== 'yes' && seenAlone !== 'no') errors.add('seenAlone', 'Select whether the child was seen alone')
    if (othersPresent.length > limits.othersPresent) errors.add('othersPresent', `Who else was present must be ${limits.othersPresent} characters or fewer`)
  }
  if (kind === 'note') {
    if (!subject) errors.add('subject', 'Enter a subject')
    else if (subject.length > limits.subject) errors.add('subject', `Subject must be ${limits.subject} characters or fewer`)
  }
  const note = text(body, 'body')
  if (!note) errors.add('body', kind === 'visit' ? 'Enter your observations' : 'Enter the note')
  else if (note.length > limits.body) errors.add('body', `The note must be ${limits.body.toLocaleString('en-GB')} characters or fewer`)
  if (errors.any || !occurred.value) return { errors }
  const significant = text(body, 'significant') === 'yes'
  return {
    note: kind === 'visit'
      ? { kind, occurredOn: occurred.value, visitType: visitType as VisitType, seen: seen === 'yes', seenAlone: seenAlone === 'yes', othersPresent: othersPresent || null, body: note, significant }
      : { kind: 'note', occurredOn: occurred.value, subject, body: note, significant },
  }
}

function eventSummary(note: Note): string {
  if (note.kind === 'note') return `Case note: ${note.subject}`
  return `${visitTypes[note.visitType]}: child ${note.seen ? (note.seenAlone ? 'seen alone' : 'seen, not alone') : 'not seen'}`
}

/** A form's token: a double-click or a resent form carries the same one, so the note is recorded once. */
const formTokenPattern = /^[A-Za-z0-9-]{8,64}$/

export type NoteResult = { outcome: 'recorded'; kind: 'note' | 'visit' } | { outcome: 'already-recorded' } | { outcome: 'invalid'; errors: FormErrors }

export async function recordNote(db: Kysely<DB>, user: SessionUser, childId: string, body: FormBody): Promise<NoteResult> {
  const checked = checkNote(body)
  if ('errors' in checked) return { outcome: 'invalid', errors: checked.errors }
  const { note } = checked
  const formToken = formTokenPattern.test(text(body, 'formToken')) ? text(body, 'formToken') : null
  return db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('case_notes').values({
      la_code: user.laCode, child_id: childId, kind: note.kind, occurred_on: note.occurredOn, body: note.body,
      subject: note.kind === 'note' ? note.subject : null,
      visit_type: note.kind === 'visit' ? note.visitType : null,
      seen: note.kind === 'visit' ? note.seen : null,
      seen_alone: note.kind === 'visit' ? note.seenAlone : null,
      others_present: note.kind === 'visit' ? note.othersPresent : null,
      significant: note.significant, recorded_by: user.id, form_token: formToken,
    }).onConflict((oc) => oc.columns(['recorded_by', 'form_token']).doNothing()).returning('id').executeTakeFirst()
    if (!inserted) return { outcome: 'already-recorded' as const }
    // A visit where the child was not seen is significant whatever the worker marks.
    const significant = note.significant || (note.kind === 'visit' && !note.seen)
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: note.kind === 'visit' ? 'visit.recorded' : 'note.recorded',
      // A day, not a moment: midnight in England, which the pages show as the day alone.
      occurredAt: `${note.occurredOn} 00:00 Europe/London`, recordedBy: user.id, significant, summary: eventSummary(note),
      data: note.kind === 'visit'
        ? { noteId: inserted.id, visitType: note.visitType, seen: note.seen, seenAlone: note.seenAlone }
        : { noteId: inserted.id },
    })
    await discardDraft(trx, user.id, childId, noteDraftForm)
    return { outcome: 'recorded' as const, kind: note.kind }
  })
}

export async function getNote(db: Kysely<DB>, laCode: string, childId: string, noteId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(noteId)) return null
  return db.selectFrom('case_notes as n').innerJoin('users as u', 'u.id', 'n.recorded_by')
    .where('n.la_code', '=', laCode).where('n.child_id', '=', childId).where('n.id', '=', noteId)
    .select(['n.id', 'n.kind', 'n.occurred_on', 'n.subject', 'n.visit_type', 'n.seen', 'n.seen_alone', 'n.others_present', 'n.body',
      'n.significant', 'n.recorded_at', 'u.display_name as recorded_by'])
    .executeTakeFirst() ?? null
}
