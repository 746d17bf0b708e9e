// Information sharing decisions: record one (with its event on the child's stream) and report on them.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { dateAnswer, FormErrors, text, type FormBody } from '../../platform/forms/form.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { decisions, directions, isDecision, isDirection, isLawfulBasis, lawfulBases } from './codes.js'

export interface SharingDecisionAnswers {
  direction: string
  otherAgency: string
  information: string
  decision: string
  lawfulBasis: string
  reason: string
  decidedOn: { day: string; month: string; year: string }
  formToken: string
}

export type RecordResult = { outcome: 'recorded' } | { outcome: 'invalid'; errors: FormErrors; answers: SharingDecisionAnswers }

export async function recordSharingDecision(db: Kysely<DB>, user: SessionUser, childId: string, body: FormBody): Promise<RecordResult> {
  const errors = new FormErrors()
  const date = dateAnswer(body, 'decidedOn', 'the date of the decision', errors)
  const answers: SharingDecisionAnswers = {
    direction: text(body, 'direction'), otherAgency: text(body, 'otherAgency'), information: text(body, 'information'),
    decision: text(body, 'decision'), lawfulBasis: text(body, 'lawfulBasis'), reason: text(body, 'reason'),
    decidedOn: date.raw, formToken: text(body, 'formToken'),
  }
  if (!isDirection(answers.direction)) errors.add('direction', 'Select whether this was a request or an offer, and who made it')
  if (!answers.otherAgency) errors.add('otherAgency', 'Enter the other organisation')
  else if (answers.otherAgency.length > 200) errors.add('otherAgency', 'Organisation must be 200 characters or fewer')
  if (!answers.information) errors.add('information', 'Enter what information was asked for or offered')
  if (!isDecision(answers.decision)) errors.add('decision', 'Select the decision')
  if (!isLawfulBasis(answers.lawfulBasis)) errors.add('lawfulBasis', 'Select the lawful basis for the decision')
  if (answers.decision !== 'shared' && isDecision(answers.decision) && !answers.reason) {
    errors.add('reason', 'Enter why the information was not shared in full')
  }
  if (date.value && date.value > todayInEngland()) errors.add('decidedOn-day', 'The date of the decision must be today or in the past')
  if (errors.any || !date.value) return { outcome: 'invalid', errors, answers }

  const decidedOn: LocalDate = date.value
  await db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('sharing_decisions').values({
      la_code: user.laCode, child_id: childId, direction: answers.direction, other_agency: answers.otherAgency,
      information: answers.information, decision: answers.decision, lawful_basis: answers.lawfulBasis,
      reason: answers.reason || null, decided_on: decidedOn, decided_by: user.id, form_token: answers.formToken || null,
    }).onConflict((oc) => oc.column('form_token').doNothing()).returning('id').executeTakeFirst()
    // A second click of the same form finds its token taken: the first click already recorded it.
    if (!inserted) return
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: answers.decision === 'not_shared' ? 'information.not_shared' : 'information.shared',
      occurredAt: decidedOn, recordedBy: user.id, purpose: lawfulBases[answers.lawfulBasis as keyof typeof lawfulBases],
      summary: `${decisions[answers.decision as keyof typeof decisions]}: ${directions[answers.direction as keyof typeof directions].toLowerCase()} (${answers.otherAgency})`,
      data: { decisionId: inserted.id, decision: answers.decision, lawfulBasis: answers.lawfulBasis },
    })
  })
  return { outcome: 'recorded' }
}

export function sharingDecisionsForChild(db: Kysely<DB>, laCode: string, childId: string) {
  return db.selectFrom('sharing_decisions as d').innerJoin('users as u', 'u.id', 'd.decided_by')
    .where('d.la_code', '=', laCode).where('d.child_id', '=', childId)
    .select(['d.id', 'd.direction', 'd.other_agency', 'd.information', 'd.decision', 'd.lawful_basis', 'd.reason', 'd.decided_on', 'u.display_name as decided_by_name'])
    .orderBy('d.decided_on', 'desc').orderBy('d.recorded_at', 'desc').execute()
}

export interface SharingReportRow {
  decided_on: string
  child_id: string
  child_name: string
  direction: string
  other_agency: string
  decision: string
  lawful_basis: string
  reason: string | null
  decided_by_name: string
}

/** Every decision in the authority between two dates, newest first, for the report page and its CSV. */
export async function sharingReport(db: Kysely<DB>, laCode: string, from: LocalDate, to: LocalDate): Promise<SharingReportRow[]> {
  return db.selectFrom('sharing_decisions as d')
    .innerJoin('users as u', 'u.id', 'd.decided_by')
    .innerJoin('people as c', 'c.id', 'd.child_id')
    .where('d.la_code', '=', laCode).where('d.decided_on', '>=', from).where('d.decided_on', '<=', to)
    // A restricted child's decisions are counted elsewhere by those named on the record, never listed here.
    .where('c.restricted', '=', false)
    .select(['d.decided_on', 'd.child_id', sql<string>`c.first_name || ' ' || c.last_name`.as('child_name'),
      'd.direction', 'd.other_agency', 'd.decision', 'd.lawful_basis', 'd.reason', 'u.display_name as decided_by_name'])
    .orderBy('d.decided_on', 'desc').execute()
}

export { openSuggestions, suggestMatches } from './merge/candidates.js'
export { markChildSeen, whatsChanged } from './whats-changed.js'
