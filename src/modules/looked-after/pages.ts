// The module's form pages, each described once: its fields, who may use it and the service call it makes.
// One template renders them all (views/form.njk), so every page has the same GOV.UK error handling.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { placementChangeReasons, placementProviders, placementTypes, type Code } from '../placements/service.js'
import {
  adoptionMilestones, adoptionReversalReasons, categoriesOfNeed, leavingCareReasons, legalStatuses, missingKinds, participationCodes, previousPermanence,
  sdqReasons, substanceMisuseInterventions, convictionKinds, visitRegimes,
} from './codes.js'
import type { Actor, Outcome } from './outcomes.js'
import type { Submission } from './submissions.js'
import {
  changeLegalStatus, changePlacement, leaveCare, recordAdoptionMilestone, recordConviction, recordEducation, recordHealthCheck, recordMissing,
  recordMissingReturn, recordReview, recordUasc, recordVisit, recordWellbeing, startCare,
} from './service.js'

export interface Field {
  name: string
  kind: 'date' | 'radios' | 'select' | 'text'
  label: string
  hint?: string
  options?: readonly Code[]
  optional?: boolean
  /** Shown as a code and label ("V2: Accommodated..."), for codes users know from the 903. */
  showCode?: boolean
}

export interface Read { values: Record<string, string>; dates: Record<string, LocalDate | null> }

export interface FormPage {
  /** After the child's looked-after path: `start`, `reviews/new`. */
  path: string
  title: string
  button: string
  intro?: string
  fields: readonly Field[]
  /** The banner after a change (`?recorded=` key). */
  recorded: string
  submit(db: Kysely<DB>, actor: Actor, childId: string, read: Read, today: LocalDate, form: Submission, params: Record<string, string>): Promise<Outcome>
}

const yesNo: readonly Code[] = [{ code: 'yes', label: 'Yes' }, { code: 'no', label: 'No' }]

const placementFields: readonly Field[] = [
  { name: 'placementType', kind: 'select', label: 'Type of placement (PLACE)', options: placementTypes, showCode: true },
  { name: 'provider', kind: 'select', label: 'Placement provider (PLACE_PROVIDER)', hint: 'Leave blank for temporary and other (Z) placements', options: placementProviders, showCode: true, optional: true },
  { name: 'urn', kind: 'text', label: 'Ofsted unique reference number (URN)', hint: '6 or 7 digits, or SC and the digits. Leave blank if Ofsted does not register this kind of placement', optional: true },
  { name: 'homePostcode', kind: 'text', label: 'Postcode of the home the child came from', optional: true },
  { name: 'placementPostcode', kind: 'text', label: 'Postcode of the placement', optional: true },
  { name: 'visitRegime', kind: 'radios', label: 'How are social worker visits counted?', hint: 'Care orders at home are worked out from the legal status and placement', options: visitRegimes },
]

const v = (read: Read, name: string) => read.values[name] ?? ''
const placementAnswers = (read: Read) => ({
  placementType: v(read, 'placementType'), provider: v(read, 'provider'), urn: v(read, 'urn'), homePostcode: v(read, 'homePostcode'),
  placementPostcode: v(read, 'placementPostcode'), visitRegime: v(read, 'visitRegime'),
})

