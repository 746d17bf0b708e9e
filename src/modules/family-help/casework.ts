// What this module adds to the platform's casework registries: the child page section and the deadlines
// of family help and child in need plan reviews.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { addDeadlineProvider, type ChildDeadline } from '../../platform/casework/deadlines.js'
import { timescaleRule } from '../../platform/timescales/rules.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { leadRoles } from './lead-practitioners.js'
import { childInNeedHref, familyHelpHref } from './outcomes.js'
import { childInNeed, familyHelpPlan, nextCinPlanReview, nextFamilyHelpReview } from './read-models.js'
import { latestCinPlanReviews, latestFamilyHelpReviews, openCinPlansFor, openEpisodesFor } from './repository.js'
import { timescaleSettingsByChild, timescaleSettingsFor } from '../../platform/timescales/local-settings.js'

async function familyHelpDeadlines(db: Kysely<DB>, childIds: readonly string[]): Promise<ChildDeadline[]> {
  const episodes = await openEpisodesFor(db, { childIds })
  if (episodes.length === 0) return []
  const [latest, settings] = await Promise.all([latestFamilyHelpReviews(db, episodes.map((e) => e.id)), timescaleSettingsByChild(db, childIds)])
  return episodes.map((e) => ({
    childId: e.child_id, ruleId: 'FH-01', what: timescaleRule('FH-01').name,
    due: nextFamilyHelpReview(e.start_date, latest.get(e.id), settings.get(e.child_id)!), href: `${familyHelpHref(e.child_id)}/reviews/new`,
  }))
}

async function childInNeedDeadlines(db: Kysely<DB>, childIds: readonly string[]): Promise<ChildDeadline[]> {
  const plans = await openCinPlansFor(db, childIds)
  if (plans.length === 0) return []
  const [latest, settings] = await Promise.all([latestCinPlanReviews(db, plans.map((p) => p.id)), timescaleSettingsByChild(db, childIds)])
  return plans.map((p) => ({
    childId: p.child_id, ruleId: 'CIN-01', what: timescaleRule('CIN-01').name,
    due: nextCinPlanReview(p.start_date, latest.get(p.id), settings.get(p.child_id)!), href: `${childInNeedHref(p.child_id)}/plans/${p.id}/reviews/new`,
  }))
}

export function registerCasework(): void {
  addDeadlineProvider({ id: 'family-help-reviews', deadlines: familyHelpDeadlines })
  addDeadlineProvider({ id: 'child-in-need-plan-reviews', deadlines: childInNeedDeadlines })
  addChildPageSection({
    id: 'family-help',
    order: 150,
    template: 'modules/family-help/views/section.njk',
    async load(db, childId, user) {
      if (!leadRoles.includes(user.role)) return null
      const [settings, today] = [await timescaleSettingsFor(db, user.laCode), todayInEngland()]
      const [plan, cin] = await Promise.all([familyHelpPlan(db, user.laCode, childId, today, settings), childInNeed(db, user.laCode, childId, today, settings)])
      return {
        familyHelp: plan.open, endedEpisodes: plan.past.length, href: familyHelpHref(childId),
        cin: cin.referral ? { referralDate: cin.referral.referralDate, openPlan: cin.plans.find((p) => !p.plan.end_date) ?? null } : null,
        cinHref: childInNeedHref(childId),
      }
    },
  })
}
