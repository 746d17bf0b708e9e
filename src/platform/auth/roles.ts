// The roles a Kindred account can hold. A route names the roles that may use it (see access/policy.ts).
export const roles = {
  social_worker: 'Social worker',
  team_manager: 'Team manager',
  front_door: 'Front door (MASH) worker',
  family_help: 'Family help practitioner',
  iro: 'Independent reviewing officer or conference chair',
  placement_officer: 'Placement officer',
  partner_police: 'Police partner',
  partner_health: 'Health partner',
  partner_education: 'Education partner',
  performance_analyst: 'Performance analyst',
  rcc_analyst: 'Regional care cooperative analyst',
  national_analyst: 'National analyst',
  administrator: 'Administrator',
} as const

export type Role = keyof typeof roles

export const allRoles = Object.keys(roles) as Role[]

export function isRole(value: string): value is Role {
  return Object.hasOwn(roles, value)
}

/** Practitioners in partner agencies: they see a child only through an involvement. */
export const partnerRoles: Role[] = ['partner_police', 'partner_health', 'partner_education']

/** Roles that work children's cases inside the authority's children's services. */
export const caseworkRoles: Role[] = ['social_worker', 'team_manager', 'front_door', 'family_help', 'iro', 'placement_officer']

/** Roles whose figures may span authorities: a regional care cooperative, or the whole deployment. */
export const crossAuthorityRoles: Role[] = ['rcc_analyst', 'national_analyst']