export const careChanges: readonly FormPage[] = [
  {
    path: 'start', title: 'Record the child coming into care', button: 'Record coming into care', recorded: 'started',
    intro: 'This starts a period of care. Kindred writes the first 903 episode (reason for new episode S).',
    fields: [
      { name: 'startDate', kind: 'date', label: 'When did the child become looked after?' },
      { name: 'legalStatus', kind: 'select', label: 'Legal status (LS)', options: legalStatuses, showCode: true },
      { name: 'categoryOfNeed', kind: 'select', label: 'Category of need (CIN)', hint: 'The main reason the child became looked after; it stays the same for the whole period', options: categoriesOfNeed, showCode: true },
      ...placementFields,
      { name: 'previousPermanence', kind: 'radios', label: 'Did the child have a permanence order before?', options: previousPermanence },
      { name: 'previousPermanenceLa', kind: 'text', label: 'Local authority that arranged the earlier order', optional: true },
      { name: 'previousPermanenceDate', kind: 'date', label: 'Date of the earlier order', optional: true },
    ],
    submit: (db, actor, childId, read, today, form) => startCare(db, actor, childId, {
      ...placementAnswers(read), startDate: read.dates.startDate ?? null, legalStatus: v(read, 'legalStatus'), categoryOfNeed: v(read, 'categoryOfNeed'),
      previousPermanence: v(read, 'previousPermanence'), previousPermanenceLa: v(read, 'previousPermanenceLa'), previousPermanenceDate: read.dates.previousPermanenceDate ?? null,
    }, today, form),
  },
  {
    path: 'placement', title: 'Record a change of placement', button: 'Record the change', recorded: 'placement',
    intro: 'A move to a new carer, or a change to the placement with the same carer (its type, provider, URN or address). Kindred ends the current 903 episode and starts the next.',
    fields: [
      { name: 'date', kind: 'date', label: 'When did the placement change?' },
      { name: 'sameCarer', kind: 'radios', label: 'Is the child still with the same carer?', options: yesNo },
      ...placementFields,
      { name: 'reason', kind: 'select', label: 'Reason for the placement change', hint: 'Not needed for moves into or out of a temporary placement', options: placementChangeReasons, optional: true },
    ],
    submit: (db, actor, childId, read, today, form) => changePlacement(db, actor, childId, {
      ...placementAnswers(read), date: read.dates.date ?? null, sameCarer: v(read, 'sameCarer'), reason: v(read, 'reason'),
    }, today, form),
  },
  {
    path: 'legal-status', title: 'Record a new legal status', button: 'Record the legal status', recorded: 'legal-status',
    intro: 'A new order, or a change in the legal basis for looking after the child. The placement stays as it is.',
    fields: [
      { name: 'date', kind: 'date', label: 'When did the legal status change?' },
      { name: 'legalStatus', kind: 'select', label: 'New legal status (LS)', options: legalStatuses, showCode: true },
    ],
    submit: (db, actor, childId, read, today, form) => changeLegalStatus(db, actor, childId, { date: read.dates.date ?? null, legalStatus: v(read, 'legalStatus') }, today, form),
  },
  {
    path: 'leave', title: 'Record the child leaving care', button: 'Record leaving care', recorded: 'ended',
    fields: [
      { name: 'date', kind: 'date', label: 'When did the child stop being looked after?' },
      { name: 'reason', kind: 'select', label: 'Reason the period of care ended (REC)', options: leavingCareReasons, showCode: true },
    ],
    submit: (db, actor, childId, read, today, form) => leaveCare(db, actor, childId, { date: read.dates.date ?? null, reason: v(read, 'reason') }, today, form),
  },
]

export const reviewPage: FormPage = {
  path: 'reviews/new', title: 'Record a looked-after review', button: 'Record the review', recorded: 'review',
  fields: [
    { name: 'date', kind: 'date', label: 'When was the review held?' },
    { name: 'participation', kind: 'radios', label: 'How did the child take part?', options: participationCodes, showCode: true },
  ],
  submit: (db, actor, childId, read, today, form) => recordReview(db, actor, childId, { date: read.dates.date ?? null, participation: v(read, 'participation') }, today, form),
}

