// What this module adds to the platform's casework registries: the child page's "Family network decisions
// and kinship" section. No deadline provider: FG-01 (the FGDM offer) has no period to count, and the visits
// due to a child placed with temporarily approved connected carers (LAC-07) belong to the looked-after module.
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { arrangementTypes, labelFor } from './codes.js'
import { kinshipHref, kinshipState, practitionerRoles, proceedingsHref, proceedingsState } from './service.js'

export function registerCasework(): void {
  addChildPageSection({
    id: 'family-network-decisions',
    order: 160,
    template: 'modules/family-network/views/section.njk',
    async load(db, childId, user) {
      if (!(practitionerRoles as readonly string[]).includes(user.role)) return null
      const [proceedings, kinship] = await Promise.all([proceedingsState(db, user, childId), kinshipState(db, user, childId)])
      const { preProceedings: pp } = proceedings
      return {
        preProceedings: pp && {
          active: proceedings.active, decisionDate: pp.decision_date, steppedDown: pp.outcome === 'step_down',
          application: proceedings.application, requirement: proceedings.requirement,
        },
        current: kinship.current && { carer: kinship.current.carer_name, type: labelFor(arrangementTypes, kinship.current.arrangement_type), since: kinship.current.started_on },
        possibleCarers: kinship.possibleCarers.length,
        assessmentsUnderWay: kinship.assessments.filter((a) => !a.completed_on).length,
        proceedingsHref: proceedingsHref(childId), kinshipHref: kinshipHref(childId),
      }
    },
  })
}
