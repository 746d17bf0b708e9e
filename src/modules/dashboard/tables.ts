// Kysely's view of the dashboard module's tables (its migrations are migrations/*_dashboard*.sql).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DashboardTables {}
