// Each step of leaving care, written with its event in one transaction, after checking the rules that apply: the
// young person's status derived from their care history on the day in question, dates in order, 903 OC3 codes.
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { addDays, type LocalDate } from '../../platform/working-days/local-date.js'
import { isCode, labelFor } from '../placements/service.js'
import { careHistories, type CarePeriod } from './care-history.js'
import { accommodationCodes, activityCodes, fosterPlacements, inTouchCodes } from './codes.js'
import { contactDueFor, contactWindow, oc3Ages } from './care-leaver.js'
import { birthday, ordinal, ukDate } from './dates.js'
import { careLeaverStatus, pathwayStatuses, statusNames, type Eligibility } from './eligibility.js'
import { careLeaverRecords, lockYoungPerson, type CareLeaverRecords, type YoungPersonRow } from './repository.js'
import { change, refuse, type Actor, type FieldErrors, type Outcome, type Submission } from './outcomes.js'

interface Context { person: YoungPersonRow; history: CarePeriod[]; records: CareLeaverRecords; statusOn(day: LocalDate): Eligibility }

async function load(trx: Transaction<DB>, actor: Actor, childId: string): Promise<Context> {
  const person = await lockYoungPerson(trx, actor.laCode, childId)
  if (!person?.date_of_birth) refuse({ 'main-form': 'This young person’s record, with a date of birth, was not found' })
  const [histories, records] = await Promise.all([careHistories(trx, actor.laCode, [childId]), careLeaverRecords(trx, [childId])])
  const history = histories.get(childId) ?? []
  return { person, history, records, statusOn: (day) => careLeaverStatus(person.date_of_birth, history, day) }
}

/** Not in the future; on or after `after` when given. Adds the problem to `errors` under `field-day`. */
function checkDate(errors: FieldErrors, field: string, date: LocalDate | null, today: LocalDate, after?: { date: LocalDate; what: string; strictly?: boolean }) {
  if (!date) return
  if (date > today) errors[`${field}-day`] = 'The date must be today or in the past'
  else if (after && (after.strictly ? date <= after.date : date < after.date)) {
    errors[`${field}-day`] = `The date must be ${after.strictly ? 'after' : 'on or after'} ${after.what} (${ukDate(after.date)})`
  }
}

/** The young person must be owed a pathway plan (eligible, relevant or former relevant) on this day. */
function pathwayOrRefuse(c: Context, day: LocalDate, field: string, what: string): Eligibility {
  const on = c.statusOn(day)
  if (!pathwayStatuses.has(on.status)) {
    refuse({ [field]: `${what} is for an eligible, relevant or former relevant young person (CL-01, CL-02). On ${ukDate(day)}: ${statusNames[on.status].toLowerCase()}. ${on.reason}` })
  }
  return on
}

const event = (actor: Actor, childId: string, type: string, summary: string, data: Record<string, unknown>, significant = false) =>
  ({ laCode: actor.laCode, childId, type, occurredAt: new Date(), recordedBy: actor.id, summary, data, significant, purpose: 'leaving care' })

export async function recordNeedsAssessment(db: Kysely<DB>, actor: Actor, childId: string, a: { date: LocalDate | null }, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const c = await load(trx, actor, childId)
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today, { date: birthday(c.person.date_of_birth, 14), what: 'the 14th birthday' })
    if (!a.date || Object.keys(errors).length > 0) return errors
    pathwayOrRefuse(c, a.date, 'date-day', 'The needs assessment')
    if (form.formHasErrors) return
    await trx.insertInto('care_leaver_needs_assessments').values({ la_code: actor.laCode, child_id: childId, completed_on: a.date, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, 'care_leaver.needs_assessment_completed', `Leaving care needs assessment completed on ${ukDate(a.date)}`, { date: a.date }, true))
  })
}

export async function recordPathwayPlan(db: Kysely<DB>, actor: Actor, childId: string, a: { date: LocalDate | null }, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const c = await load(trx, actor, childId)
    const assessment = c.records.assessments[0]?.completed_on
    if (!assessment) refuse({ 'date-day': 'Record the needs assessment first: the pathway plan is written from it (CL-01)' })
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today, { date: assessment, what: 'the needs assessment' })
    if (!a.date || Object.keys(errors).length > 0) return errors
    pathwayOrRefuse(c, a.date, 'date-day', 'A pathway plan')
    if (form.formHasErrors) return
    await trx.insertInto('pathway_plans').values({ la_code: actor.laCode, child_id: childId, plan_date: a.date, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, 'care_leaver.pathway_plan_made', `Pathway plan made on ${ukDate(a.date)}`, { date: a.date }, true))
  })
}

