// A partner's concern as they would type it, for the multi-agency module's tests and others that need one.
import { randomUUID } from 'node:crypto'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { dateFields } from '../front-door/test-fixtures.js'

export const concernForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  childFirstName: 'Ruby', childLastName: 'Ashdown', 'childDob-day': '14', 'childDob-month': '2', 'childDob-year': '2016',
  childNhsNumber: '', childPostcode: '', referralSource: '2A', referrerRole: 'Designated safeguarding lead',
  concern: 'Ruby came to school hungry again and said there is no food at home.', household: 'Mother and two younger brothers',
  consent: 'given', consentNote: '', formToken: randomUUID(), ...overrides,
})

/** A front door decision made now, for a concern sent moments ago (a decision cannot predate its contact). */
export function decidedNow(): Record<string, string> {
  const today = todayInEngland()
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date())
  return { ...dateFields('decided', today), decidedTime: time, ...dateFields('feedbackGiven', today) }
}
