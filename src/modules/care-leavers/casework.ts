// What this module adds to the platform's registries: deadlines for "my work" (needs assessment, pathway plan
// review, birthday contact) and the child page's leaving care section.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { roleMayUse } from '../../platform/access/policy.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { addDeadlineProvider, type ChildDeadline } from '../../platform/casework/deadlines.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { caseAccess } from './access.js'
import { careLeaversFor, isCareLeaver } from './care-leaver.js'
import { careLeaverView } from './view-model.js'

async function careLeaverDeadlines(db: Kysely<DB>, childIds: readonly string[], today: LocalDate): Promise<ChildDeadline[]> {
  const all = await careLeaversFor(db, null, childIds, today)
  return all.flatMap((c) => c.due.map((d) => ({ childId: c.person.id, ruleId: d.ruleId, what: d.what, due: d.due, href: d.href })))
}

export function registerCasework(): void {
  addDeadlineProvider({ id: 'care-leavers', deadlines: careLeaverDeadlines })
  addChildPageSection({
    id: 'care-leaver',
    order: 120,
    template: 'modules/care-leavers/views/section.njk',
    async load(db, childId, user) {
      const today = todayInEngland()
      const [c] = await careLeaversFor(db, user.laCode, [childId], today)
      if (!c || !isCareLeaver(c)) return null
      // Only those who may open the leaving care record are offered the link to it.
      return { ...careLeaverView(c, today), mayOpenRecord: roleMayUse(caseAccess, user.role) }
    },
  })
}
