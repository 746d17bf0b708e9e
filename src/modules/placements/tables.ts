// Kysely's view of the placements module's tables (its migrations are migrations/*_placements*.sql).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlacementsTables {}
