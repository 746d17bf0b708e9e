// Forms and records the front door's tests share: answers a user would type, and a contact put in
// directly where a test needs one received at a particular moment.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { addDays, todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'

export const dateFields = (name: string, date: LocalDate): Record<string, string> =>
  ({ [`${name}-day`]: String(Number(date.slice(8, 10))), [`${name}-month`]: String(Number(date.slice(5, 7))), [`${name}-year`]: date.slice(0, 4) })

/** Yesterday in England: a received date that is always in the past. */
export const yesterday = (): LocalDate => addDays(todayInEngland(), -1)

export const contactForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  ...dateFields('received', yesterday()), receivedTime: '9:15am',
  referrerName: 'Ms Head', referrerRole: 'Designated safeguarding lead', referrerOrganisation: 'Riverside Primary',
  referralSource: '2A', concern: 'Child arrived with bruising to both arms and was reluctant to go home.',
  household: 'Mother, stepfather and a baby brother', consent: 'given', consentNote: '', formToken: randomUUID(), ...overrides,
})

export const decisionForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  decision: 'referral', primaryNeed: 'N1', ...dateFields('decided', yesterday()), decidedTime: '11:30',
  reason: 'Unexplained injuries: needs assessment', feedback: 'Referred to children’s social care for assessment',
  ...dateFields('feedbackGiven', yesterday()), ...overrides,
})

export async function insertContact(db: Kysely<DB>, fields: { laCode?: string; childId: string; receivedAt: Date; recordedBy: string }): Promise<string> {
  const row = await db.insertInto('contacts').values({
    la_code: fields.laCode ?? '886', child_id: fields.childId, received_at: fields.receivedAt, referrer_name: 'A caller', referrer_role: null,
    referrer_organisation: null, referral_source: '6', concern: 'A concern', household: null, consent: 'given', consent_note: null,
    recorded_by: fields.recordedBy, form_token: null, decision: null, decided_at: null, decided_by: null, decision_reason: null,
    feedback_to_referrer: null, feedback_given_on: null,
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function insertReferral(db: Kysely<DB>, fields: { childId: string; referralDate: LocalDate; closureDate?: LocalDate; openedBy: string }): Promise<string> {
  const row = await db.insertInto('referrals').values({
    la_code: '886', child_id: fields.childId, contact_id: null, referral_date: fields.referralDate, referral_source: '6', primary_need: 'N4',
    reason: null, closure_date: fields.closureDate ?? null, reason_for_closure: fields.closureDate ? 'RC8' : null, opened_by: fields.openedBy,
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}
