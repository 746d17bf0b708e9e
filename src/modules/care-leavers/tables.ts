// Kysely's view of the care-leavers module's tables (its migrations are migrations/*_care_leavers*.sql).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CareLeaversTables {}