export async function recordPathwayPlanReview(db: Kysely<DB>, actor: Actor, childId: string, a: { date: LocalDate | null }, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const c = await load(trx, actor, childId)
    const plan = c.records.plans.at(-1)
    if (!plan) refuse({ 'date-day': 'There is no pathway plan to review: record the pathway plan first (CL-02)' })
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today, { date: plan.plan_date, what: 'the pathway plan it reviews was made', strictly: true })
    if (!a.date || Object.keys(errors).length > 0) return errors
    pathwayOrRefuse(c, a.date, 'date-day', 'A pathway plan review')
    if (form.formHasErrors) return
    await trx.insertInto('pathway_plan_reviews').values({ la_code: actor.laCode, child_id: childId, plan_id: plan.id, review_date: a.date, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, 'care_leaver.pathway_plan_reviewed', `Pathway plan reviewed on ${ukDate(a.date)}`, { date: a.date, planId: plan.id }))
  })
}

export interface AdviserAnswers { name: string; from: LocalDate | null; to: LocalDate | null }

export async function recordPersonalAdviser(db: Kysely<DB>, actor: Actor, childId: string, a: AdviserAnswers, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const c = await load(trx, actor, childId)
    const errors: FieldErrors = {}
    if (!a.name) errors.name = 'Enter the personal adviser’s name'
    else if (a.name.length > 200) errors.name = 'The personal adviser’s name must be 200 characters or fewer'
    checkDate(errors, 'from', a.from, today)
    const dob = c.person.date_of_birth
    if (a.from && a.to && a.to < a.from) errors['to-day'] = `The end date must be on or after the date the adviser started (${ukDate(a.from)})`
    else if (a.to && a.to >= birthday(dob, 25)) errors['to-day'] = `A personal adviser is provided until 25 at most: the end date must be before the 25th birthday (${ukDate(birthday(dob, 25))})`
    else if (a.to && a.to > birthday(dob, 21) && c.records.requests.length === 0) {
      errors['to-day'] = `A personal adviser is provided to 21 (${ukDate(birthday(dob, 21))}), and after that only at the young person’s request: record the request first (CSWA 2017 s3)`
    }
    if (!a.from || Object.keys(errors).length > 0) return errors
    pathwayOrRefuse(c, a.from, 'from-day', 'A personal adviser')
    if (form.formHasErrors) return
    // The adviser before this one ends the day the new one starts.
    await trx.updateTable('personal_advisers').set({ to_date: addDays(a.from, -1) }).where('child_id', '=', childId)
      .where('to_date', 'is', null).where('from_date', '<', a.from).execute()
    await trx.insertInto('personal_advisers').values({ la_code: actor.laCode, child_id: childId, adviser_name: a.name, from_date: a.from, to_date: a.to, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, 'care_leaver.personal_adviser_appointed',
      `Personal adviser from ${ukDate(a.from)}${a.to ? ` to ${ukDate(a.to)}` : ''}`, { from: a.from, to: a.to }, true))
  })
}

export async function recordAdviserRequest(db: Kysely<DB>, actor: Actor, childId: string, a: { date: LocalDate | null }, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const c = await load(trx, actor, childId)
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today)
    if (!a.date || Object.keys(errors).length > 0) return errors
    const twentyFirst = birthday(c.person.date_of_birth, 21)
    if (a.date < twentyFirst) {
      refuse({ 'date-day': `A request for a personal adviser to 25 is made from the 21st birthday (${ukDate(twentyFirst)}): until then the young person has one without asking (CSWA 2017 s3)` })
    }
    const on = c.statusOn(a.date)
    if (on.status !== 'former_relevant') refuse({ 'date-day': `Only a former relevant young person may ask for a personal adviser to 25. On ${ukDate(a.date)}: ${statusNames[on.status].toLowerCase()}. ${on.reason}` })
    if (form.formHasErrors) return
    await trx.insertInto('personal_adviser_requests').values({ la_code: actor.laCode, child_id: childId, requested_on: a.date, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, 'care_leaver.adviser_to_25_requested', `Asked on ${ukDate(a.date)} for a personal adviser to 25`, { date: a.date }))
  })
}

