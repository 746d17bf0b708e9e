// What the child's page section, the child protection page and the chair's list show: the record in plain
// English with every open deadline, its days left or overdue, and the rule it comes from.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { deadlineStatus, describePeriod, effectivePeriod, type TimescaleSettings } from '../../platform/timescales/engine.js'
import { timescaleRule } from '../../platform/timescales/rules.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import {
  assessmentOutcomes, assessmentStatuses, attendingAgencies, categoriesOfAbuse, planEndReasons, section47Outcomes, strategyDecisions,
} from './codes.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'
import {
  childProtectionRecord, deadlinesOf, initialConferenceOf, openPlanOf, openReferralOf, reviewsOf, type ChildProtectionRecord, type ModuleDeadline,
} from './record.js'


const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export interface ShownDeadline extends ModuleDeadline {
  status: string
  overdue: boolean
  rag: string
  /** "CP-05: Working Together to Safeguard Children 2023, ch.4", with the period and whether it is local. */
  source: string
  period: string
}

export function showDeadline(deadline: ModuleDeadline, settings: TimescaleSettings, today: LocalDate): ShownDeadline {
  const rule = timescaleRule(deadline.ruleId)
  const { daysLeft, rag } = deadlineStatus(deadline.due, today)
  const status = daysLeft < 0 ? `${plural(-daysLeft, 'day')} overdue` : daysLeft === 0 ? 'Due today' : `${plural(daysLeft, 'day')} left`
  const period = `${describePeriod(effectivePeriod(rule, settings))} from ${rule.trigger.charAt(0).toLowerCase()}${rule.trigger.slice(1)}`
  return {
    ...deadline, status, overdue: daysLeft < 0, rag, period: rule.scope === 'local' ? `${period} (this authority’s setting)` : period,
    source: `${rule.id}: ${rule.source}`,
  }
}

const attendeeText = (record: ChildProtectionRecord['discussions'][number]) =>
  record.attendees.map((a) => `${attendingAgencies[a.agency].label}: ${a.names}`)

/** Everything the module knows about one child, ready for a page. */
export function overviewOf(record: ChildProtectionRecord, settings: TimescaleSettings, today: LocalDate) {
  const referral = openReferralOf(record)
  const deadlines = deadlinesOf(record, settings).map((d) => showDeadline(d, settings, today))
  const plan = openPlanOf(record)
  const planView = (p: ChildProtectionRecord['plans'][number]) => ({
    ...p,
    initialCategory: categoriesOfAbuse[p.initial_category],
    latestCategory: categoriesOfAbuse[p.latest_category],
    secondOrLater: p.previous_plans > 0,
    endReason: p.end_reason ? planEndReasons[p.end_reason] : null,
    reviews: reviewsOf(record, p.id),
    coreGroups: record.coreGroups.filter((m) => m.plan_id === p.id),
  })
  const nextOf = (...rules: string[]) => deadlines.find((d) => rules.includes(d.ruleId)) ?? null
  return {
    referral,
    assessments: record.assessments.map((a) => ({
      ...a, statusText: assessmentStatuses[a.status], outcomeText: a.outcome ? assessmentOutcomes[a.outcome] : null,
      current: referral !== undefined && a.referral_id === referral.id,
    })),
    discussions: record.discussions.map((d) => ({ ...d, decisionText: strategyDecisions[d.decision], attendeeLines: attendeeText(d) })),
    enquiries: record.enquiries.map((e) => ({
      ...e, outcomeText: e.outcome ? section47Outcomes[e.outcome] : null,
      discussionDate: record.discussions.find((d) => d.id === e.strategy_discussion_id)!.discussion_date,
      conference: initialConferenceOf(record, e.id) ?? null,
    })),
    plan: plan ? planView(plan) : null,
    pastPlans: record.plans.filter((p) => p.end_date !== null).map(planView),
    deadlines,
    next: { conference: nextOf('CP-05', 'CP-08', 'CP-09'), coreGroup: nextOf('CP-07.first', 'CP-07.subsequent'), visit: nextOf('CP-10') },
  }
}

export type Overview = ReturnType<typeof overviewOf>

export async function childProtectionOverview(db: Kysely<DB>, laCode: string, childId: string, today: LocalDate): Promise<Overview> {
  const [record, settings] = await Promise.all([childProtectionRecord(db, childId), timescaleSettingsFor(db, laCode)])
  return overviewOf(record, settings, today)
}