export const records: readonly FormPage[] = [
  {
    path: 'visits/new', title: 'Record a social worker visit', button: 'Record the visit', recorded: 'visit',
    fields: [
      { name: 'date', kind: 'date', label: 'When did you visit?' },
      { name: 'seenAlone', kind: 'radios', label: 'Was the child seen alone?', options: yesNo },
    ],
    submit: (db, actor, childId, read, today, form) => recordVisit(db, actor, childId, { date: read.dates.date ?? null, seenAlone: v(read, 'seenAlone') }, today, form),
  },
  {
    path: 'health/new', title: 'Record a health assessment or dental check', button: 'Record the check', recorded: 'health',
    fields: [
      { name: 'kind', kind: 'radios', label: 'What was it?', options: [{ code: 'health_assessment', label: 'Health assessment' }, { code: 'dental_check', label: 'Dental check' }] },
      { name: 'date', kind: 'date', label: 'When was it?' },
    ],
    submit: (db, actor, childId, read, today, form) => recordHealthCheck(db, actor, childId, { date: read.dates.date ?? null, kind: v(read, 'kind') }, today, form),
  },
  {
    path: 'wellbeing/new', title: 'Record immunisations, SDQ and substance misuse', button: 'Record', recorded: 'wellbeing',
    fields: [
      { name: 'date', kind: 'date', label: 'Date of the information' },
      { name: 'immunisations', kind: 'radios', label: 'Are the child’s immunisations up to date?', options: yesNo },
      { name: 'sdqScore', kind: 'text', label: 'Strengths and difficulties questionnaire (SDQ) score', hint: 'A whole number from 0 to 40. Leave blank if the SDQ was not done', optional: true },
      { name: 'sdqReason', kind: 'select', label: 'Why the SDQ was not done', options: sdqReasons, optional: true },
      { name: 'substanceMisuse', kind: 'radios', label: 'Was the child identified as having a substance misuse problem?', options: yesNo },
      { name: 'intervention', kind: 'radios', label: 'If so, did the child receive an intervention for it?', hint: 'Leave blank if the child has no substance misuse problem', options: substanceMisuseInterventions, optional: true },
    ],
    submit: (db, actor, childId, read, today, form) => recordWellbeing(db, actor, childId, {
      date: read.dates.date ?? null, immunisations: v(read, 'immunisations'), sdqScore: v(read, 'sdqScore'), sdqReason: v(read, 'sdqReason'), substanceMisuse: v(read, 'substanceMisuse'),
      intervention: v(read, 'intervention'),
    }, today, form),
  },
  {
    path: 'youth-justice/new', title: 'Record a conviction or youth caution', button: 'Record', recorded: 'youth-justice',
    fields: [
      { name: 'kind', kind: 'radios', label: 'What was the outcome?', options: convictionKinds },
      { name: 'date', kind: 'date', label: 'When was the child convicted or cautioned?' },
    ],
    submit: (db, actor, childId, read, today, form) => recordConviction(db, actor, childId, { kind: v(read, 'kind'), date: read.dates.date ?? null }, today, form),
  },
  {
    path: 'education/new', title: 'Record a personal education plan meeting or school move', button: 'Record', recorded: 'education',
    fields: [
      { name: 'kind', kind: 'radios', label: 'What happened?', options: [{ code: 'pep_meeting', label: 'Personal education plan (PEP) meeting' }, { code: 'school_move', label: 'Moved school' }] },
      { name: 'date', kind: 'date', label: 'When?' },
      { name: 'schoolName', kind: 'text', label: 'New school (for a school move)', optional: true },
    ],
    submit: (db, actor, childId, read, today, form) => recordEducation(db, actor, childId, { date: read.dates.date ?? null, kind: v(read, 'kind'), schoolName: v(read, 'schoolName') }, today, form),
  },
  {
    path: 'missing/new', title: 'Record a missing or away from placement episode', button: 'Record', recorded: 'missing',
    fields: [
      { name: 'kind', kind: 'radios', label: 'Was the child missing, or away from placement without authorisation?', options: missingKinds },
      { name: 'start', kind: 'date', label: 'When did it start?' },
      { name: 'end', kind: 'date', label: 'When did the child come back?', hint: 'Leave blank if the child has not come back yet', optional: true },
      { name: 'offered', kind: 'radios', label: 'Was a return interview offered?', options: yesNo, optional: true },
      { name: 'taken', kind: 'radios', label: 'Did the child take up the return interview?', options: yesNo, optional: true },
    ],
    submit: (db, actor, childId, read, today, form) => recordMissing(db, actor, childId, {
      kind: v(read, 'kind'), start: read.dates.start ?? null, end: read.dates.end ?? null, offered: v(read, 'offered'), taken: v(read, 'taken'),
    }, today, form),
  },
  {
    path: 'missing/:missingId/return', title: 'Record the child coming back', button: 'Record', recorded: 'missing-return',
    fields: [
      { name: 'end', kind: 'date', label: 'When did the child come back?' },
      { name: 'offered', kind: 'radios', label: 'Was a return interview offered?', options: yesNo },
      { name: 'taken', kind: 'radios', label: 'Did the child take up the return interview?', options: yesNo, optional: true },
    ],
    submit: (db, actor, childId, read, today, form, params) => recordMissingReturn(db, actor, childId, params.missingId ?? '', {
      end: read.dates.end ?? null, offered: v(read, 'offered'), taken: v(read, 'taken'),
    }, today, form),
  },
  {
    path: 'uasc', title: 'Unaccompanied asylum-seeking child', button: 'Save', recorded: 'uasc',
    fields: [
      { name: 'uasc', kind: 'radios', label: 'Is, or was, the child an unaccompanied asylum-seeking child?', options: yesNo },
      { name: 'ceasedOn', kind: 'date', label: 'When did the child stop being one?', hint: 'For example, when granted leave to remain or turning 18. Leave blank if still', optional: true },
    ],
    submit: (db, actor, childId, read, today, form) => recordUasc(db, actor, childId, { uasc: v(read, 'uasc'), ceasedOn: read.dates.ceasedOn ?? null }, today, form),
  },
  {
    path: 'adoption/new', title: 'Record an adoption milestone', button: 'Record the milestone', recorded: 'adoption',
    fields: [
      { name: 'milestone', kind: 'radios', label: 'What happened?', options: adoptionMilestones },
      { name: 'date', kind: 'date', label: 'When?' },
      { name: 'reason', kind: 'radios', label: 'Why should the child no longer be placed for adoption?', hint: 'Only for a decision that the child should no longer be placed for adoption', options: adoptionReversalReasons, showCode: true, optional: true },
    ],
    submit: (db, actor, childId, read, today, form) =>
      recordAdoptionMilestone(db, actor, childId, { milestone: v(read, 'milestone'), date: read.dates.date ?? null, reason: v(read, 'reason') }, today, form),
  },
]
