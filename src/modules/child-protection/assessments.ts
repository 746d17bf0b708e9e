// The child and family assessment: started on the open referral, due 45 working days from the referral
// (CP-02), completed by the worker with the CIN census factors, an outcome and, when late, the reasons;
// then authorised, or returned with comments, by a manager other than the one who submitted it.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { dueDate } from '../../platform/timescales/engine.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { getOpenReferral, referralsForChildren } from '../front-door/service.js'
import { assessmentFactors, assessmentOutcomes, noFactorsIdentified } from './codes.js'
import {
  choice, FormErrors, invalid, list, notBefore, onDay, pastDate, refusal, ukDate, words, type FormBody, type WriteResult,
} from './forms.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'
import { isUniqueViolation, isUuid } from './repository.js'
import type { AssessmentOutcome } from './tables.js'

const openStatuses = ['in_progress', 'submitted', 'returned'] as const

async function assessmentInHand(db: Kysely<DB>, laCode: string, childId: string, referralId: string) {
  return db.selectFrom('assessments').where('la_code', '=', laCode).where('child_id', '=', childId)
    .where('referral_id', '=', referralId).where('status', 'in', openStatuses).select('id').executeTakeFirst()
}

/** Starts an assessment of the child's open referral. A second click finds the assessment the first started. */
export async function startAssessment(db: Kysely<DB>, user: SessionUser, childId: string, body: FormBody, today: LocalDate): Promise<WriteResult> {
  const errors = new FormErrors()
  const startDate = pastDate(body, 'startDate', 'the date the assessment started', errors, today)
  const referral = await getOpenReferral(db, user.laCode, childId)
  if (!referral) return refusal('startDate-day', 'This child has no open referral. The front door opens a referral before an assessment starts')
  notBefore(errors, 'startDate', startDate, referral.referralDate, `The assessment cannot start before the referral on ${ukDate(referral.referralDate)}`)
  if (errors.any || !startDate) return invalid(errors)
  const existing = await assessmentInHand(db, user.laCode, childId, referral.id)
  if (existing) return { outcome: 'done', id: existing.id }
  try {
    return await db.transaction().execute(async (trx) => {
      const { id } = await trx.insertInto('assessments').values({
        la_code: user.laCode, child_id: childId, referral_id: referral.id, start_date: startDate, started_by: user.id,
        outcome: null, analysis: null, completed_on: null, late_reason: null, submitted_by: null, manager_comments: null,
        authorised_on: null, authorised_by: null,
      }).returning('id').executeTakeFirstOrThrow()
      await appendChildEvent(trx, {
        laCode: user.laCode, childId, type: 'assessment.started', occurredAt: onDay(startDate), recordedBy: user.id,
        summary: 'Child and family assessment started', data: { assessmentId: id, referralId: referral.id },
      })
      return { outcome: 'done' as const, id }
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return { outcome: 'done', id: (await assessmentInHand(db, user.laCode, childId, referral.id))!.id }
  }
}

export async function getAssessment(db: Kysely<DB>, laCode: string, childId: string, assessmentId: string) {
  if (!isUuid(assessmentId)) return undefined
  const row = await db.selectFrom('assessments').where('la_code', '=', laCode).where('child_id', '=', childId)
    .where('id', '=', assessmentId).selectAll().executeTakeFirst()
  if (!row) return undefined
  const [referral] = (await referralsForChildren(db, [childId])).filter((r) => r.id === row.referral_id)
  const due = dueDate('CP-02', referral!.referralDate, await timescaleSettingsFor(db, laCode))
  return { ...row, referralDate: referral!.referralDate, due }
}

export type Assessment = NonNullable<Awaited<ReturnType<typeof getAssessment>>>

function readFactors(body: FormBody, outcome: AssessmentOutcome | null, errors: FormErrors): string[] {
  const factors = [...new Set(list(body, 'factors'))]
  if (factors.length === 0) errors.add('factors', 'Select the factors identified at the assessment, or ‘No factors identified’')
  else if (factors.some((f) => !assessmentFactors.has(f))) errors.add('factors', 'Select factors from the list')
  else if (factors.includes(noFactorsIdentified) && factors.length > 1) errors.add('factors', '‘No factors identified’ cannot be selected with other factors')
  else if (factors.includes(noFactorsIdentified) && outcome && outcome !== 'no_further_action') {
    errors.add('factors', '‘No factors identified’ is only used when no further action is taken')
  }
  return factors
}

/** The worker submits the completed assessment to a manager. Late completion needs the reasons (CP-02). */
export async function submitAssessment(db: Kysely<DB>, user: SessionUser, childId: string, assessmentId: string,
  body: FormBody, today: LocalDate): Promise<WriteResult> {
  const assessment = await getAssessment(db, user.laCode, childId, assessmentId)
  if (!assessment) return { outcome: 'not-found' }
  const errors = new FormErrors()
  const outcome = choice(body, 'outcome', assessmentOutcomes, 'Select the outcome of the assessment', errors)
  const factors = readFactors(body, outcome, errors)
  const analysis = words(body, 'analysis', errors, { label: 'Analysis', missing: 'Enter the analysis and recommendation', max: 20_000 })
  const completedOn = pastDate(body, 'completedOn', 'the date the assessment was completed', errors, today)
  notBefore(errors, 'completedOn', completedOn, assessment.start_date, `The assessment cannot be completed before it started on ${ukDate(assessment.start_date)}`)
  const late = completedOn !== null && completedOn > assessment.due
  const lateReason = words(body, 'lateReason', errors, {
    label: 'Reasons', max: 5000, missing: late ? `Enter why the assessment was completed after it was due on ${ukDate(assessment.due)}` : undefined,
  })
  if (assessment.status !== 'in_progress' && assessment.status !== 'returned') errors.add('outcome', 'This assessment has already been submitted')
  if (errors.any || !outcome || !completedOn) return invalid(errors)
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('assessments')
      .set({ status: 'submitted', outcome, factors, analysis, completed_on: completedOn, late_reason: late ? lateReason : null, submitted_by: user.id })
      .where('id', '=', assessmentId).where('status', 'in', ['in_progress', 'returned']).executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) return { outcome: 'done' as const, id: assessmentId }
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: 'assessment.submitted', occurredAt: onDay(completedOn), recordedBy: user.id,
      summary: `Child and family assessment completed${late ? ' late' : ''}: ${assessmentOutcomes[outcome].toLowerCase()}`,
      data: { assessmentId, outcome, factors, late },
    })
    return { outcome: 'done' as const, id: assessmentId }
  })
}

