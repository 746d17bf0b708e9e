// Who may use this module's pages. Social workers and team managers work the case; a manager in the
// allocated worker's line authorises assessments; the reviewing service's chairs record conferences.
// Partner agencies may later contribute to strategy discussions and core groups through an involvement;
// no page admits them yet.
import { allow, caseworkLinks } from '../../platform/access/policy.js'

const purpose = 'child protection'

export const caseworkAccess = allow({ roles: ['social_worker', 'team_manager'], child: { param: 'childId', links: caseworkLinks, purpose } })

/** The overview: the case's workers, and a chair once they have chaired a conference for the child (an involvement). */
export const overviewAccess = allow({ roles: ['social_worker', 'team_manager', 'iro'], child: { param: 'childId', links: caseworkLinks, purpose } })

export const managerAccess = allow({ roles: ['team_manager'], child: { param: 'childId', links: ['manager-line'], purpose: 'authorising an assessment' } })

/**
 * Conference chairs are assigned across the authority by the reviewing service (there is no chair
 * allocation to link them yet), so a chair reaches any child of the authority here; each view is audited.
 */
export const chairAccess = allow({ roles: ['iro'], child: { param: 'childId', links: ['authority'], purpose: 'chairing a child protection conference' } })

export const chairListAccess = allow({ roles: ['iro'] })
