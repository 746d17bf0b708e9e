// Assessments, section 47 enquiries, initial conferences and child protection plans loaded from a CIN census, on
// the referral (CIN episode) the front door holds. Each is the same record again when its episode has one starting
// on the same date, and is brought up to date, so importing the same census again changes nothing. The census does
// not name who authorised or chaired, nor what an assessment led to or why a plan ended: the caller says what it
// can tell, and the import source stands for the person outside Kindred.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { appendImportedEvent, endAsKnown, onDay, type ImportSource } from '../../platform/events/imported-history.js'
import { dueDate } from '../../platform/timescales/engine.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'
import { addDays, type LocalDate } from '../../platform/working-days/local-date.js'
import { categoriesOfAbuse } from './codes.js'
import type { CensusPlan } from './returns.js'
import type { AssessmentOutcome, CategoryOfAbuse } from './tables.js'

type Trx = Kysely<DB>

export interface ImportedAssessment {
  childId: string
  referralId: string
  startDate: LocalDate
  authorisedOn: LocalDate | null
  factors: string[]
  /** What it led to, as far as the episode shows. */
  outcome: AssessmentOutcome
}

export async function importAssessment(trx: Trx, source: ImportSource, given: ImportedAssessment): Promise<void> {
  const held = await trx.selectFrom('assessments').where('referral_id', '=', given.referralId).where('start_date', '=', given.startDate)
    .select(['id', 'authorised_on', 'factors', 'outcome']).executeTakeFirst()
  const authorisedOn = endAsKnown(source, given.authorisedOn, held?.authorised_on)
  const a = authorisedOn === given.authorisedOn ? given : { ...given, authorisedOn, factors: held!.factors, outcome: held!.outcome ?? given.outcome }
  const columns = a.authorisedOn
    ? { status: 'authorised' as const, outcome: a.outcome, completed_on: a.authorisedOn, submitted_by: source.recorderId, authorised_on: a.authorisedOn, authorised_by: source.outsideId, factors: a.factors }
    : { status: 'in_progress' as const, outcome: null, completed_on: null, submitted_by: null, authorised_on: null, authorised_by: null, factors: a.factors }
  let id = held?.id
  if (!held) {
    id = (await trx.insertInto('assessments').values({ la_code: source.laCode, child_id: a.childId, referral_id: a.referralId, start_date: a.startDate, started_by: source.recorderId, ...columns })
      .returning('id').executeTakeFirstOrThrow()).id
    await appendImportedEvent(trx, source, {
      childId: a.childId, type: 'assessment.started', occurredAt: onDay(a.startDate), summary: 'Child and family assessment started', data: { assessmentId: id },
    })
  } else if (held.authorised_on && a.authorisedOn) {
    // Authorised in both: who submitted and authorised it stays as held; only the date and factors follow the return.
    if (held.authorised_on !== a.authorisedOn || held.factors.join() !== a.factors.join()) {
      await trx.updateTable('assessments').set({ authorised_on: a.authorisedOn, completed_on: sql<string>`least(completed_on, ${a.authorisedOn}::date)`, factors: a.factors })
        .where('id', '=', held.id).execute()
    }
  } else if (held.authorised_on !== a.authorisedOn || held.factors.join() !== a.factors.join()) {
    await trx.updateTable('assessments').set(columns).where('id', '=', held.id).execute()
  }
  if (a.authorisedOn && held?.authorised_on !== a.authorisedOn) {
    await appendImportedEvent(trx, source, {
      childId: a.childId, type: 'assessment.authorised', occurredAt: onDay(a.authorisedOn), significant: true,
      summary: 'Child and family assessment authorised', data: { assessmentId: id, factors: a.factors },
    })
  }
}

export interface ImportedSection47 {
  childId: string
  referralId: string
  startDate: LocalDate
  /** The census's InitialCPCtarget: 15 working days from the strategy discussion (CP-05), so it dates the discussion. */
  initialConferenceTarget: LocalDate | null
  initialConferenceDate: LocalDate | null
  icpcNotRequired: boolean
  /** The category of the plan the initial conference started, or null when it started none. */
  planCategory: CategoryOfAbuse | null
}