export interface ContactAnswers { age: string; date: LocalDate | null; inTouch: string; activity: string; accommodation: string }

/** The 903's rules on how the three OC3 answers go together (rules 344, 345, 3001). */
function oc3Problems(a: ContactAnswers, age: number): FieldErrors {
  const errors: FieldErrors = {}
  if (!isCode(inTouchCodes, a.inTouch)) errors.inTouch = 'Select whether the authority is in touch, from the 903 OC3 list (903 rule 131)'
  if (!isCode(activityCodes, a.activity)) errors.activity = 'Select the young person’s main activity, from the 903 OC3 list (903 rule 132)'
  if (!isCode(accommodationCodes, a.accommodation)) errors.accommodation = 'Select the young person’s accommodation, from the 903 OC3 list (903 rule 133)'
  if (Object.keys(errors).length > 0) return errors
  if (['DIED', 'RHOM'].includes(a.inTouch)) {
    if (a.activity !== '0') errors.activity = 'When the young person has died or returned home for 6 months or more, the activity is “not known, or does not apply” (903 rule 344)'
    if (a.accommodation !== '0') errors.accommodation = 'When the young person has died or returned home for 6 months or more, the accommodation is “not known, or does not apply” (903 rule 344)'
  }
  if (a.inTouch === 'YES') {
    if (a.activity === '0') errors.activity = 'The authority is in touch, so select the young person’s activity (903 rule 345)'
    if (a.accommodation === '0') errors.accommodation = 'The authority is in touch, so select the young person’s accommodation (903 rule 345)'
  }
  if (age === 17 && /^Z[12]$/.test(a.accommodation)) errors.accommodation = 'At 17 a young person cannot be living with former foster carers: Staying Put starts at 18 (903 rule 3001)'
  return errors
}

export async function recordBirthdayContact(db: Kysely<DB>, actor: Actor, childId: string, a: ContactAnswers, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const c = await load(trx, actor, childId)
    const age = oc3Ages.find((x) => String(x) === a.age)
    const errors: FieldErrors = age === undefined ? { age: 'Select the birthday, from the 17th to the 21st (903 rule 391)' } : oc3Problems(a, age)
    if (age === undefined || !a.date) return errors
    const window = contactWindow(c.person.date_of_birth, age)
    const due = contactDueFor(c.person.date_of_birth, c.history, age)
    if (!due.due) {
      const why = due.leftOnBirthday ? 'left care on that birthday, which counts as looked after on it (903 rule 1016)'
        : due.on.lookedAfterNow ? 'was still looked after on that birthday (903 rule 1007)' : `was not a relevant or former relevant young person then: ${statusNames[due.on.status].toLowerCase()}. ${due.on.reason}`
      refuse({ ...errors, age: `The 903 asks about a care leaver’s ${ordinal(age)} birthday (${ukDate(window.birthday)}) only if they had left care as an eligible child. This young person ${why}` })
    }
    if (c.records.contacts.some((x) => x.in_touch === 'DIED')) refuse({ inTouch: 'This young person has been recorded as having died (903 rule 348)' })
    if (c.records.contacts.some((x) => x.birthday_age === age)) refuse({ ...errors, age: `The ${ordinal(age)} birthday has already been recorded` })
    checkDate(errors, 'date', a.date, today, { date: window.opens, what: 'three months before the birthday' })
    if (!errors['date-day'] && a.date > window.closes) errors['date-day'] = `The information is collected from 3 months before to 1 month after the birthday: by ${ukDate(window.closes)}`
    if (Object.keys(errors).length > 0 || form.formHasErrors) return errors
    await trx.insertInto('care_leaver_birthday_contacts').values({
      la_code: actor.laCode, child_id: childId, birthday_age: age, contact_date: a.date, in_touch: a.inTouch, activity: a.activity,
      accommodation: a.accommodation, recorded_by: actor.id,
    }).execute()
    await appendChildEvent(trx, event(actor, childId, 'care_leaver.birthday_contact_recorded',
      `${ordinal(age)} birthday contact on ${ukDate(a.date)}: ${labelFor(inTouchCodes, a.inTouch).toLowerCase()}; ${labelFor(activityCodes, a.activity).toLowerCase()}; ${labelFor(accommodationCodes, a.accommodation).toLowerCase()}`,
      { age, date: a.date, IN_TOUCH: a.inTouch, ACTIV: a.activity, ACCOM: a.accommodation }, a.inTouch === 'DIED'))
  })
}

