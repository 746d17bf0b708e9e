// The share of a generated authority's residents from ethnic minority (non-White) backgrounds, for the dashboard's
// comparator. Synthetic: its region's approximate Census 2021 share (TS021), varied by authority between half and
// one and a half times it, so authorities differ as they do, not the real figure for any of them.
import type { AuthorityRecord } from './authorities.js'
import { Random } from './random.js'

/** Approximate percentage of residents not White, Census 2021, by region. */
const regionalPercent: Record<string, number> = {
  'north-east': 7.0, 'north-west': 14.7, 'yorkshire-humber': 14.6, 'east-midlands': 14.3, 'west-midlands': 22.9,
  'east-of-england': 13.5, london: 46.2, 'south-east': 13.3, 'south-west': 6.8,
}

export function ethnicMinorityPercent(authority: Pick<AuthorityRecord, 'code' | 'regionId'>): number {
  const regional = regionalPercent[authority.regionId] ?? 19
  const varied = regional * (0.5 + new Random(`ethnic-minority/${authority.code}`).next())
  return Math.round(Math.min(90, varied) * 10) / 10
}
