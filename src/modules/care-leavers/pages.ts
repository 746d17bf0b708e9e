// The module's form pages, each described once: its fields and the service call it makes. One template renders
// them all (views/form.njk), with the GOV.UK error summary and the answers kept.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import type { Code } from '../placements/service.js'
import { accommodationCodes, activityCodes, inTouchCodes } from './codes.js'
import type { Actor, Outcome, Submission } from './outcomes.js'
import {
  recordAdviserRequest, recordBirthdayContact, recordNeedsAssessment, recordPathwayPlan, recordPathwayPlanReview, recordPersonalAdviser,
  recordStayingClose, recordStayingPut, stayingCloseOutcomes,
} from './records.js'

export interface Field {
  name: string
  kind: 'date' | 'radios' | 'select' | 'text'
  label: string
  hint?: string
  options?: readonly Code[]
  optional?: boolean
  /** Shown as "code: label", for the 903's own codes. */
  showCode?: boolean
}

export interface Read { values: Record<string, string>; dates: Record<string, LocalDate | null> }

export interface FormPage {
  /** After the young person's care leaver path. */
  path: string
  title: string
  button: string
  intro?: string
  fields: readonly Field[]
  /** The banner's key after the change (`?recorded=`). */
  recorded: string
  submit(db: Kysely<DB>, actor: Actor, childId: string, read: Read, today: LocalDate, form: Submission): Promise<Outcome>
}

const v = (read: Read, name: string) => read.values[name] ?? ''
const date = (read: Read, name: string) => read.dates[name] ?? null
const when = (label: string): Field => ({ name: 'date', kind: 'date', label })
const birthdays: readonly Code[] = [17, 18, 19, 20, 21].map((age) => ({ code: String(age), label: `${age === 21 ? '21st' : `${age}th`} birthday` }))

export const pages: readonly FormPage[] = [
  {
    path: 'needs-assessment', title: 'Record the needs assessment', button: 'Record the assessment', recorded: 'needs-assessment',
    intro: 'An eligible child’s needs are assessed within 3 months of their 16th birthday, or of becoming eligible if later (CL-01). The pathway plan is written from it.',
    fields: [when('When was the assessment completed?')],
    submit: (db, actor, childId, read, today, form) => recordNeedsAssessment(db, actor, childId, { date: date(read, 'date') }, today, form),
  },
  {
    path: 'pathway-plan', title: 'Record the pathway plan', button: 'Record the pathway plan', recorded: 'pathway-plan',
    intro: 'The pathway plan is reviewed at least every 6 months (CL-02).',
    fields: [when('When was the pathway plan made?')],
    submit: (db, actor, childId, read, today, form) => recordPathwayPlan(db, actor, childId, { date: date(read, 'date') }, today, form),
  },
  {
    path: 'pathway-plan/reviews/new', title: 'Record a pathway plan review', button: 'Record the review', recorded: 'review',
    fields: [when('When was the pathway plan reviewed?')],
    submit: (db, actor, childId, read, today, form) => recordPathwayPlanReview(db, actor, childId, { date: date(read, 'date') }, today, form),
  },
  {
    path: 'personal-adviser', title: 'Record a personal adviser', button: 'Record the personal adviser', recorded: 'adviser',
    intro: 'A personal adviser is provided to 21, and on the young person’s request to 25.',
    fields: [
      { name: 'name', kind: 'text', label: 'Personal adviser’s name' },
      { name: 'from', kind: 'date', label: 'Adviser from' },
      { name: 'to', kind: 'date', label: 'Adviser to (optional)', hint: 'Leave blank while the adviser continues', optional: true },
    ],
    submit: (db, actor, childId, read, today, form) => recordPersonalAdviser(db, actor, childId, { name: v(read, 'name'), from: date(read, 'from'), to: date(read, 'to') }, today, form),
  },
  {
    path: 'adviser-request', title: 'Record a request for a personal adviser to 25', button: 'Record the request', recorded: 'request',
    intro: 'From 21, a former relevant young person may ask for a personal adviser until they are 25.',
    fields: [when('When did the young person ask?')],
    submit: (db, actor, childId, read, today, form) => recordAdviserRequest(db, actor, childId, { date: date(read, 'date') }, today, form),
  },
  {
    path: 'birthday-contacts/new', title: 'Record in touch, activity and accommodation around a birthday', button: 'Record the contact', recorded: 'contact',
    intro: 'For the 903 (OC3): the young person’s situation around each birthday from 17 to 21, recorded from 3 months before to 1 month after the birthday.',
    fields: [
      { name: 'age', kind: 'radios', label: 'Which birthday?', options: birthdays },
      when('When was the young person’s situation checked?'),
      { name: 'inTouch', kind: 'radios', label: 'Is the authority in touch with the young person? (IN_TOUCH)', options: inTouchCodes, showCode: true },
      { name: 'activity', kind: 'radios', label: 'Main activity (ACTIV)', options: activityCodes, showCode: true },
      { name: 'accommodation', kind: 'select', label: 'Accommodation (ACCOM)', hint: 'Each kind of accommodation is suitable (1) or not suitable (2)', options: accommodationCodes, showCode: true },
    ],
    submit: (db, actor, childId, read, today, form) => recordBirthdayContact(db, actor, childId, {
      age: v(read, 'age'), date: date(read, 'date'), inTouch: v(read, 'inTouch'), activity: v(read, 'activity'), accommodation: v(read, 'accommodation'),
    }, today, form),
  },
  {
    path: 'staying-put', title: 'Record a Staying Put arrangement', button: 'Record Staying Put', recorded: 'staying-put',
    intro: 'A young person in foster care at 18 may stay with their former foster carer until 21, with the authority’s support (CL-03).',
    fields: [
      { name: 'carer', kind: 'text', label: 'Former foster carer’s name' },
      { name: 'start', kind: 'date', label: 'Staying Put from' },
      { name: 'end', kind: 'date', label: 'Staying Put to (optional)', hint: 'Leave blank while it continues; it ends by the 21st birthday', optional: true },
    ],
    submit: (db, actor, childId, read, today, form) => recordStayingPut(db, actor, childId, { carer: v(read, 'carer'), start: date(read, 'start'), end: date(read, 'end') }, today, form),
  },
  {
    path: 'staying-close', title: 'Record a staying close assessment', button: 'Record the assessment', recorded: 'staying-close',
    intro: 'A former relevant young person under 25 is assessed for staying close support, provided if their welfare requires it (CL-04, from commencement).',
    fields: [when('When was the assessment made?'), { name: 'outcome', kind: 'radios', label: 'Outcome', options: stayingCloseOutcomes }],
    submit: (db, actor, childId, read, today, form) => recordStayingClose(db, actor, childId, { date: date(read, 'date'), outcome: v(read, 'outcome') }, today, form),
  },
]
