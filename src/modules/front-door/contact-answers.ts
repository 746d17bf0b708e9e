// Reading and checking the "record a contact" form. What the user typed always goes back to the
// page; a contact is only built when every answer is usable.
import { randomUUID } from 'node:crypto'
import { dateAnswer, FormErrors, text, type FormBody } from '../../platform/forms/form.js'
import { addYears, todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { isCode, isConsent, referralSources, type Consent } from './codes.js'
import { momentAnswer } from './england-time.js'
import { isUuid, type MinimalChild } from './repository.js'

const maxShortText = 200
const maxLongText = 20_000

export interface ContactAnswers {
  received: { day: string; month: string; year: string }
  receivedTime: string
  referrerName: string
  referrerRole: string
  referrerOrganisation: string
  referralSource: string
  concern: string
  household: string
  consent: string
  consentNote: string
  formToken: string
  childFirstName: string
  childLastName: string
  childDob: { day: string; month: string; year: string }
}

export interface ContactDetails {
  receivedAt: Date
  referrerName: string
  referrerRole: string | null
  referrerOrganisation: string | null
  referralSource: string
  concern: string
  household: string | null
  consent: Consent
  consentNote: string | null
  formToken: string
}

export type ContactReading =
  | { ok: true; contact: ContactDetails; newChild: MinimalChild | null; answers: ContactAnswers }
  | { ok: false; errors: FormErrors; answers: ContactAnswers }

/** Reads the form; `askForChild` when the contact is about a child the front door has not recorded yet. */
export function readContactForm(body: FormBody, { askForChild }: { askForChild: boolean }, now = new Date()): ContactReading {
  const errors = new FormErrors()
  const newChild = askForChild ? readNewChild(body, errors, todayInEngland(now)) : null
  const received = dateAnswer(body, 'received', 'the date the contact was received', errors)
  const receivedAt = momentAnswer(body, { ...received, field: 'received' }, 'receivedTime', 'the contact was received', errors, now)
  const token = text(body, 'formToken')
  const answers: ContactAnswers = {
    received: received.raw, receivedTime: receivedAt.time, referrerName: text(body, 'referrerName'),
    referrerRole: text(body, 'referrerRole'), referrerOrganisation: text(body, 'referrerOrganisation'),
    referralSource: text(body, 'referralSource'), concern: text(body, 'concern'), household: text(body, 'household'),
    consent: text(body, 'consent'), consentNote: text(body, 'consentNote'),
    // A token that is not one of ours (a tampered form) cannot match another contact: start afresh.
    formToken: isUuid(token) ? token : randomUUID(),
    childFirstName: newChild?.answers.firstName ?? '', childLastName: newChild?.answers.lastName ?? '',
    childDob: newChild?.answers.dob ?? { day: '', month: '', year: '' },
  }
  if (!answers.referrerName) errors.add('referrerName', 'Enter the name of the person who made contact, or ‘Anonymous’')
  tooLong(errors, answers, ['referrerName', 'referrerRole', 'referrerOrganisation'], maxShortText)
  if (!answers.referralSource) errors.add('referralSource', 'Select who the referrer is')
  else if (!isCode(referralSources, answers.referralSource)) errors.add('referralSource', 'Select who the referrer is from the list')
  if (!answers.concern) errors.add('concern', 'Enter the concern')
  tooLong(errors, answers, ['concern', 'household', 'consentNote'], maxLongText)
  if (!isConsent(answers.consent)) errors.add('consent', 'Select whether the family agreed to the contact being made')
  else if (answers.consent !== 'given' && !answers.consentNote) {
    errors.add('consentNote', answers.consent === 'refused' ? 'Enter why the family did not agree' : 'Enter why asking would put the child at risk')
  }
  if (errors.any || !receivedAt.value || (askForChild && !newChild?.child)) return { ok: false, errors, answers }
  return {
    ok: true, answers, newChild: newChild?.child ?? null,
    contact: {
      receivedAt: receivedAt.value, referrerName: answers.referrerName, referrerRole: answers.referrerRole || null,
      referrerOrganisation: answers.referrerOrganisation || null, referralSource: answers.referralSource, concern: answers.concern,
      household: answers.household || null, consent: answers.consent as Consent, consentNote: answers.consentNote || null,
      formToken: answers.formToken,
    },
  }
}

const labels: Record<string, string> = {
  referrerName: 'The name', referrerRole: 'The role', referrerOrganisation: 'The organisation',
  concern: 'The concern', household: 'The family and household', consentNote: 'The reason',
}

function tooLong(errors: FormErrors, answers: ContactAnswers, fields: Array<keyof ContactAnswers>, max: number): void {
  for (const field of fields) {
    const value = answers[field]
    if (typeof value === 'string' && value.length > max) errors.add(field, `${labels[field]} must be ${max.toLocaleString('en-GB')} characters or fewer`)
  }
}

function readNewChild(body: FormBody, errors: FormErrors, today: LocalDate) {
  const firstName = text(body, 'childFirstName')
  const lastName = text(body, 'childLastName')
  if (!firstName) errors.add('childFirstName', 'Enter the child’s first name')
  else if (firstName.length > 100) errors.add('childFirstName', 'The child’s first name must be 100 characters or fewer')
  if (!lastName) errors.add('childLastName', 'Enter the child’s last name')
  else if (lastName.length > 100) errors.add('childLastName', 'The child’s last name must be 100 characters or fewer')
  const dob = dateAnswer(body, 'childDob', 'the child’s date of birth', errors)
  if (dob.value && dob.value > today) errors.add('childDob-day', 'The child’s date of birth must be today or in the past')
  else if (dob.value && dob.value <= addYears(today, -18)) errors.add('childDob-day', 'The child must be under 18: check the date of birth')
  const child = firstName && lastName && dob.value && !errors.fields['childDob-day'] ? { firstName, lastName, dateOfBirth: dob.value } : null
  return { answers: { firstName, lastName, dob: dob.raw }, child }
}
