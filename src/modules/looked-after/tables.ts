// Kysely's view of the looked-after module's tables (its migrations are migrations/*_looked_after*.sql).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LookedAfterTables {}