export interface StayingPutAnswers { carer: string; start: LocalDate | null; end: LocalDate | null }

export async function recordStayingPut(db: Kysely<DB>, actor: Actor, childId: string, a: StayingPutAnswers, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const c = await load(trx, actor, childId)
    const dob = c.person.date_of_birth
    const [eighteenth, twentyFirst] = [birthday(dob, 18), birthday(dob, 21)]
    const errors: FieldErrors = {}
    if (!a.carer) errors.carer = 'Enter the former foster carer’s name'
    else if (a.carer.length > 200) errors.carer = 'The former foster carer’s name must be 200 characters or fewer'
    checkDate(errors, 'start', a.start, today, { date: eighteenth, what: 'the 18th birthday, when Staying Put starts (CL-03)' })
    if (a.start && a.end && a.end < a.start) errors['end-day'] = `The end date must be on or after the start (${ukDate(a.start)})`
    else if (a.end && a.end > twentyFirst) errors['end-day'] = `Staying Put lasts until 21 at most: the end must be on or before the 21st birthday (${ukDate(twentyFirst)}) (CL-03)`
    const before18 = c.history.flatMap((p) => p.episodes).find((e) => e.start < eighteenth && (e.end === null || e.end >= eighteenth))
    if (!before18 || !fosterPlacements.has(before18.placement)) {
      errors.carer = `Staying Put is for a young person in foster care (903 placements U1 to U6) on their 18th birthday (CL-03). ${before18 ? `On the day before their 18th birthday the placement was ${before18.placement}` : 'They were not looked after on the day before their 18th birthday'}`
    }
    if (!a.start || Object.keys(errors).length > 0) return errors
    const on = c.statusOn(a.start)
    if (on.status !== 'former_relevant') refuse({ 'start-day': `Staying Put is for a former relevant young person (CL-03). On ${ukDate(a.start)}: ${statusNames[on.status].toLowerCase()}. ${on.reason}` })
    if (form.formHasErrors) return
    await trx.insertInto('staying_put_arrangements').values({ la_code: actor.laCode, child_id: childId, carer_name: a.carer, start_date: a.start, end_date: a.end, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, 'care_leaver.staying_put_started',
      `Staying Put with their former foster carer from ${ukDate(a.start)}${a.end ? ` to ${ukDate(a.end)}` : ''}`, { start: a.start, end: a.end }, true))
  })
}

export const stayingCloseOutcomes = [
  { code: 'provide', label: 'Staying close support is needed and will be provided' },
  { code: 'not_needed', label: 'Staying close support is not needed' },
  { code: 'declined', label: 'The young person declined staying close support' },
] as const

export async function recordStayingClose(db: Kysely<DB>, actor: Actor, childId: string, a: { date: LocalDate | null; outcome: string }, today: LocalDate, form: Submission = {}): Promise<Outcome> {
  return change(db, actor, childId, form, async (trx) => {
    const c = await load(trx, actor, childId)
    const errors: FieldErrors = {}
    checkDate(errors, 'date', a.date, today)
    const outcome = stayingCloseOutcomes.find((o) => o.code === a.outcome)
    if (!outcome) errors.outcome = 'Select the outcome of the assessment'
    if (!a.date || !outcome || Object.keys(errors).length > 0) return errors
    const on = c.statusOn(a.date)
    if (on.status !== 'former_relevant') {
      refuse({ 'date-day': `Staying close support is assessed for a former relevant young person under 25 (CL-04). On ${ukDate(a.date)}: ${statusNames[on.status].toLowerCase()}. ${on.reason}` })
    }
    if (form.formHasErrors) return
    await trx.insertInto('staying_close_assessments').values({ la_code: actor.laCode, child_id: childId, assessed_on: a.date, outcome: outcome.code, recorded_by: actor.id }).execute()
    await appendChildEvent(trx, event(actor, childId, 'care_leaver.staying_close_assessed', `Staying close assessed on ${ukDate(a.date)}: ${outcome.label.toLowerCase()}`, { date: a.date, outcome: outcome.code }))
  })
}
