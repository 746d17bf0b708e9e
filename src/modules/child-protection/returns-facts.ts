// What the inspection lists and the DfE payload read from child protection: every assessment, strategy
// discussion, section 47 enquiry, conference and plan of these children in the authority. Read-only.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'

export async function childProtectionFacts(db: Kysely<DB>, laCode: string, childIds: readonly string[]) {
  if (childIds.length === 0) return { assessments: [], strategyDiscussions: [], section47s: [], conferences: [], plans: [] }
  const [assessments, strategyDiscussions, section47s, conferences, plans] = await Promise.all([
    db.selectFrom('assessments').where('la_code', '=', laCode).where('child_id', 'in', childIds)
      .select(['id', 'child_id', 'referral_id', 'start_date', 'status', 'factors', 'outcome', 'completed_on', 'authorised_on']).orderBy('start_date').execute(),
    db.selectFrom('strategy_discussions').where('la_code', '=', laCode).where('child_id', 'in', childIds)
      .select(['id', 'child_id', 'referral_id', 'discussion_date', 'decision']).orderBy('discussion_date').execute(),
    db.selectFrom('section47_enquiries').where('la_code', '=', laCode).where('child_id', 'in', childIds)
      .select(['id', 'child_id', 'referral_id', 'strategy_discussion_id', 'start_date', 'outcome', 'outcome_date', 'icpc_not_required']).orderBy('start_date').execute(),
    db.selectFrom('child_protection_conferences').where('la_code', '=', laCode).where('child_id', 'in', childIds)
      .select(['id', 'child_id', 'kind', 'section47_id', 'plan_id', 'conference_date', 'decision']).orderBy('conference_date').execute(),
    db.selectFrom('child_protection_plans').where('la_code', '=', laCode).where('child_id', 'in', childIds)
      .select(['id', 'child_id', 'referral_id', 'start_date', 'initial_category', 'latest_category', 'previous_plans', 'end_date']).orderBy('start_date').execute(),
  ])
  return { assessments, strategyDiscussions, section47s, conferences, plans }
}

export type ChildProtectionFacts = Awaited<ReturnType<typeof childProtectionFacts>>
