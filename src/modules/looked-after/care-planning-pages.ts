// The care-planning form pages: the child's permanence plan (social worker or team manager) and the independent
// reviewing officer's contact with the child (the reviewing officer).
import { iroContactKinds, permanencePlans, recordIroContact, recordPermanencePlan } from './care-planning.js'
import type { FormPage } from './pages.js'

export const permanencePlanPage: FormPage = {
  path: 'permanence-plan/new', title: 'Record the permanence plan', button: 'Record the plan', recorded: 'permanence-plan',
  intro: 'The plan for where the child will grow up, as agreed at the care planning meeting or looked-after review. A new plan replaces the last from the day it was set.',
  fields: [
    { name: 'plan', kind: 'radios', label: 'What is the permanence plan?', options: permanencePlans },
    { name: 'date', kind: 'date', label: 'When was this plan set?' },
  ],
  submit: (db, actor, childId, read, today, form) => recordPermanencePlan(db, actor, childId, { plan: read.values.plan ?? '', date: read.dates.date ?? null }, today, form),
}

export const iroContactPage: FormPage = {
  path: 'iro-contacts/new', title: 'Record your contact with the child', button: 'Record the contact', recorded: 'iro-contact',
  intro: 'A visit or other contact you had with the child as their independent reviewing officer, outside the review itself.',
  fields: [
    { name: 'kind', kind: 'radios', label: 'How were you in contact?', options: iroContactKinds },
    { name: 'date', kind: 'date', label: 'When?' },
  ],
  submit: (db, actor, childId, read, today, form) => recordIroContact(db, actor, childId, { kind: read.values.kind ?? '', date: read.dates.date ?? null }, today, form),
}
