// Kysely's view of the family-help module's tables (its migrations are migrations/*_family_help*.sql).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FamilyHelpTables {}
