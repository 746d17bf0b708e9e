// Who may use this module's pages. Social workers and team managers linked to the child work the case; placement
// officers record placement changes and reviewing officers record reviews and their contacts for any child of the
// authority (they are assigned authority-wide), each view audited.
import { allow, caseworkLinks } from '../../platform/access/policy.js'

export const caseAccess = allow({ roles: ['social_worker', 'team_manager'], child: { param: 'childId', links: caseworkLinks, purpose: 'looked-after children' } })
export const placementAccess = allow({ roles: ['placement_officer'], child: { param: 'childId', links: ['authority'], purpose: 'placement finding' } })
export const reviewingAccess = allow({ roles: ['iro'], child: { param: 'childId', links: ['authority'], purpose: 'reviewing a looked-after child' } })

/** The reviewing officer's list of the authority's children in care. */
export const reviewListAccess = allow({ roles: ['iro'] })
