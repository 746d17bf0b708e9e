// A child's child protection record as one read model (referrals, assessments, strategy discussions,
// enquiries, conferences, plans, core groups and visits), loaded for many children at once, and the
// deadlines it leaves open, each computed by the one timescale engine.
import type { Executor } from '../../platform/audit/audit.js'
import { dueDate, type TimescaleSettings } from '../../platform/timescales/engine.js'
import { timescaleRule, type TimescaleRuleId } from '../../platform/timescales/rules.js'
import {
  childProtectionReviews, childProtectionVisits, coreGroups, nextDue,
} from '../../platform/timescales/sequences.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { referralsForChildren, type ReferralRecord } from '../front-door/service.js'
import {
  assessmentsOf, childProtectionVisitsOf, conferencesOf, coreGroupsOf, enquiriesOf, plansOf, strategyDiscussionsOf,
  type AssessmentRow, type ConferenceRow, type CoreGroupRow, type PlanRow, type Section47Row, type StrategyDiscussionRow,
} from './repository.js'

export interface ChildProtectionRecord {
  childId: string
  referrals: ReferralRecord[]
  assessments: AssessmentRow[]
  discussions: StrategyDiscussionRow[]
  enquiries: Section47Row[]
  conferences: ConferenceRow[]
  plans: PlanRow[]
  coreGroups: CoreGroupRow[]
  visits: LocalDate[]
}

const byChild = <T extends { child_id: string }>(rows: T[], childId: string) => rows.filter((r) => r.child_id === childId)

/** Every child's record, one query per table. */
export async function childProtectionRecords(db: Executor, childIds: readonly string[]): Promise<Map<string, ChildProtectionRecord>> {
  if (childIds.length === 0) return new Map()
  const [referrals, assessments, discussions, enquiries, conferences, plans, coreGroups, visits] = await Promise.all([
    referralsForChildren(db, childIds), assessmentsOf(db, childIds), strategyDiscussionsOf(db, childIds), enquiriesOf(db, childIds),
    conferencesOf(db, childIds), plansOf(db, childIds), coreGroupsOf(db, childIds), childProtectionVisitsOf(db, childIds),
  ])
  return new Map(childIds.map((childId) => [childId, {
    childId,
    referrals: referrals.filter((r) => r.childId === childId),
    assessments: byChild(assessments, childId),
    discussions: byChild(discussions, childId),
    enquiries: byChild(enquiries, childId),
    conferences: byChild(conferences, childId),
    plans: byChild(plans, childId),
    coreGroups: byChild(coreGroups, childId),
    visits: byChild(visits, childId).map((v) => v.visit_date),
  }]))
}

export async function childProtectionRecord(db: Executor, childId: string): Promise<ChildProtectionRecord> {
  return (await childProtectionRecords(db, [childId])).get(childId)!
}

export const openReferralOf = (record: ChildProtectionRecord): ReferralRecord | undefined =>
  record.referrals.find((r) => r.closureDate === null)

export const openPlanOf = (record: ChildProtectionRecord): PlanRow | undefined => record.plans.find((p) => p.end_date === null)

/** The initial conference held on an enquiry, if any. */
export const initialConferenceOf = (record: ChildProtectionRecord, enquiryId: string): ConferenceRow | undefined =>
  record.conferences.find((c) => c.kind === 'initial' && c.section47_id === enquiryId)

export const reviewsOf = (record: ChildProtectionRecord, planId: string): ConferenceRow[] =>
  record.conferences.filter((c) => c.kind === 'review' && c.plan_id === planId)

export interface ModuleDeadline {
  childId: string
  ruleId: TimescaleRuleId
  what: string
  /** The trigger date the period counts from. */
  from: LocalDate
  due: LocalDate
  href: string
  /** For conferences: where the chair records it (the worker's `href` is the overview). */
  chairHref?: string
}

export const childProtectionHref = (childId: string): string => `/children/${childId}/child-protection`

/** What this record still has due, by the national rules and the authority's local settings. */
export function deadlinesOf(record: ChildProtectionRecord, settings: TimescaleSettings): ModuleDeadline[] {
  const { childId } = record
  const base = childProtectionHref(childId)
  const deadlines: ModuleDeadline[] = []
  const add = (ruleId: TimescaleRuleId, from: LocalDate, href: string, chairHref?: string) =>
    deadlines.push({ childId, ruleId, what: timescaleRule(ruleId).name, from, due: dueDate(ruleId, from, settings), href, ...(chairHref ? { chairHref } : {}) })

  const referral = openReferralOf(record)
  if (referral) {
    const onReferral = record.assessments.filter((a) => a.referral_id === referral.id)
    if (!onReferral.some((a) => a.status === 'authorised')) {
      const inHand = onReferral.find((a) => a.status !== 'authorised')
      add('CP-02', referral.referralDate, inHand ? `/children/${childId}/assessments/${inHand.id}` : `/children/${childId}/assessments/new`)
    }
    const discussions = record.discussions.filter((d) => d.referral_id === referral.id)
    const needsDiscussionFrom = referral.urgentStrategyDiscussion
      ? referral.referralDate
      : onReferral.filter((a) => a.outcome === 'strategy_discussion' && a.status !== 'in_progress' && a.status !== 'returned').at(-1)?.completed_on
    if (needsDiscussionFrom && !discussions.some((d) => d.discussion_date >= needsDiscussionFrom)) {
      add('CP-03', needsDiscussionFrom, `${base}/strategy-discussions/new`)
    }
  }

  for (const enquiry of record.enquiries) {
    const discussion = record.discussions.find((d) => d.id === enquiry.strategy_discussion_id)!
    if (enquiry.outcome === null) add('CP-04', discussion.discussion_date, `${base}/section-47/${enquiry.id}/outcome`)
    if ((enquiry.outcome === null || enquiry.outcome === 'conference') && !initialConferenceOf(record, enquiry.id)) {
      add('CP-05', discussion.discussion_date, base, `${base}/section-47/${enquiry.id}/conference`)
    }
  }

  const plan = openPlanOf(record)
  if (plan) {
    const meetings = record.coreGroups.filter((m) => m.plan_id === plan.id).map((m) => m.meeting_date)
    const reviews = reviewsOf(record, plan.id).map((c) => c.conference_date)
    const steps = [
      [nextDue(coreGroups, { icpc: plan.start_date, meetings }, settings), `${base}/plans/${plan.id}/core-groups/new`],
      [nextDue(childProtectionReviews, { icpc: plan.start_date, reviews }, settings), base, `${base}/plans/${plan.id}/reviews/new`],
      [nextDue(childProtectionVisits, { planStart: plan.start_date, visits: record.visits }, settings), `/children/${childId}/notes/new`],
    ] as const
    for (const [next, href, chairHref] of steps) if (next) add(next.rule.id as TimescaleRuleId, next.from, href, chairHref)
  }
  return deadlines.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
}
