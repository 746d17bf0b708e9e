// Computing the indicators for the levels a page shows. Every figure is computed for all authorities at once
// (one set-based query per indicator), so an authority, its RCC and the deployment come from the same numbers.
// The deployment-wide figures are kept for a few minutes: at England scale they take seconds, and a comparator a
// few minutes old is still current; the user's own authority is always computed live.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { valueOf, type Fraction, type Indicator } from './indicator.js'
import { sumOf, type Level } from './levels.js'
import type { Period } from './period.js'

const keepForMs = 5 * 60_000

export interface Figure { level: Level; fraction: Fraction; value: number | null }

export class DashboardFigures {
  private readonly deploymentWide = new Map<string, { at: number; figures: Promise<Map<string, Fraction>> }>()

  constructor(private readonly db: Kysely<DB>, private readonly now: () => number = Date.now) {}

  /** Per authority, for every authority in the deployment. */
  everyAuthority(indicator: Indicator, period: Period): Promise<Map<string, Fraction>> {
    const key = `${indicator.id}/${period.key}/${period.end}`
    const kept = this.deploymentWide.get(key)
    if (kept && this.now() - kept.at < keepForMs) return kept.figures
    const figures = indicator.figures(this.db, null, period)
    this.deploymentWide.set(key, { at: this.now(), figures })
    figures.catch(() => this.deploymentWide.delete(key))
    return figures
  }

  /** The figure for each level, the first (the user's own) live, the rest from the deployment-wide figures. */
  async forLevels(indicator: Indicator, period: Period, levels: readonly Level[]): Promise<Figure[]> {
    const [first, ...rest] = levels
    const live = first ? await indicator.figures(this.db, first.kind === 'deployment' ? null : first.codes, period) : new Map()
    const wide = rest.length > 0 ? await this.everyAuthority(indicator, period) : new Map()
    return levels.map((level, i) => {
      const fraction = sumOf(i === 0 ? live : wide, level.codes)
      return { level, fraction, value: valueOf(fraction, indicator.unit) }
    })
  }
}
