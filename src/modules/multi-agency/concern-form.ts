// A partner's concern: the front door's contact form (the child's name and date of birth, the concern,
// consent), the child's NHS number and postcode when known, and which of their agency's referral sources
// they are. The contact's received date and time are the moment it is sent; the referrer is the partner.
import { randomUUID } from 'node:crypto'
import { FormErrors, text, type FormBody } from '../../platform/forms/form.js'
import { isValidNhsNumber, normaliseNhsNumber } from '../../platform/identifiers/nhs-number.js'
import { normalisePostcode } from '../../platform/identifiers/postcode.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { checkContactForm, partnerReferralSources, type ContactAnswers } from '../front-door/service.js'

export type PartnerRole = keyof typeof partnerReferralSources

export interface ConcernAnswers extends ContactAnswers { childNhsNumber: string; childPostcode: string }

export type ConcernReading =
  | { ok: true; contactBody: FormBody; nhsNumber: string | null; postcode: string | null; answers: ConcernAnswers }
  | { ok: false; errors: FormErrors; answers: ConcernAnswers }

const englandTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

export function sourcesFor(role: PartnerRole): string[] {
  return partnerReferralSources[role]
}

export function readConcernForm(body: FormBody, user: SessionUser, organisation: string, now = new Date()): ConcernReading {
  const role = user.role as PartnerRole
  const sources = sourcesFor(role)
  const today = todayInEngland(now)
  const contactBody: FormBody = {
    ...body,
    'received-day': String(Number(today.slice(8, 10))), 'received-month': String(Number(today.slice(5, 7))), 'received-year': today.slice(0, 4),
    receivedTime: englandTime.format(now), referrerName: user.displayName, referrerOrganisation: organisation,
    referralSource: sources.length === 1 ? sources[0] : text(body, 'referralSource'),
    formToken: text(body, 'formToken') || randomUUID(),
  }
  const reading = checkContactForm(contactBody, { askForChild: true }, now)
  const errors = reading.ok ? new FormErrors() : reading.errors
  const answers: ConcernAnswers = { ...reading.answers, childNhsNumber: text(body, 'childNhsNumber'), childPostcode: text(body, 'childPostcode') }
  if (answers.referralSource && !sources.includes(answers.referralSource)) errors.add('referralSource', 'Select which service you work in from the list')
  const nhsNumber = answers.childNhsNumber ? normaliseNhsNumber(answers.childNhsNumber) : null
  if (nhsNumber !== null && !isValidNhsNumber(nhsNumber)) errors.add('childNhsNumber', 'Enter a real NHS number, 10 digits like 999 000 0018, or leave it blank')
  const postcode = answers.childPostcode ? normalisePostcode(answers.childPostcode) : null
  if (answers.childPostcode && !postcode) errors.add('childPostcode', 'Enter a real postcode, like ME14 1XX, or leave it blank')
  if (errors.any) return { ok: false, errors, answers }
  return { ok: true, contactBody, nhsNumber, postcode, answers }
}
