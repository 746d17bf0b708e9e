// Lists 4-7: assessments, section 47 enquiries and ICPCs, children in need and child protection plans open at
// any time in the range, one row each, as they stood at the end of the range.
import { addMonths } from '../../../platform/working-days/local-date.js'
import type { AnnexAFacts } from './facts.js'
import { abuseCategory, primaryNeed, reasonForClosure, yesNo, yesNoUnknown } from './codes.js'
import { allocated, byEnd, cells, inTwelveMonthsTo, latest, overlaps, whoTheChildIs } from './rows.js'
import type { Cell } from './xlsx.js'

const needsSupport = new Set(['child_in_need_plan', 'strategy_discussion', 'looked_after'])

export function list4(facts: AnnexAFacts): Cell[][] {
  const { to } = facts.range
  return facts.childProtection.assessments.filter((a) => overlaps(a.start_date, a.authorised_on, facts.range)).flatMap((a) => {
    const child = facts.children.get(a.child_id)
    if (!child) return []
    const until = byEnd(a.authorised_on, to) ?? to
    const visits = facts.visits.filter((v) => v.childId === a.child_id && v.date >= a.start_date && v.date <= until)
    const authorised = byEnd(a.authorised_on, to)
    return [cells(4, {
      ...whoTheChildIs(child, to), 'Continuous Assessment Start Date': a.start_date,
      'Child Seen During Continuous Assessment': visits.some((v) => v.seen) ? 'True' : visits.length > 0 ? 'False' : 'Unknown',
      'Continuous Assessment Date of Authorisation': authorised,
      "Was the child assessed as requiring LA children's social care support?": authorised && a.outcome ? yesNo(needsSupport.has(a.outcome)) : null,
      ...allocated(facts.allocations, a.child_id, to),
    })]
  })
}

export function list5(facts: AnnexAFacts): Cell[][] {
  const { to } = facts.range
  const { section47s, strategyDiscussions, conferences } = facts.childProtection
  const initial = conferences.filter((c) => c.kind === 'initial')
  return section47s.filter((s) => overlaps(s.start_date, s.outcome_date, facts.range)).flatMap((s) => {
    const child = facts.children.get(s.child_id)
    if (!child) return []
    const icpc = initial.find((c) => c.section47_id === s.id && c.conference_date <= to)
    const inYear = inTwelveMonthsTo(to)
    return [cells(5, {
      ...whoTheChildIs(child, to),
      'Strategy discussion initiating Section 47 Enquiry Start Date': strategyDiscussions.find((d) => d.id === s.strategy_discussion_id)?.discussion_date ?? s.start_date,
      'Was an Initial Child Protection Conference deemed unnecessary?': byEnd(s.outcome_date, to) ? yesNo(s.icpc_not_required || s.outcome !== 'conference') : null,
      'Date of Initial Child Protection Conference': icpc?.conference_date ?? null,
      'Did the Initial Child Protection Conference Result in a Child Protection Plan': icpc ? yesNo(icpc.decision === 'plan') : null,
      'Number of Section 47 Enquiries in the last 12 months': section47s.filter((x) => x.child_id === s.child_id && inYear(x.start_date)).length,
      'Number of ICPCs in the last 12 months': initial.filter((c) => c.child_id === s.child_id && inYear(c.conference_date)).length,
      ...allocated(facts.allocations, s.child_id, to),
    })]
  })
}

/** What the child's case was at the end of the range, the most intensive first. */
function caseStatus(facts: AnnexAFacts, childId: string, closedBy: string | null): string {
  const { to } = facts.range
  const openOn = (start: string, end: string | null) => start <= to && (end === null || end > to)
  if (facts.periods.some((p) => p.childId === childId && openOn(p.start, p.end))) return 'a) Looked after child'
  if (facts.childProtection.plans.some((p) => p.child_id === childId && openOn(p.start_date, p.end_date))) return 'b) Child Protection plan'
  if (facts.cinPlans.some((p) => p.child_id === childId && openOn(p.start_date, p.end_date))) return 'c) Child in need plan'
  return closedBy ? 'e) Closed episode' : 'd) Open assessment'
}

export function list6(facts: AnnexAFacts): Cell[][] {
  const { to } = facts.range
  return facts.referrals.filter((r) => overlaps(r.referralDate, r.closureDate, facts.range)).flatMap((r) => {
    const child = facts.children.get(r.childId)
    if (!child) return []
    const closed = byEnd(r.closureDate, to)
    const seen = latest(facts.visits.filter((v) => v.childId === r.childId && v.seen), (v) => v.date, to)
    return [cells(6, {
      ...whoTheChildIs(child, to), 'CIN Start Date': r.referralDate, 'Primary Need Code': primaryNeed(r.primaryNeed),
      'Date Child Was Last Seen': seen?.date ?? null, 'CIN Closure Date': closed, 'Reason for Closure': closed ? reasonForClosure(r.reasonForClosure) : null,
      'Case Status': caseStatus(facts, r.childId, closed), ...allocated(facts.allocations, r.childId, to),
    })]
  })
}

/** Police protection (L1) and emergency protection orders (L2) are recorded as the 903 legal status of a care episode. */
function protectedInSixMonths(facts: AnnexAFacts, childId: string): boolean {
  const since = addMonths(facts.range.to, -6)
  return facts.periods.some((p) => p.childId === childId && p.episodes.some((e) => (e.LS === 'L1' || e.LS === 'L2') && e.DECOM <= facts.range.to && (e.DEC ?? e.DECOM) >= since))
}

export function list7(facts: AnnexAFacts): Cell[][] {
  const { to } = facts.range
  const reviews = facts.childProtection.conferences.filter((c) => c.kind === 'review')
  return facts.childProtection.plans.filter((p) => overlaps(p.start_date, p.end_date, facts.range)).flatMap((p) => {
    const child = facts.children.get(p.child_id)
    if (!child) return []
    const ended = byEnd(p.end_date, to)
    const visit = latest(facts.visits.filter((v) => v.childId === p.child_id && v.date >= p.start_date), (v) => v.date, ended ?? to)
    return [cells(7, {
      ...whoTheChildIs(child, to), 'Child Protection Plan Start Date': p.start_date, 'Initial Category of Abuse': abuseCategory(p.initial_category),
      'Latest Category of Abuse': abuseCategory(p.latest_category), 'Date of the Last Statutory Visit': visit?.date ?? null,
      'Was the Child Seen Alone?': visit ? yesNoUnknown(visit.seenAlone) : null,
      'Date of latest review conference': latest(reviews.filter((c) => c.plan_id === p.id), (c) => c.conference_date, to)?.conference_date ?? null,
      'Child Protection Plan End Date': ended,
      'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)': yesNo(protectedInSixMonths(facts, p.child_id)),
      'Number of Previous Child Protection Plans': p.previous_plans, ...allocated(facts.allocations, p.child_id, to),
    })]
  })
}
