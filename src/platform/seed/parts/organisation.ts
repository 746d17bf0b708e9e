// Agencies, teams and workers (users without passwords) for a generated authority.
import type { SeedPart, SeedTable } from '../part.js'

export const agenciesTable: SeedTable = {
  name: 'agencies', columns: [['id', 'uuid'], ['la_code', 'text'], ['kind', 'text'], ['name', 'text'], ['reference', 'text']],
}
export const teamsTable: SeedTable = {
  name: 'teams', columns: [['id', 'uuid'], ['la_code', 'text'], ['agency_id', 'uuid'], ['name', 'text'], ['kind', 'text']],
}
export const usersTable: SeedTable = {
  name: 'users',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['agency_id', 'uuid'], ['team_id', 'uuid'], ['manager_id', 'uuid'], ['email', 'text'],
    ['display_name', 'text'], ['role', 'text']],
}

export const organisationPart: SeedPart = {
  name: 'organisation',
  tables: [agenciesTable, teamsTable, usersTable],
  begin({ plan, organisation }, emit) {
    const la_code = plan.authority.code
    for (const a of organisation.agencies) if (!a.existing) emit(agenciesTable, { id: a.id, la_code, kind: a.kind, name: a.name, reference: a.reference })
    for (const t of organisation.teams) if (!t.existing) emit(teamsTable, { id: t.id, la_code, agency_id: t.agencyId, name: t.name, kind: t.kind })
    // Managers first: the rows reference them.
    const workers = organisation.workers.filter((w) => !w.existing)
    for (const w of [...workers.filter((x) => x.managerId === null), ...workers.filter((x) => x.managerId !== null)]) {
      emit(usersTable, {
        id: w.id, la_code, agency_id: w.agencyId, team_id: w.teamId, manager_id: w.managerId, email: w.email, display_name: w.displayName, role: w.role,
      })
    }
  },
}
