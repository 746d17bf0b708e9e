// SSDA903 code groups used by rules 300-499 (to move into ../codes.ts once that shared list exists).

/** Reasons an episode ceased that mean the child was adopted. */
export const ADOPTED: ReadonlySet<string> = new Set(['E11', 'E12'])
/** Reasons an episode ceased that mean a special guardianship order was made. */
export const SPECIAL_GUARDIANSHIP: ReadonlySet<string> = new Set(['E45', 'E46', 'E47', 'E48'])
/** Placements for adoption (A3, A4 with consent; A5, A6 with a placement order). */
export const ADOPTION_PLACEMENTS: ReadonlySet<string> = new Set(['A3', 'A4', 'A5', 'A6'])
/** Foster placements (U1-U6). */
export const FOSTER_PLACEMENTS: ReadonlySet<string> = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6'])
/** Temporary placements (T0-T4). */
export const TEMPORARY_PLACEMENTS: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4'])
/** Legal statuses of short-term breaks (respite): V3 a single break, V4 an agreed series. */
export const RESPITE: ReadonlySet<string> = new Set(['V3', 'V4'])
/** Codes given instead of a Unique Pupil Number when it is unknown (UN1-UN5). */
export const UPN_UNKNOWN: ReadonlySet<string> = new Set(['UN1', 'UN2', 'UN3', 'UN4', 'UN5'])
