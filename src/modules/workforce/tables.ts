// Kysely's view of the workforce module's tables (its migrations are migrations/*_workforce*.sql).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkforceTables {}
