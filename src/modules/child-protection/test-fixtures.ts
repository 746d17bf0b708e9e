// What this module's tests share: a referred child, date boxes as a user types them, and the forms of each
// step with answers a user would give.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { allocate, createChild, userId } from '../../../test/support/records.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { openReferral } from '../front-door/service.js'

export const dateFields = (name: string, date: LocalDate): Record<string, string> =>
  ({ [`${name}-day`]: String(Number(date.slice(8, 10))), [`${name}-month`]: String(Number(date.slice(5, 7))), [`${name}-year`]: date.slice(0, 4) })

/** A child allocated to the demo social worker, with a referral opened through the front door's service. */
export async function referredChild(db: Kysely<DB>, referralDate: LocalDate, options: { urgent?: boolean; dateOfBirth?: string; lastName?: string } = {}): Promise<string> {
  const childId = await createChild(db, { firstName: 'Mia', lastName: options.lastName ?? 'Harbour', dateOfBirth: options.dateOfBirth })
  await allocate(db, childId, 'social.worker')
  const worker = await userId(db, 'social.worker')
  await db.transaction().execute((trx) => openReferral(trx, { id: worker, laCode: '886' }, {
    childId, referralDate, source: '2A', primaryNeed: 'N1', urgentStrategyDiscussion: options.urgent ?? false,
  }))
  return childId
}

export const strategyForm = (date: LocalDate, overrides: Record<string, string> = {}): Record<string, string> => ({
  ...dateFields('discussionDate', date),
  'attendees-social_care': 'Sam Okafor, social worker', 'attendees-police': 'DC Laura Kemp', 'attendees-health': 'Grace Adeyemi, health visitor',
  'attendees-education': '', 'attendees-other': '', decision: 'section_47', decisionDetail: '', ...overrides,
})

export const submitForm = (completedOn: LocalDate, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  factors: ['18A', '3B'], outcome: 'strategy_discussion', analysis: 'Bruising consistent with a grip; domestic abuse at home.',
  ...dateFields('completedOn', completedOn), lateReason: '', ...overrides,
})
