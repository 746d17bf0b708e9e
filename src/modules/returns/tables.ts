// Kysely's view of the returns module's tables (its migrations are migrations/*_returns*.sql).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReturnsTables {}