/** A manager authorises the submitted assessment, or returns it with comments. Nobody authorises their own. */
export async function decideAssessment(db: Kysely<DB>, user: SessionUser, childId: string, assessmentId: string,
  body: FormBody, today: LocalDate): Promise<WriteResult> {
  const assessment = await getAssessment(db, user.laCode, childId, assessmentId)
  if (!assessment) return { outcome: 'not-found' }
  const errors = new FormErrors()
  const decision = choice(body, 'decision', ['authorise', 'return'] as const, 'Select whether to authorise the assessment or return it', errors)
  if (assessment.status !== 'submitted') errors.add('decision', 'This assessment is not waiting for a manager')
  else if (assessment.submitted_by === user.id) errors.add('decision', 'You submitted this assessment, so another manager must authorise it')
  const comments = words(body, 'comments', errors, { label: 'Comments', max: 5000, missing: decision === 'return' ? 'Enter what the worker needs to change' : undefined })
  let authorisedOn: LocalDate | null = null
  let lateReason = assessment.late_reason
  if (decision === 'authorise') {
    authorisedOn = pastDate(body, 'authorisedOn', 'the date you authorised the assessment', errors, today)
    notBefore(errors, 'authorisedOn', authorisedOn, assessment.completed_on!, `The assessment cannot be authorised before it was completed on ${ukDate(assessment.completed_on!)}`)
    if (authorisedOn && authorisedOn > assessment.due && !lateReason) {
      lateReason = words(body, 'lateReason', errors, { label: 'Reasons', max: 5000, missing: `Enter why the assessment was authorised after it was due on ${ukDate(assessment.due)}` })
    }
  }
  if (errors.any || !decision) return invalid(errors)
  return db.transaction().execute(async (trx) => {
    const changes = decision === 'authorise'
      ? { status: 'authorised' as const, authorised_on: authorisedOn, authorised_by: user.id, late_reason: lateReason, manager_comments: comments || null }
      : { status: 'returned' as const, manager_comments: comments }
    const updated = await trx.updateTable('assessments').set(changes)
      .where('id', '=', assessmentId).where('status', '=', 'submitted').where('submitted_by', '<>', user.id).executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) return { outcome: 'done' as const, id: assessmentId }
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, recordedBy: user.id, data: { assessmentId, decision },
      ...(decision === 'authorise'
        ? { type: 'assessment.authorised', occurredAt: onDay(authorisedOn!), significant: true,
          summary: `Child and family assessment authorised: ${assessmentOutcomes[assessment.outcome!].toLowerCase()}` }
        : { type: 'assessment.returned', occurredAt: new Date(), summary: 'Child and family assessment returned to the worker with comments' }),
    })
    return { outcome: 'done' as const, id: assessmentId }
  })
}
