// What the care leaver pages and the child page section show: codes in plain English, dates, what is due.
import { deadlineStatus } from '../../platform/timescales/engine.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { labelFor } from '../placements/service.js'
import { careLeaverHref, type CareLeaver } from './care-leaver.js'
import { accommodationCodes, activityCodes, inTouchCodes } from './codes.js'
import { ageOn, ordinal } from './dates.js'
import { statusNames } from './eligibility.js'
import { stayingCloseOutcomes } from './records.js'

export function careLeaverView(c: CareLeaver, today: LocalDate) {
  const latest = c.contacts.at(-1)
  return {
    childId: c.person.id, href: careLeaverHref(c.person.id), age: ageOn(c.person.date_of_birth, today),
    status: c.eligibility.status, statusName: statusNames[c.eligibility.status], reason: c.eligibility.reason,
    eligibleFrom: c.eligibility.eligibleFrom, needsAssessment: c.needsAssessment, plan: c.plan, reviews: [...c.reviews].reverse(),
    adviser: c.currentAdviser, advisers: [...c.advisers].reverse(), requestedTo25: c.requestedTo25,
    nextReview: c.due.find((d) => d.ruleId === 'CL-02') ?? null,
    due: c.due.map((d) => ({ ...d, status: deadlineStatus(d.due, today) })),
    contacts: c.contacts.map((x) => ({
      ...x, birthday: `${ordinal(x.birthday_age)} birthday`, inTouchLabel: labelFor(inTouchCodes, x.in_touch),
      activityLabel: labelFor(activityCodes, x.activity), accommodationLabel: labelFor(accommodationCodes, x.accommodation),
    })).reverse(),
    latestContact: latest ? `${ordinal(latest.birthday_age)} birthday: ${latest.in_touch}, ${latest.activity}, ${latest.accommodation} (${labelFor(inTouchCodes, latest.in_touch).toLowerCase()})` : null,
    stayingPut: [...c.stayingPut].reverse(),
    stayingClose: c.stayingClose.map((s) => ({ ...s, label: stayingCloseOutcomes.find((o) => o.code === s.outcome)?.label ?? s.outcome })).reverse(),
  }
}
