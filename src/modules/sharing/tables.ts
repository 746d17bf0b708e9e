// Kysely's view of the sharing module's tables (its migrations are migrations/*_sharing*.sql).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SharingTables {}
