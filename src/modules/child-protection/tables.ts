// Kysely's view of the child-protection module's tables (its migrations are migrations/*_child_protection*.sql).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChildProtectionTables {}
