// Kysely's view of the front-door module's tables (its migrations are migrations/*_front_door*.sql).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FrontDoorTables {}
