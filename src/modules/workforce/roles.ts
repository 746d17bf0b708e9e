// Which roles count as what in the workforce's figures.

/** Roles whose allocation makes them the child's allocated worker (a family help lead is allocated by family help). */
export const allocatedWorkerRoles = ['social_worker', 'team_manager'] as const
