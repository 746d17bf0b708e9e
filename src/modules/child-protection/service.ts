// The child-protection module's service: what other modules may use. Assessments, strategy discussions,
// section 47 enquiries, conferences and child protection plans, and each authority's local timescales.
import type { Executor } from '../../platform/audit/audit.js'

export { childProtectionDeadlines } from './casework.js'
export { childProtectionOverview, type Overview } from './overview.js'
export { startAssessment, submitAssessment, decideAssessment, getAssessment } from './assessments.js'
export { recordStrategyDiscussion, startSection47, concludeSection47 } from './enquiries.js'
export { recordInitialConference, recordReviewConference } from './conferences.js'
export { recordCoreGroup, endPlan } from './plans.js'
export { childProtectionCensusFor, type ChildProtectionCensus, type CensusAssessment, type CensusSection47, type CensusPlan } from './returns.js'
export { assessmentRows, protectionPlanRows } from './figures.js'

/** Whether the child has a child protection plan that has not ended (closing the CIN episode waits for it). */
export async function childProtectionPlanIsOpen(executor: Executor, laCode: string, childId: string): Promise<boolean> {
  const open = await executor.selectFrom('child_protection_plans').where('la_code', '=', laCode).where('child_id', '=', childId)
    .where('end_date', 'is', null).select('id').executeTakeFirst()
  return open !== undefined
}
export { childProtectionFacts, type ChildProtectionFacts } from './returns-facts.js'
export { importAssessment, importSection47, importProtectionPlan, type ImportedAssessment, type ImportedSection47, type ImportedPlan } from './imported-records.js'
