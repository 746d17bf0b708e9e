// What this module adds to the platform's casework registries: a deadline provider for every deadline it
// computes (assessment, strategy discussion, enquiry, conferences, core groups, visits) and the child page section.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { addDeadlineProvider, type ChildDeadline } from '../../platform/casework/deadlines.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { timescaleSettingsByChild } from '../../platform/timescales/local-settings.js'
import { childProtectionOverview } from './overview.js'
import { childProtectionHref, childProtectionRecords, deadlinesOf } from './record.js'

/** Roles that see the section: those who work the case and the conference chair. */
const sectionRoles = new Set(['social_worker', 'team_manager', 'iro'])

export async function childProtectionDeadlines(db: Kysely<DB>, childIds: readonly string[], _today: LocalDate): Promise<ChildDeadline[]> {
  if (childIds.length === 0) return []
  const [records, settings] = await Promise.all([childProtectionRecords(db, childIds), timescaleSettingsByChild(db, childIds)])
  return [...records.values()].flatMap((record) => {
    const childSettings = settings.get(record.childId)
    return childSettings ? deadlinesOf(record, childSettings).map(({ childId, ruleId, what, due, href }) => ({ childId, ruleId, what, due, href })) : []
  })
}

export function registerCasework(): void {
  addDeadlineProvider({ id: 'child-protection', deadlines: childProtectionDeadlines })
  addChildPageSection({
    id: 'child-protection',
    order: 120,
    template: 'modules/child-protection/views/section.njk',
    async load(db, childId, user) {
      if (!sectionRoles.has(user.role)) return null
      const overview = await childProtectionOverview(db, user.laCode, childId, todayInEngland())
      const hasAny = overview.referral || overview.assessments.length > 0 || overview.plan || overview.pastPlans.length > 0
      return hasAny ? { ...overview, href: childProtectionHref(childId) } : null
    },
  })
}
