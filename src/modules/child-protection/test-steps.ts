// The steps of a child protection case through the real app, for tests that need a case at a stage.
import { expect } from 'vitest'
import type { Agent, TestApp } from '../../../test/support/app.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { dateFields, referredChild, strategyForm } from './test-fixtures.js'

export const cpPath = (childId: string): string => `/children/${childId}/child-protection`

/** The text of the GOV.UK error message shown beside a field (its id), or null. */
export function fieldError(body: string, id: string): string | null {
  const match = new RegExp(`<p id="${id}-error" class="govuk-error-message">\\s*<span class="govuk-visually-hidden">Error:</span>\\s*([^<]*)</p>`).exec(body)
  return match ? match[1]!.trim().replace(/&#39;/g, '\'').replace(/&quot;/g, '"') : null
}

export async function expectRedirect(agent: Agent, url: string, form: Record<string, string | string[]>): Promise<void> {
  const response = await agent.post(url, form)
  expect(response.statusCode, fieldErrorsIn(response.body).join('; ')).toBe(303)
}

const fieldErrorsIn = (body: string) => [...body.matchAll(/class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span>\s*([^<]*)</g)].map((m) => m[1]!.trim())

export interface Case { childId: string; discussionId?: string; enquiryId?: string; planId?: string }

export interface Dates { referral: LocalDate; discussion: LocalDate; enquiry: LocalDate; outcome: LocalDate; conference: LocalDate }

/** Easter 2025: the initial conference is due 15 working days after Monday 14 April, on 8 May. */
export const easter2025: Dates = { referral: '2025-04-10', discussion: '2025-04-14', enquiry: '2025-04-14', outcome: '2025-05-01', conference: '2025-05-08' }

/** Takes a new referred child as far as `stage` through the pages, as the worker and the chair would. */
export async function caseAt(t: TestApp, agents: { worker: Agent; chair: Agent }, stage: 'discussion' | 'enquiry' | 'outcome' | 'plan',
  dates: Dates = easter2025, options: { dateOfBirth?: string } = {}): Promise<Case> {
  const db = t.database.db
  const childId = await referredChild(db, dates.referral, options)
  const base = cpPath(childId)
  await expectRedirect(agents.worker, `${base}/strategy-discussions/new`, strategyForm(dates.discussion))
  const discussionId = (await db.selectFrom('strategy_discussions').where('child_id', '=', childId).select('id').executeTakeFirstOrThrow()).id
  if (stage === 'discussion') return { childId, discussionId }
  await expectRedirect(agents.worker, `${base}/section-47/new`, { strategyDiscussionId: discussionId, ...dateFields('startDate', dates.enquiry) })
  const enquiryId = (await db.selectFrom('section47_enquiries').where('child_id', '=', childId).select('id').executeTakeFirstOrThrow()).id
  if (stage === 'enquiry') return { childId, discussionId, enquiryId }
  await expectRedirect(agents.worker, `${base}/section-47/${enquiryId}/outcome`, { outcome: 'conference', ...dateFields('outcomeDate', dates.outcome) })
  if (stage === 'outcome') return { childId, discussionId, enquiryId }
  await expectRedirect(agents.chair, `${base}/section-47/${enquiryId}/conference`, { ...dateFields('conferenceDate', dates.conference), decision: 'plan', category: 'NEG' })
  const planId = (await db.selectFrom('child_protection_plans').where('child_id', '=', childId).where('end_date', 'is', null).select('id').executeTakeFirstOrThrow()).id
  return { childId, discussionId, enquiryId, planId }
}