/** The enquiry, with its strategy discussion and any initial conference; returns the conference's id. */
export async function importSection47(trx: Trx, source: ImportSource, s: ImportedSection47): Promise<string | null> {
  const held = await trx.selectFrom('section47_enquiries as s').leftJoin('child_protection_conferences as c', (join) => join.onRef('c.section47_id', '=', 's.id').on('c.kind', '=', 'initial'))
    .where('s.referral_id', '=', s.referralId).where('s.start_date', '=', s.startDate).select(['s.id', 's.outcome', 's.outcome_date', 'c.id as conferenceId']).executeTakeFirst()
  // An enquiry the census shows in progress may have concluded after its census date.
  if (held && !s.initialConferenceDate && !s.icpcNotRequired && endAsKnown(source, null, held.outcome_date)) return held.conferenceId
  const outcome = s.initialConferenceDate ? 'conference' as const : s.icpcNotRequired ? 'no_conference' as const : null
  const concluded = { outcome, outcome_date: outcome ? (s.initialConferenceDate ?? s.startDate) : null, icpc_not_required: s.icpcNotRequired }
  let id = held?.id
  if (!held) {
    const discussionDate = await strategyDiscussionDate(trx, source.laCode, s.startDate, s.initialConferenceTarget)
    const discussion = await trx.insertInto('strategy_discussions').values({
      la_code: source.laCode, child_id: s.childId, referral_id: s.referralId, discussion_date: discussionDate, attendees: '[]',
      decision: 'section_47', decision_detail: null, recorded_by: source.recorderId,
    }).returning('id').executeTakeFirstOrThrow()
    id = (await trx.insertInto('section47_enquiries').values({
      la_code: source.laCode, child_id: s.childId, referral_id: s.referralId, strategy_discussion_id: discussion.id, start_date: s.startDate,
      started_by: source.recorderId, ...concluded,
    }).returning('id').executeTakeFirstOrThrow()).id
    await appendImportedEvent(trx, source, {
      childId: s.childId, type: 'child_protection.section47_started', occurredAt: onDay(s.startDate), significant: true,
      summary: 'Section 47 enquiry started', data: { section47Id: id, strategyDiscussionId: discussion.id },
    })
  } else if (held.outcome !== outcome) {
    await trx.updateTable('section47_enquiries').set(concluded).where('id', '=', held.id).execute()
  }
  if (held?.conferenceId || !s.initialConferenceDate) return held?.conferenceId ?? null
  const conference = await trx.insertInto('child_protection_conferences').values({
    la_code: source.laCode, child_id: s.childId, kind: 'initial', section47_id: id!, plan_id: null, conference_date: s.initialConferenceDate,
    decision: s.planCategory ? 'plan' : 'no_plan', category: s.planCategory, chair_id: source.outsideId,
  }).returning('id').executeTakeFirstOrThrow()
  await appendImportedEvent(trx, source, {
    childId: s.childId, type: 'child_protection.initial_conference', occurredAt: onDay(s.initialConferenceDate), significant: true,
    summary: `Initial child protection conference: ${s.planCategory ? `child protection plan, ${categoriesOfAbuse[s.planCategory].toLowerCase()}` : 'no plan'}`,
    data: { conferenceId: conference.id, section47Id: id, decision: s.planCategory ? 'plan' : 'no_plan', category: s.planCategory },
  })
  return conference.id
}

/** The latest day, on or before the enquiry began, whose conference target is the one the census gives. */
async function strategyDiscussionDate(trx: Trx, laCode: string, startDate: LocalDate, target: LocalDate | null): Promise<LocalDate> {
  if (!target) return startDate
  const settings = await timescaleSettingsFor(trx, laCode)
  for (let back = 0; back <= 30; back++) {
    const day = addDays(startDate, -back)
    if (dueDate('CP-05', day, settings) === target) return day
  }
  return startDate
}

/** A plan as the census gives it, with the child and the initial conference it came from. */
export interface ImportedPlan extends CensusPlan {
  childId: string
  initialConferenceId: string
}

export async function importProtectionPlan(trx: Trx, source: ImportSource, given: ImportedPlan): Promise<void> {
  const held = await trx.selectFrom('child_protection_plans').where('referral_id', '=', given.referralId).where('start_date', '=', given.startDate)
    .select(['id', 'end_date', 'latest_category', 'previous_plans']).executeTakeFirst()
  const p = { ...given, endDate: endAsKnown(source, given.endDate, held?.end_date) }
  // The census does not say why a plan ended; a plan that ended in its own authority mostly ended with the risk.
  const ending = { end_date: p.endDate, end_reason: p.endDate ? 'no_continuing_risk' as const : null, latest_category: p.latestCategory, previous_plans: p.previousPlans }
  let id = held?.id
  if (!held) {
    id = (await trx.insertInto('child_protection_plans').values({
      la_code: source.laCode, child_id: p.childId, referral_id: p.referralId, initial_conference_id: p.initialConferenceId, start_date: p.startDate,
      initial_category: p.initialCategory, transfer_conference_date: null, ended_by: null, ...ending,
    }).returning('id').executeTakeFirstOrThrow()).id
    await appendImportedEvent(trx, source, {
      childId: p.childId, type: 'cp_plan.started', occurredAt: onDay(p.startDate), significant: true,
      summary: `Child protection plan started: ${categoriesOfAbuse[p.initialCategory].toLowerCase()}`,
      data: { planId: id, category: p.initialCategory, previousPlans: p.previousPlans, secondOrSubsequent: p.previousPlans > 0 },
    })
  } else if (held.end_date !== p.endDate || held.latest_category !== p.latestCategory || held.previous_plans !== p.previousPlans) {
    await trx.updateTable('child_protection_plans').set(ending).where('id', '=', held.id).execute()
  }
  const reviewed = new Set((await trx.selectFrom('child_protection_conferences').where('plan_id', '=', id!).where('kind', '=', 'review')
    .select('conference_date').execute()).map((c) => c.conference_date))
  for (const date of p.reviewDates.filter((d) => !reviewed.has(d))) {
    const ends = date === p.endDate
    const conference = await trx.insertInto('child_protection_conferences').values({
      la_code: source.laCode, child_id: p.childId, kind: 'review', section47_id: null, plan_id: id!, conference_date: date,
      decision: ends ? 'end' : 'continue', category: ends ? null : p.latestCategory, chair_id: source.outsideId,
    }).returning('id').executeTakeFirstOrThrow()
    await appendImportedEvent(trx, source, {
      childId: p.childId, type: 'child_protection.review_conference', occurredAt: onDay(date),
      summary: `Review child protection conference: ${ends ? 'plan ended' : 'plan continues'}`, data: { conferenceId: conference.id, planId: id },
    })
  }
  if (p.endDate && held?.end_date !== p.endDate) {
    await appendImportedEvent(trx, source, {
      childId: p.childId, type: 'cp_plan.ended', occurredAt: onDay(p.endDate), significant: true, summary: 'Child protection plan ended', data: { planId: id },
    })
  }
}
