// What this module adds to the platform's casework registries: deadlines for "my work" (reviews, visits,
// health assessments, PEPs) and the child page's looked-after section.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Role } from '../../platform/auth/roles.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { addDeadlineProvider, type ChildDeadline } from '../../platform/casework/deadlines.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { labelFor, placementDistances, placementTypes } from '../placements/service.js'
import { permanencePlans, permanencePlansOf } from './care-planning.js'
import { legalStatuses } from './codes.js'
import { careNow } from './due.js'
import { iroContactFormHref, lookedAfterHref, placementChangeFormHref, reviewFormHref } from './outcomes.js'
import { roleMayUse } from '../../platform/access/policy.js'
import { caseAccess, placementAccess, reviewingAccess } from './access.js'
import { childrenBySettings, timescaleSettingsFor } from '../../platform/timescales/local-settings.js'

async function lookedAfterDeadlines(db: Kysely<DB>, childIds: readonly string[], today: LocalDate): Promise<ChildDeadline[]> {
  // The PEP's day type is local, so the children are worked out one authority at a time.
  const groups = await childrenBySettings(db, childIds)
  const children = (await Promise.all(groups.map(([settings, ids]) => careNow(db, null, ids, today, settings)))).flat()
  return children.flatMap((c) => c.due.map((d) => ({ childId: c.childId, ruleId: d.next.rule.id, what: d.next.rule.name, due: d.next.due, href: d.href })))
}

/**
 * The section's links that the reader's role may follow, so no one is offered a page they would be refused. Those who
 * work the case open the record (the child's page admits them through the same links); reviewing and placement
 * officers reach the child's forms through their own authority-wide pages, which need a period of care open.
 */
function linksFor(role: Role, childId: string, lookedAfterNow: boolean) {
  const links = [
    { access: caseAccess, text: 'Looked-after record', href: lookedAfterHref(childId), whileInCare: false },
    { access: reviewingAccess, text: 'Record a looked-after review', href: reviewFormHref(childId), whileInCare: true },
    { access: reviewingAccess, text: 'Record your contact with the child', href: iroContactFormHref(childId), whileInCare: true },
    { access: placementAccess, text: 'Record a placement change', href: placementChangeFormHref(childId), whileInCare: true },
  ]
  return links.filter((link) => roleMayUse(link.access, role) && (lookedAfterNow || !link.whileInCare)).map(({ text, href }) => ({ text, href }))
}

export function registerCasework(): void {
  addDeadlineProvider({ id: 'looked-after', deadlines: lookedAfterDeadlines })
  addChildPageSection({
    id: 'looked-after',
    order: 110,
    template: 'modules/looked-after/views/section.njk',
    async load(db, childId, user) {
      const today = todayInEngland()
      const [now] = await careNow(db, user.laCode, [childId], today, await timescaleSettingsFor(db, user.laCode))
      if (!now) {
        const past = await db.selectFrom('care_periods').select('id').where('child_id', '=', childId).where('la_code', '=', user.laCode).execute()
        return past.length > 0 ? { lookedAfter: false, links: linksFor(user.role, childId, false) } : null
      }
      const [distance] = await placementDistances(db, [{ home: now.episode.home_postcode, placement: now.episode.placement_postcode }])
      const plan = (await permanencePlansOf(db, [childId])).at(-1)
      return {
        lookedAfter: true, links: linksFor(user.role, childId, true), since: now.period.start_date,
        legalStatus: `${labelFor(legalStatuses, now.episode.legal_status)} (${now.episode.legal_status})`,
        placement: `${labelFor(placementTypes, now.episode.placement_type)} (${now.episode.placement_type})`,
        placedSince: now.episode.start_date, distance, due: now.due,
        permanencePlan: plan ? { label: labelFor(permanencePlans, plan.plan), since: plan.set_on } : null,
      }
    },
  })
}
