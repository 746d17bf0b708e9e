// Who may use this module's pages: social workers and team managers; a young person's pages need a casework link.
import { allow, caseworkLinks } from '../../platform/access/policy.js'

export const teamAccess = allow({ roles: ['social_worker', 'team_manager'] })
export const caseAccess = allow({ roles: ['social_worker', 'team_manager'], child: { param: 'childId', links: caseworkLinks, purpose: 'leaving care' } })
