// Whose figures a user sees: an authority's analysts and managers their authority; a regional care cooperative's
// analysts the authorities of their RCC; national analysts every authority in the deployment. Each level's figure
// is the sum of its authorities' numerators over the sum of their denominators.
import type { Kysely } from 'kysely'
import type { SessionUser } from '../../platform/auth/session.js'
import type { DB } from '../../platform/db/schema.js'
import type { Fraction } from './indicator.js'

export interface Authority { code: string; name: string; rccId: string | null; population: number | null }
export interface Level { kind: 'authority' | 'rcc' | 'deployment'; id: string; name: string; codes: string[] }

export interface Levels {
  /** The level the user looks at first. */
  home: Level
  /** Every level the user may look at: their own and, for cross-authority analysts, the ones inside it. */
  visible: Level[]
  authorities: Authority[]
  rccs: Level[]
  deployment: Level
}

export async function levelsFor(db: Kysely<DB>, user: SessionUser): Promise<Levels> {
  const authorities = (await db.selectFrom('local_authorities').select(['code', 'name', 'rcc_id', 'population_0_17']).orderBy('name').execute())
    .map((a) => ({ code: a.code.trim(), name: a.name, rccId: a.rcc_id, population: a.population_0_17 }))
  const rccs = await db.selectFrom('regional_care_cooperatives').select(['id', 'name']).orderBy('name').execute()
  const own = authorities.find((a) => a.code === user.laCode)!
  const authorityLevel = (a: Authority): Level => ({ kind: 'authority', id: a.code, name: a.name, codes: [a.code] })
  const rccLevel = (r: { id: string; name: string }): Level => ({ kind: 'rcc', id: r.id, name: r.name, codes: authorities.filter((a) => a.rccId === r.id).map((a) => a.code) })
  const deployment: Level = { kind: 'deployment', id: 'all', name: 'All authorities', codes: authorities.map((a) => a.code) }
  const rccLevels = rccs.map(rccLevel).filter((r) => r.codes.length > 0)
  const base = { authorities, rccs: rccLevels, deployment }
  if (user.role === 'national_analyst') return { ...base, home: deployment, visible: [deployment, ...rccLevels, ...authorities.map(authorityLevel)] }
  const ownRcc = rccLevels.find((r) => r.id === own.rccId)
  if (user.role === 'rcc_analyst' && ownRcc) {
    return { ...base, home: ownRcc, visible: [ownRcc, ...authorities.filter((a) => a.rccId === ownRcc.id).map(authorityLevel)] }
  }
  return { ...base, home: authorityLevel(own), visible: [authorityLevel(own)] }
}

/** The comparators beside a level: an authority's RCC, and every authority in the deployment. */
export function comparatorsOf(level: Level, levels: Levels): Level[] {
  const rccId = level.kind === 'authority' ? levels.authorities.find((a) => a.code === level.id)?.rccId : null
  const rcc = levels.rccs.find((r) => r.id === rccId)
  return [...(rcc ? [rcc] : []), ...(level.kind === 'deployment' ? [] : [levels.deployment])]
}

export function sumOf(perAuthority: Map<string, Fraction>, codes: readonly string[]): Fraction {
  let numerator = 0
  let denominator = 0
  for (const code of codes) {
    const f = perAuthority.get(code)
    if (f) { numerator += f.numerator; denominator += f.denominator }
  }
  return { numerator, denominator }
}
