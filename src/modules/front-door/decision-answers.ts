// Reading and checking the decision form: what happens next, when it was decided (never before the
// contact arrived, never in the future), the primary need for a referral, and what the referrer was told.
import { dateAnswer, FormErrors, text, type FormBody } from '../../platform/forms/form.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { isCode, isDecision, opensReferral, primaryNeeds, type Decision } from './codes.js'
import { momentAnswer } from './england-time.js'

export interface DecisionAnswers {
  decision: string
  decided: { day: string; month: string; year: string }
  decidedTime: string
  primaryNeed: string
  reason: string
  feedback: string
  feedbackGiven: { day: string; month: string; year: string }
}

export interface DecisionDetails {
  decision: Decision
  decidedAt: Date
  primaryNeed: string | null
  reason: string
  feedback: string
  feedbackGivenOn: LocalDate
}

export type DecisionReading =
  | { ok: true; decision: DecisionDetails; answers: DecisionAnswers }
  | { ok: false; errors: FormErrors; answers: DecisionAnswers }

const timeText = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'Europe/London' })
const dayText = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })
const when = (moment: Date) => `${timeText.format(moment).replace(/\s/g, '').toLowerCase()} on ${dayText.format(moment)}`

export function readDecisionForm(body: FormBody, receivedAt: Date, now = new Date()): DecisionReading {
  const errors = new FormErrors()
  const typed = { decision: text(body, 'decision'), primaryNeed: text(body, 'primaryNeed'), reason: text(body, 'reason'), feedback: text(body, 'feedback') }
  if (!typed.decision) errors.add('decision', 'Select what happens next')
  else if (!isDecision(typed.decision)) errors.add('decision', 'Select what happens next from the list')
  const needsPrimaryNeed = isDecision(typed.decision) && opensReferral(typed.decision)
  if (needsPrimaryNeed && !typed.primaryNeed) errors.add('primaryNeed', `Select the child’s primary need for a ${typed.decision === 'referral' ? 'referral' : 'strategy discussion'}`)
  else if (typed.primaryNeed && !isCode(primaryNeeds, typed.primaryNeed)) errors.add('primaryNeed', 'Select the child’s primary need from the list')

  const decided = dateAnswer(body, 'decided', 'the date of the decision', errors)
  const decidedAt = momentAnswer(body, { ...decided, field: 'decided' }, 'decidedTime', 'of the decision', errors, now)
  if (decidedAt.value && decidedAt.value < receivedAt) {
    errors.add(decided.value! < todayInEngland(receivedAt) ? 'decided-day' : 'decidedTime', `The decision cannot be before the contact was received at ${when(receivedAt)}`)
  }
  if (!typed.reason) errors.add('reason', 'Enter the reason for the decision')
  else if (typed.reason.length > 20_000) errors.add('reason', 'The reason must be 20,000 characters or fewer')
  if (!typed.feedback) errors.add('feedback', 'Enter what the referrer was told')
  else if (typed.feedback.length > 20_000) errors.add('feedback', 'What the referrer was told must be 20,000 characters or fewer')
  const feedbackGiven = dateAnswer(body, 'feedbackGiven', 'the date the referrer was told', errors)
  if (feedbackGiven.value && feedbackGiven.value > todayInEngland(now)) errors.add('feedbackGiven-day', 'The date the referrer was told must be today or in the past')
  else if (feedbackGiven.value && feedbackGiven.value < todayInEngland(receivedAt)) errors.add('feedbackGiven-day', 'The referrer cannot have been told before the contact was received')

  const answers: DecisionAnswers = { ...typed, decided: decided.raw, decidedTime: decidedAt.time, feedbackGiven: feedbackGiven.raw }
  if (errors.any || !decidedAt.value || !feedbackGiven.value) return { ok: false, errors, answers }
  const decision = answers.decision as Decision
  return {
    ok: true, answers,
    decision: {
      decision, decidedAt: decidedAt.value, primaryNeed: opensReferral(decision) ? answers.primaryNeed : null,
      reason: answers.reason, feedback: answers.feedback, feedbackGivenOn: feedbackGiven.value,
    },
  }
}
